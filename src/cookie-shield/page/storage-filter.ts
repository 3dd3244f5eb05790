// The shield's localStorage / sessionStorage logic: a refused key is removed when the page starts and never written
// after: `setItem` of a refused key does nothing, and so does a property assignment (`localStorage._uetsid = ...`),
// which no prototype setter sees, so the page is handed a proxy of each storage that drops it.
import { hasPatterns, matchName, type NamePatterns } from '../../knowledge/cookie-names';

const AREAS = ['localStorage', 'sessionStorage'] as const;

interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

/** Removes the refused keys present in `storage`; calls onDrop with each one's category and key. */
export function removeRefusedKeys(
  storage: StorageLike,
  refused: NamePatterns<string>,
  onDrop: (category: string, key: string) => void,
): void {
  // Keys first, then removals: Firefox renumbers the remaining keys after each removal.
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) keys.push(storage.key(index) ?? '');
  for (const key of keys) {
    const category = matchName(refused, key);
    if (category === undefined) continue;
    storage.removeItem(key);
    onDrop(category, key);
  }
}

/** Wraps `setItem` of a Storage prototype: a refused key is not written. */
function filterSetItem(prototype: object, refused: NamePatterns<string>, onDrop: (category: string, key: string) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'setItem');
  const setItem: unknown = descriptor?.value;
  if (descriptor === undefined || typeof setItem !== 'function' || !hasPatterns(refused)) return;
  const wrapped = {
    setItem(this: unknown, ...args: unknown[]): void {
      const key = String(args[0]);
      const category = matchName(refused, key);
      if (category === undefined) Reflect.apply(setItem, this, [key, ...args.slice(1)]);
      else onDrop(category, key);
    },
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- installed as the prototype's method, called with the page's `this`
  Object.defineProperty(prototype, 'setItem', { ...descriptor, value: wrapped.setItem });
}

/**
 * A proxy of a storage that drops assignments and definitions of refused keys and passes everything else on to it;
 * its methods are the storage's own, bound to it (a Storage method refuses any other `this`).
 */
function storageProxy<T extends object>(storage: T, refused: NamePatterns<string>, onDrop: (category: string, key: string) => void): T {
  const bound = new Map<unknown, unknown>();
  /** Drops a write of a refused key, telling onDrop: returns whether it did. */
  const dropped = (key: string | symbol): boolean => {
    if (typeof key !== 'string') return false;
    const category = matchName(refused, key);
    if (category !== undefined) onDrop(category, key);
    return category !== undefined;
  };
  return new Proxy(storage, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (!bound.has(value)) bound.set(value, (value as (...args: unknown[]) => unknown).bind(target));
      return bound.get(value);
    },
    set: (target, key, value) => dropped(key) || Reflect.set(target, key, value, target),
    defineProperty: (target, key, attributes) => dropped(key) || Reflect.defineProperty(target, key, attributes),
  });
}

/**
 * In one window: removes refused keys present in both storages, filters `setItem`, and makes `localStorage` and
 * `sessionStorage` return the filtering proxies. A storage the browser denies (it throws on access) is left alone.
 */
export function filterStorage(
  win: Window & typeof globalThis,
  refused: NamePatterns<string>,
  onDrop: (category: string, key: string) => void,
): void {
  if (!hasPatterns(refused)) return;
  filterSetItem(win.Storage.prototype, refused, onDrop);
  for (const area of AREAS) {
    let storage: Storage;
    try {
      storage = win[area];
    } catch {
      continue;
    }
    removeRefusedKeys(storage, refused, onDrop);
    const { owner, descriptor } = accessorOf(win, area);
    if (owner === undefined || descriptor?.get === undefined || !descriptor.configurable) continue;
    const proxy = storageProxy(storage, refused, onDrop);
    // On the window itself, where WebIDL puts a global's attributes (https://webidl.spec.whatwg.org/#es-attributes).
    Object.defineProperty(win, area, { ...descriptor, get: () => proxy });
  }
}

/** The accessor of `name` on the object or its nearest prototype. */
function accessorOf(object: object, name: string): { owner?: object; descriptor?: PropertyDescriptor } {
  for (let owner: object | null = object; owner !== null; owner = Object.getPrototypeOf(owner) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor !== undefined) return { owner, descriptor };
  }
  return {};
}
