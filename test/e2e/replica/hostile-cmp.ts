// A hostile page on a protected site (www.harbor-books.com) that turns the extension's OneTrust check against another
// site (issue #22, finding 1): it names a group beyond the site's map "always active" and reports a mismatch. Once
// repaired, it loads again, so that its next repair waits in the answerer's queue behind the first one's wait for a
// record it never writes; observed again, it writes 50 `OptanonConsent` records in a burst and navigates the tab to
// `next` (the covered www.atlassian.com), carrying the visit on. A page the check never observes leaves after 5 s.
// It logs `/__hostile-cmp/observed` when observed the second time; its own OneTrust stand-in and the covered site's
// fake (onetrust-fake.js) log each API call as `/__cmp-api/<call>/<argument>`.
import type { ServerResponse } from 'node:http';

/** The hostile page's path, on the protected site's host; `?next=<url>&named=<group id>`. */
export const HOSTILE_CMP_PATH = '/__hostile-cmp';
const CMP_API_PREFIX = '/__cmp-api/';

/** The OneTrust API calls the covered pages' fake logged, as "<call>" or "<call> <argument>", in arrival order. */
export function cmpApiCalls(paths: readonly string[]): string[] {
  return paths
    .filter((path) => path.startsWith(CMP_API_PREFIX))
    .map((path) => decodeURIComponent(path.slice(CMP_API_PREFIX.length)).replace(/\/$/, '').replace('/', ' '));
}

/** The replica's answer to the hostile page and its beacons; false for any other path. */
export function answerHostileCmp(path: string, response: ServerResponse): boolean {
  if (path.startsWith(CMP_API_PREFIX) || path === `${HOSTILE_CMP_PATH}/observed`) response.writeHead(204).end();
  else if (path === HOSTILE_CMP_PATH)
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  else return false;
  return true;
}

const PAGE = `<!doctype html><title>hostile</title>
<div id="onetrust-banner-sdk">We use cookies.</div>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var visit = params.get('visit') || '';
  var next = new URL(params.get('next'));
  next.searchParams.set('visit', visit);
  var groups = [
    { CustomGroupId: 'HB-ESS', GroupName: 'Essential', GroupDescription: '', Status: 'always active' },
    { CustomGroupId: params.get('named') || 'C0004', GroupName: 'Named here', GroupDescription: '', Status: 'always active' },
  ];
  var left = false;
  function leave(url, delayMs) {
    if (left) return;
    left = true;
    for (var i = 0; i < 50; i += 1)
      document.cookie = 'OptanonConsent=groups=HB-ESS%3A1%2CHB-STATS%3A1&burst=' + i + Math.random().toString(36).slice(2) +
        '; domain=harbor-books.com; path=/; Secure; SameSite=Lax';
    setTimeout(function () { location.replace(url); }, delayMs || 0);
  }
  // First load: once repaired, load again, while the repair's wait for its record (which this page never writes)
  // holds the answerer's queue. Second load: leave for the other site as soon as it is observed.
  var again = new URL(location.href);
  again.searchParams.set('stage', '2');
  var second = params.get('stage') === '2';
  function called(call, argument) {
    navigator.sendBeacon('/__cmp-api/' + call + '/' + encodeURIComponent(argument || ''));
    if (!second) leave(again.href);
  }
  window.OnetrustActiveGroups = ',HB-ESS,';
  window.OneTrust = {
    GetDomainData: function () { return { Groups: groups }; },
    UpdateConsent: function (type, value) { called('UpdateConsent', type + ':' + value); },
    RejectAll: function () { called('RejectAll'); },
    AllowAll: function () { called('AllowAll'); },
    IsAlertBoxClosed: function () {
      if (second) {
        navigator.sendBeacon('${HOSTILE_CMP_PATH}/observed?visit=' + visit);
        // Long enough for the observation to reach the worker, well within the queue's wait.
        leave(next.href, 500);
      }
      return false;
    },
  };
  // Never observed (no extension): leave anyway, so the visit ends.
  setTimeout(function () { leave(next.href); }, 5000);
})();
</script>
`;
