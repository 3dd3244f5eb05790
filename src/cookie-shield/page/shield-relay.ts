// Runs in the extension's isolated world on covered pages, next to the main-world shield: forwards the shield's
// reports of dropped writes (counted, some named) to the worker, which counts them on this tab. The page can dispatch
// the same event, so each report is schema-checked and capped here, and again by the worker.
import browser from 'webextension-polyfill';
import { MAX_DROPS_PER_DOCUMENT, parseDropsText, withinBudget, type ShieldDropsMessage } from '../shield-report';
import { SHIELD_EVENT } from '../shield-tally';

let budget = MAX_DROPS_PER_DOCUMENT;

document.addEventListener(SHIELD_EVENT, (event) => {
  const drops = parseDropsText((event as CustomEvent<unknown>).detail);
  if (drops === null || budget <= 0) return;
  const kept = withinBudget(drops, budget);
  budget -= Object.values(kept).reduce((sum, { count }) => sum + count, 0);
  const message: ShieldDropsMessage = { type: 'shield-drops', drops: kept };
  // A worker that is being replaced may not answer: a lost count is not worth an error in the page's console.
  void browser.runtime.sendMessage(message).catch(() => undefined);
});
