// Runs in the page's main world at document_start on covered sites, after the data files of the refused
// categories (see cookie-shield/shield-plan.ts): the page's own scripts then cannot store a refused category's first-party
// cookie (document.cookie, cookieStore.set) or storage key, in this window or in a same-origin frame, so none rides
// on the requests they make next. What it drops, counted and named, is reported to the isolated-world relay
// (shield-relay.ts), which forwards it for the tab. The worker's cookie removal stays as the backstop.
import { namePatterns } from '../../knowledge/cookie-names';
import { readShieldData, SHIELD_GLOBAL } from '../shield-global';
import { dropsText, SHIELD_EVENT, tallyDrop, type Drops, type DroppedName } from '../shield-tally';
import { filterCookieStoreWrites } from './cookie-store-filter';
import { filterCookieWrites } from './document-cookie-filter';
import { protectFramesOnAccess } from './frame-filter';
import { filterStorage } from './storage-filter';

type Realm = Window & typeof globalThis;

const data = readShieldData(Reflect.get(globalThis, SHIELD_GLOBAL));
// The page never sees the list.
Reflect.deleteProperty(globalThis, SHIELD_GLOBAL);

// Taken now, before any page script could replace them.
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the document as `this`
const dispatch = EventTarget.prototype.dispatchEvent;
const schedule = setTimeout;
const Custom = CustomEvent;
const topDocument = document;

let pending: Drops = {};
let scheduled = false;
/** Reports once the current task ends, so the relay (injected next, at the same document_start) hears the first ones. */
const onDrop = (category: string, kind: DroppedName['kind'], name: string): void => {
  try {
    tallyDrop(pending, category, kind, name);
  } catch {
    // The page replaced a builtin the tally uses: the write is dropped all the same, only its report is lost.
    return;
  }
  if (scheduled) return;
  scheduled = true;
  schedule(() => {
    scheduled = false;
    const report = pending;
    pending = {};
    const detail = dropsText(report);
    dispatch.call(topDocument, new Custom(SHIELD_EVENT, { detail }));
  }, 0);
};
const onCookieDrop = (category: string, name: string): void => onDrop(category, 'cookie', name);
const onStorageDrop = (category: string, key: string): void => onDrop(category, 'storage', key);

const cookies = namePatterns(data.flatMap(({ category, cookies: names }) => names.map((name) => [name, category] as const)));
const storage = namePatterns(data.flatMap(({ category, storage: keys }) => keys.map((key) => [key, category] as const)));
// A frame's document, once protected: a frame keeps its window across navigations but gets a new realm each time.
const protectedDocuments = new WeakSet<Document>();

function protect(realm: Realm): void {
  const current = realm.document;
  if (protectedDocuments.has(current)) return;
  protectedDocuments.add(current);
  filterCookieWrites(realm.Document.prototype, cookies, onCookieDrop);
  filterCookieStoreWrites((realm as { CookieStore?: { prototype: object } }).CookieStore?.prototype, cookies, onCookieDrop);
  filterStorage(realm, storage, onStorageDrop);
  protectFramesOnAccess(realm, protect);
}

if (data.length > 0) protect(globalThis as Realm);
