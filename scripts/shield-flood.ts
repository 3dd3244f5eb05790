// `npx tsx scripts/shield-flood.ts [frames]` (after `npm run build -- --test`): the cookie shield's relay under a flood
// (issue #22). A covered page in headless Chromium adds `frames` same-origin blank frames (200 by default); each gets
// the shield's relay, whose cap is per document, and the page dispatches the shield's event in each until its relay
// has sent all it may. Prints how many `shield-drops` messages the worker received, how many drops it counted on the
// tab, and how long from the page's first dispatch until the worker's counts and messages stopped changing (seen by
// polling: the first poll's time when all was over by then). A measurement, never part of npm test.
import type Browser from 'webextension-polyfill';
import { loadSites } from '../src/knowledge/load';
import { refusedCategories } from '../src/settings/choices';
import { freshSettings } from '../src/settings/settings';
import { MAX_DROPS_PER_DOCUMENT } from '../src/cookie-shield/shield-report';
import { dropsText, MAX_DROPS_PER_REPORT, SHIELD_EVENT } from '../src/cookie-shield/shield-tally';
import type { Reply } from '../src/messaging/protocol';
import { launchBrowser } from '../test/e2e/harness/launch';
import { tabOfVisit } from '../test/e2e/harness/tabs';
import { startReplica } from '../test/e2e/replica/server';

declare const chrome: Browser.Browser;

const frames = Number(process.argv[2] ?? 200);
/** Quiet time after which the worker is taken to be done. */
const SETTLED_MS = 3_000;

async function main(): Promise<void> {
  const replica = await startReplica();
  const browser = await launchBrowser('chromium', { replica, extension: true });
  try {
    const site = loadSites().find(({ id }) => id === replica.sites[0]!.id)!;
    const category = refusedCategories(site, freshSettings(), site.domains[0]!)[0]!;
    const detail = dropsText({ [category]: { count: MAX_DROPS_PER_REPORT, names: [] } });
    await browser.inExtension(() => {
      const flood = { messages: 0 };
      Reflect.set(globalThis, '__flood', flood);
      chrome.runtime.onMessage.addListener((message: unknown) => {
        if ((message as { type?: unknown } | null)?.type === 'shield-drops') flood.messages++;
      });
    });
    const visit = await browser.visit(replica.coveredPage());
    const tabId = await tabOfVisit(browser, visit.id);
    const options = await browser.openExtensionPage('options.html');
    const counted = async (): Promise<number> => {
      const reply = await options.evaluate(
        (tab) => chrome.runtime.sendMessage<unknown, Reply<'get-tab-state'>>({ type: 'get-tab-state', payload: { tabId: tab } }),
        tabId,
      );
      return reply.ok ? Object.values(reply.value.counts).reduce((sum, { removedCookies }) => sum + removedCookies, 0) : NaN;
    };
    const received = () => browser.inExtension(() => (Reflect.get(globalThis, '__flood') as { messages: number }).messages);
    const before = await counted();

    // Enough reports for every relay to spend its whole cap, and one more.
    const reports = MAX_DROPS_PER_DOCUMENT / MAX_DROPS_PER_REPORT + 1;
    const start = await visit.page.evaluate(
      async ({ count, event, text }) => {
        const added = Array.from({ length: count }, () => document.body.appendChild(document.createElement('iframe')));
        // The relay is injected at document start in each new frame; a moment later it listens.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const dispatched = Date.now();
        for (const frame of added) {
          for (let report = 0; report < text.reports; report++)
            frame.contentDocument!.dispatchEvent(new CustomEvent(event, { detail: text.detail }));
        }
        return dispatched;
      },
      { count: frames, event: SHIELD_EVENT, text: { detail, reports } },
    );
    let last = { at: Date.now(), messages: -1, counted: -1 };
    while (Date.now() - last.at < SETTLED_MS) {
      const now = { at: Date.now(), messages: await received(), counted: await counted() };
      if (now.messages !== last.messages || now.counted !== last.counted) last = now;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(
      JSON.stringify({
        frames,
        reportsPerFrame: reports,
        messagesReceived: last.messages,
        dropsCounted: last.counted - before,
        settledAfterMs: last.at - start,
      }),
    );
  } finally {
    await browser.close();
    await replica.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
