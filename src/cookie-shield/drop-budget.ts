// The worker's cap on the shield's counted drops: MAX_DROPS_PER_DOCUMENT per tab and top-level document, however many
// frames report. The relay's own cap is per frame, and a page can add same-origin blank frames at will, each with a
// relay and a fresh cap of its own (issue #22), so only the worker can hold the page to one budget.
import { MAX_DROPS_PER_DOCUMENT } from './shield-report';

/** Tabs remembered at most; the oldest is forgotten first (it then starts again with a whole budget). */
const MAX_TABS = 1_000;

/** Who sent a report: the browser's MessageSender fields (documentId: Chrome 106, Firefox ESR 153). */
interface BudgetSender {
  tabId: number;
  frameId?: number;
  documentId?: string;
  url?: string;
}

export interface DropBudget {
  /**
   * How many of `wanted` drops the sender's tab may still have counted, taken from its budget (0 when spent). A
   * report from the tab's top frame (frameId 0) in another document than the budget's (by documentId, else URL)
   * starts a whole budget: a new top-level page. A subframe's report draws on the tab's current one, whatever its
   * document, so a new page whose drops come only from subframes shares the last page's until its top frame reports.
   */
  take(sender: BudgetSender, wanted: number): number;
  /** Whether `take` would give the sender nothing now: checked before any other work on its report. */
  spent(sender: BudgetSender): boolean;
}

export function createDropBudget(perDocument = MAX_DROPS_PER_DOCUMENT): DropBudget {
  const tabs = new Map<number, { page: string | undefined; left: number }>();
  const pageOf = ({ frameId, documentId, url }: BudgetSender) => (frameId === 0 ? (documentId ?? url) : undefined);
  const isNewPage = (budget: { page: string | undefined }, page: string | undefined) =>
    page !== undefined && budget.page !== undefined && page !== budget.page;
  return {
    spent(sender) {
      const budget = tabs.get(sender.tabId);
      return budget !== undefined && budget.left <= 0 && !isNewPage(budget, pageOf(sender));
    },
    take(sender, wanted) {
      const { tabId } = sender;
      const page = pageOf(sender);
      let budget = tabs.get(tabId);
      if (budget === undefined || isNewPage(budget, page)) {
        budget = { page, left: perDocument };
        tabs.delete(tabId);
        tabs.set(tabId, budget);
        if (tabs.size > MAX_TABS) tabs.delete(tabs.keys().next().value!);
      }
      // A budget its subframes opened belongs to the top document that reports first, without starting again.
      budget.page ??= page;
      const taken = Math.max(0, Math.min(wanted, budget.left));
      budget.left -= taken;
      return taken;
    },
  };
}
