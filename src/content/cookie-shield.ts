// Runs in the page's main world at document_start on covered sites, after the data files of the refused
// categories (see core/shield-plan.ts): the page's own scripts then cannot store a refused first-party cookie,
// so none rides on the requests they make next. The worker's cookie removal stays as the backstop.
import { SHIELD_GLOBAL } from '../core/shield-global';
import { filterCookieWrites } from './document-cookie-filter';

const patterns: unknown = Reflect.get(globalThis, SHIELD_GLOBAL);
// The page never sees the list.
Reflect.deleteProperty(globalThis, SHIELD_GLOBAL);
if (Array.isArray(patterns))
  filterCookieWrites(
    Document.prototype,
    patterns.filter((pattern): pattern is string => typeof pattern === 'string'),
  );
