// The shield's document.cookie logic, apart from the page so Jest can run it on a fake document: wraps the `cookie`
// setter of a prototype so that writes of refused cookie names are dropped; reads and every other write are unchanged.
import { hasPatterns, matchName, type NamePatterns } from '../../knowledge/cookie-names';

/** The name of a `document.cookie` assignment, as the browser parses it: no "=" means an empty name. */
export function cookieName(assignment: string): string {
  const pair = assignment.split(';', 1)[0] ?? '';
  const equals = pair.indexOf('=');
  return equals < 0 ? '' : pair.slice(0, equals).trim();
}

/** `refused`: cookie name patterns → their category; `onDrop` hears the category and cookie name of each dropped write. */
export function filterCookieWrites(
  prototype: object,
  refused: NamePatterns<string>,
  onDrop: (category: string, name: string) => void,
): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'cookie');
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the page's own `this`
  const set = descriptor?.set;
  if (descriptor === undefined || set === undefined || !hasPatterns(refused)) return;
  Object.defineProperty(prototype, 'cookie', {
    ...descriptor,
    set(this: unknown, value: unknown) {
      // Converted once, so a value's toString runs once, as it would without the shield.
      const assignment = String(value);
      const name = cookieName(assignment);
      const category = matchName(refused, name);
      if (category === undefined) set.call(this, assignment);
      else onDrop(category, name);
    },
  });
}
