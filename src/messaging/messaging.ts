// The messaging slice as the worker builds it: the tab view the popup reads, the pushes to open pages, and the one
// router of the extension pages' requests with its handlers.
import { createHandlers, type HandlerDeps } from './handlers';
import { createPagePushes } from './page-pushes';
import { createMessageRouter } from './router';
import { createTabView, type TabViewDeps } from './tab-view';
import type { Ports } from '../ports/ports';

export interface MessagingDeps
  extends Omit<HandlerDeps, 'tabs'>, Omit<TabViewDeps, 'cmpCheckOf' | 'cmpQuestionOf' | 'cmpAnswerFailed' | 'jar' | 'tabUrl'> {
  /** The consent manager's open questions, and whether its last answer on a domain failed. */
  cmpQuestions: HandlerDeps['cmpQuestions'] & { answerFailed: TabViewDeps['cmpAnswerFailed'] };
  ports: Pick<Ports, 'jar' | 'tabs'>;
  /** The extension's base URL (runtime.getURL('')): only its own pages may send or subscribe. */
  extensionOrigin: string;
  /** The consent manager's check of a tab's page (when one ran). */
  cmpCheckOf: TabViewDeps['cmpCheckOf'];
  report: (error: unknown) => void;
}

export function createMessaging({ ports, extensionOrigin, report, ...deps }: MessagingDeps) {
  const { cmpQuestions } = deps;
  const tabs = createTabView({
    ...deps,
    jar: ports.jar,
    tabUrl: ports.tabs.url,
    cmpQuestionOf: (domain) => cmpQuestions.questionOf(domain),
    cmpAnswerFailed: (domain) => cmpQuestions.answerFailed(domain),
  });
  const pages = createPagePushes({
    extensionOrigin,
    settings: () => deps.store.current(),
    pageOf: (tabId) => tabs.pageOf(tabId),
    cmpOf: (tabId) => tabs.cmp(tabId),
    report,
  });
  const route = createMessageRouter(createHandlers({ ...deps, tabs }), extensionOrigin);
  return { pages, route };
}
