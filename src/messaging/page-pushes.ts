// Pushes to the extension's open pages, each hearing only what it shows: a popup its tab's counts and the choices on
// its tab's registrable domain, the options page the settings. A page opens a port (runtime.connect), names its subscription as
// the port's first message and is acknowledged; the port's sender is checked as the message router checks senders.
import { choicesOn } from '../settings/choices';
import type { CmpChange } from '../consent-manager/consent-manager';
import type { CmpStatus } from '../consent-manager/status';
import { PUSH_PORT, type PortMessage, type Subscription } from './protocol';
import type { Settings } from '../settings/settings';
import type { CoveredPage } from '../knowledge/registrable-domain';
import type { Recovered } from '../settings/schema';
import { isExtensionPage } from './sender';
import type { TabRecord } from '../tab-counts/tab-counts';
import type { PagePort } from '../ports/pages';

export interface PagePushesDeps {
  /** The extension's base URL (runtime.getURL('')): only its own pages may subscribe. */
  extensionOrigin: string;
  settings: () => Promise<Recovered>;
  /** The covered page a tab shows (its site and registrable domain), or null. */
  pageOf: (tabId: number) => Promise<CoveredPage | null>;
  /** The consent manager's line for the tab's popup (tab-view.ts), under the newest settings. */
  cmpOf: (tabId: number) => Promise<CmpStatus | null>;
  report: (error: unknown) => void;
}

export interface PagePushes {
  connect(port: PagePort<PortMessage>): void;
  /** From the tab counter: a tab's counts changed. */
  countsChanged(tabId: number, record: TabRecord): void;
  /** The settings changed and are in force: read the newest and tell who shows something it changed. */
  settingsChanged(): Promise<void>;
  /**
   * The consent manager's line changed for one tab (its page's check ran) or for every tab showing a registrable
   * domain (a grant made in its CMP is now asked about, or no longer; its answer failed, or holds again): those
   * tabs' popups hear the new line.
   */
  cmpChanged(where: CmpChange): Promise<void>;
}

interface Subscriber {
  port: PagePort<PortMessage>;
  subscription: Subscription;
  /** Tab subscribers: the choices last pushed or seen on the tab's domain, to push only what changed. */
  choices?: string;
}

export function createPagePushes({ extensionOrigin, settings, pageOf, cmpOf, report }: PagePushesDeps): PagePushes {
  const subscribers = new Set<Subscriber>();
  let newest: Settings | null = null;

  const post = (subscriber: Subscriber, message: PortMessage): void => {
    try {
      subscriber.port.postMessage(message);
    } catch {
      // The page went away between its disconnect and this push.
      subscribers.delete(subscriber);
    }
  };

  /**
   * The choices on the tab's domain under these settings (and the Global Privacy Control option, which the popup's
   * line follows), as a comparable key; null when it shows no covered page.
   */
  const tabChoices = async (tabId: number, current: Settings) => {
    const page = await pageOf(tabId).catch(() => null);
    if (page === null) return null;
    const { globalPrivacyControl } = current;
    const choices = { tabId, domain: page.domain, ...choicesOn(page.site, current, page.domain), globalPrivacyControl };
    return { choices, key: JSON.stringify(choices) };
  };

  const pushChoices = async (subscriber: Subscriber, tabId: number, current: Settings): Promise<void> => {
    const seen = await tabChoices(tabId, current);
    const cmp = seen === null ? null : await cmpOf(tabId).catch(() => null);
    // A newer change has overtaken this one; it pushes for itself.
    if (seen === null || current !== newest || seen.key === subscriber.choices) return;
    subscriber.choices = seen.key;
    post(subscriber, { type: 'tab-choices', ...seen.choices, cmp });
  };

  return {
    connect(port) {
      if (port.name !== PUSH_PORT) return;
      if (!isExtensionPage(port.sender ?? {}, extensionOrigin)) {
        port.disconnect();
        return;
      }
      let subscriber: Subscriber | null = null;
      port.onMessage.addListener((message) => {
        if (subscriber !== null || !isSubscription(message)) {
          port.disconnect();
          if (subscriber) subscribers.delete(subscriber);
          return;
        }
        const added: Subscriber = { port, subscription: message };
        subscriber = added;
        subscribers.add(added);
        post(added, { type: 'subscribed' });
        if (message.topic === 'tab') {
          // What the page shows now, so that only a later change is pushed.
          void settings()
            .then(async ({ settings: current }) => (added.choices ??= (await tabChoices(message.tabId, current))?.key))
            .catch(report);
        }
      });
      port.onDisconnect.addListener(() => {
        if (subscriber) subscribers.delete(subscriber);
      });
    },
    countsChanged(tabId, { domain, counts }) {
      for (const subscriber of subscribers) {
        const { subscription } = subscriber;
        if (subscription.topic === 'tab' && subscription.tabId === tabId) post(subscriber, { type: 'tab-counts', tabId, domain, counts });
      }
    },
    async settingsChanged() {
      const current = await settings();
      if (current.settings === newest) return;
      newest = current.settings;
      const pending: Promise<void>[] = [];
      for (const subscriber of subscribers) {
        const { subscription } = subscriber;
        if (subscription.topic === 'settings') post(subscriber, { type: 'settings', ...current });
        else pending.push(pushChoices(subscriber, subscription.tabId, current.settings));
      }
      await Promise.all(pending);
    },
    async cmpChanged(where) {
      const pending: Promise<void>[] = [];
      for (const subscriber of subscribers) {
        const { subscription } = subscriber;
        if (subscription.topic !== 'tab' || ('tabId' in where && where.tabId !== subscription.tabId)) continue;
        const { tabId } = subscription;
        pending.push(
          (async () => {
            const page = await pageOf(tabId).catch(() => null);
            if (page === null || ('domain' in where && where.domain !== page.domain)) return;
            post(subscriber, { type: 'tab-cmp', tabId, domain: page.domain, cmp: await cmpOf(tabId) });
          })(),
        );
      }
      await Promise.all(pending);
    },
  };
}

function isSubscription(value: unknown): value is Subscription {
  if (typeof value !== 'object' || value === null) return false;
  const { topic, tabId } = value as Record<string, unknown>;
  return topic === 'settings' || (topic === 'tab' && Number.isInteger(tabId) && (tabId as number) >= 0);
}
