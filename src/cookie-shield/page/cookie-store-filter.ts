// The shield's Cookie Store API logic: `cookieStore.set(name, value)` and `cookieStore.set({ name, ... })` of a
// refused name resolve without storing anything (https://cookiestore.spec.whatwg.org/#dom-cookiestore-set).
// A site's service worker has its own cookieStore, out of a content script's reach: the worker's cookie removal
// (cookies.onChanged) takes what it writes.
import { hasPatterns, matchName, type NamePatterns } from '../../knowledge/cookie-names';

// The members of the spec's CookieInit dictionary, read once each, as the browser would.
const COOKIE_INIT = ['name', 'value', 'expires', 'domain', 'path', 'sameSite', 'partitioned', 'maxAge'] as const;

/**
 * A `set` call's arguments with the name converted to a string once, so what is checked is what is stored: a name and
 * value (strings), or one CookieInit object copied member by member. Returns the name and the arguments to pass on.
 */
export function cookieStoreCall(args: readonly unknown[]): { name: string; args: unknown[] } {
  const [first, ...rest] = args;
  if (typeof first !== 'object' || first === null) {
    const name = String(first);
    return { name, args: [name, ...rest] };
  }
  const init: Record<string, unknown> = {};
  for (const member of COOKIE_INIT) {
    const value: unknown = (first as Record<string, unknown>)[member];
    if (value !== undefined) init[member] = value;
  }
  // Converted as WebIDL converts a USVString: String() of whatever the page passed, once.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the browser would stringify it the same way
  if (init.name !== undefined) init.name = String(init.name);
  return { name: typeof init.name === 'string' ? init.name : '', args: [init, ...rest] };
}

/**
 * Wraps `set` of a CookieStore prototype (absent in browsers without the API: then nothing happens); `onDrop` hears
 * the category and cookie name of each dropped write.
 */
export function filterCookieStoreWrites(
  prototype: object | undefined,
  refused: NamePatterns<string>,
  onDrop: (category: string, name: string) => void,
): void {
  const descriptor = prototype && Object.getOwnPropertyDescriptor(prototype, 'set');
  const set: unknown = descriptor?.value;
  if (prototype === undefined || descriptor === undefined || typeof set !== 'function' || !hasPatterns(refused)) return;
  const wrapped = {
    set(this: unknown, ...args: unknown[]): unknown {
      const call = cookieStoreCall(args);
      const category = matchName(refused, call.name);
      if (category === undefined) return Reflect.apply(set, this, call.args);
      onDrop(category, call.name);
      return Promise.resolve(undefined);
    },
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- installed as the prototype's method, called with the page's `this`
  Object.defineProperty(prototype, 'set', { ...descriptor, value: wrapped.set });
}
