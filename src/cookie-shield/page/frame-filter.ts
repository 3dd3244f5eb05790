// Same-origin child frames (about:blank, srcdoc) have their own window and prototypes, but their document.cookie,
// cookieStore and storages are the page's. The registered shield runs in them too (matchOriginAsFallback), but a
// page script can write through a frame it has just inserted before any script runs there: reaching the frame
// through contentWindow / contentDocument protects it first. A cross-origin frame throws on access and is not ours.

const GETTERS = [
  ['HTMLIFrameElement', 'contentWindow'],
  ['HTMLIFrameElement', 'contentDocument'],
  ['HTMLFrameElement', 'contentWindow'],
  ['HTMLFrameElement', 'contentDocument'],
  ['HTMLObjectElement', 'contentWindow'],
  ['HTMLObjectElement', 'contentDocument'],
] as const;

/** Wraps the frame getters of `win` so that each frame's window is handed to `protect` before the page gets it. */
export function protectFramesOnAccess(win: Window & typeof globalThis, protect: (child: Window & typeof globalThis) => void): void {
  for (const [name, property] of GETTERS) {
    const prototype = (win[name] as { prototype?: object } | undefined)?.prototype;
    const descriptor = prototype && Object.getOwnPropertyDescriptor(prototype, property);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the element as `this`
    const get = descriptor?.get;
    if (prototype === undefined || descriptor === undefined || get === undefined) continue;
    Object.defineProperty(prototype, property, {
      ...descriptor,
      get(this: unknown): unknown {
        const value: unknown = get.call(this);
        const child = property === 'contentWindow' ? (value as Window | null) : ((value as Document | null)?.defaultView ?? null);
        if (child !== null) {
          try {
            protect(child as Window & typeof globalThis);
          } catch {
            // A cross-origin frame: its own origin's rules apply, not this site's.
          }
        }
        return value;
      },
    });
  }
}
