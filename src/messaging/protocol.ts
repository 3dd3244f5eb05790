// The one message protocol between the extension's pages (popup, options) and the background: requests with their
// replies (runtime.sendMessage), and the pushes a page subscribes to over a port (runtime.connect). Each request
// names its response type and each topic its pushes, so a wrong payload or a wrong reading does not compile.
import type { Site } from '../knowledge/schema';
import type { Preferences, Settings, SiteChange } from '../settings/settings';
import type { ImportResult, Recovered } from '../settings/schema';
import type { CmpStatus } from '../consent-manager/status';
import type { SiteReading } from '../protected-sites/reading';
import type { TabCounts } from '../tab-counts/tab-counts';

export interface TabState {
  /** The covered site of the tab's page (the owner whose policy covers it); null when not covered (or no web page). */
  site: Site | null;
  /** The registrable domain of the tab's covered page, which the choices shown and made belong to; null when not covered. */
  domain: string | null;
  /** Category id → allowed on this domain now (after defaults, the domain's choices and pause). */
  allowed: Record<string, boolean>;
  paused: boolean;
  counts: TabCounts;
  /** What the site's consent manager was told on this domain, and whether its page was found believing it. */
  cmp: CmpStatus | null;
  /** The Global Privacy Control option (settings.globalPrivacyControl); where it is sent follows from the choices. */
  globalPrivacyControl: boolean;
  /** For a site protected from its consent manager's declarations: when, and what later readings found changed. */
  protection: { protectedAt: string; changes: SiteChange[] } | null;
  /**
   * For a protected site: the first-party cookies in the jar on this domain that its consent manager does not declare
   * (at most MAX_UNDECLARED_SHOWN names, sorted), and whether they are removed (settings.unknownCookies); null otherwise.
   */
  undeclared: { names: string[]; removed: boolean } | null;
}

/** How many undeclared cookie names the popup is sent. */
export const MAX_UNDECLARED_SHOWN = 50;

export interface SettingsState {
  settings: Settings;
  /** What was repaired when stored settings were read (corrupt or foreign values); empty when all was valid. */
  recovered: string[];
  sites: Site[];
}

/**
 * Requests and their replies. "In force": a change whose reply means that the browser's dynamic rules and the cookie
 * shield's registration for the new settings are in place, so a page loaded after the reply is treated by them. The
 * sweep of cookies the old settings let in, and the toolbar badges, follow after the reply.
 */
interface Protocol {
  'get-tab-state': { request: { tabId: number }; response: TabState };
  /** The popup's choice on the registrable domain its tab shows; replies, in force, with the tab's new state. */
  'set-tab-choice': { request: { tabId: number; domain: string; categoryId: string; allowed: boolean }; response: TabState };
  /** The popup pausing or resuming the registrable domain its tab shows; replies, in force, with the tab's new state. */
  'set-tab-paused': { request: { tabId: number; domain: string; paused: boolean }; response: TabState };
  /**
   * The popup's explicit "apply to all of the owner's sites": every domain of the owner of `domain` gets its choices
   * (never its pause); replies, in force, with the tab's new state.
   */
  'apply-choices-to-owner': { request: { tabId: number; domain: string }; response: TabState };
  /**
   * The popup's answer to a grant made in the site's consent manager, about the `categories` it showed: `allow` makes
   * those still granted allowed on that registrable domain (in force before the reply); either way that question is
   * not asked again, while a different one the page recorded since stays.
   */
  'answer-cmp-question': { request: { tabId: number; domain: string; allow: boolean; categories: string[] }; response: TabState };
  /** Reads what the consent manager of the uncovered site on the tab declares (the page is not changed). */
  'read-tab-site': { request: { tabId: number }; response: SiteReading };
  /**
   * Protects the site on the tab from its consent manager's declaration, read again by the worker; its host
   * permission must have been granted (the popup asks first). Replies, in force, with the tab's new state.
   */
  'protect-tab-site': { request: { tabId: number; domain: string }; response: TabState };
  /** Stops protecting a site read from its consent manager and gives back its host permission; in force. */
  'unprotect-site': { request: { domain: string }; response: Settings };
  /** A choice on one registrable domain (the options page's exceptions). In force; replies with the new settings. */
  'set-site-choice': { request: { domain: string; categoryId: string; allowed: boolean }; response: Settings };
  /** In force; replies with the new settings. */
  'set-site-paused': { request: { domain: string; paused: boolean }; response: Settings };
  /** In force; replies with the new settings. */
  'remove-site-exception': { request: { domain: string }; response: Settings };
  /** The settings and every covered site: what the options page loads once. */
  'get-settings': { request: Record<string, never>; response: SettingsState };
  /** In force; replies with the new settings. */
  'set-default-choice': { request: { categoryId: string; allowed: boolean }; response: Settings };
  /** In force; replies with the new settings. */
  'set-preferences': {
    request: Preferences;
    response: Settings;
  };
  'export-settings': { request: Record<string, never>; response: { text: string } };
  /** In force when ok; an invalid file changes nothing. */
  'import-settings': { request: { text: string }; response: ImportResult };
  /** In force; replies with the new settings. */
  'reset-settings': { request: Record<string, never>; response: Settings };
}

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];

export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: Request<T>;
}

/** What the router answers: a value, or an error message (never a thrown exception across the boundary). */
export type Reply<T extends MessageType> = { ok: true; value: Response<T> } | { ok: false; error: string };

/** The name of the port (runtime.connect) a page opens to hear pushes. */
export const PUSH_PORT = 'policy-guard-pushes';

/** What a page subscribes to, as the first message on its port: one subscription per port. */
export type Subscription = { topic: 'tab'; tabId: number } | { topic: 'settings' };
export type Topic = Subscription['topic'];
export type SubscriptionTo<T extends Topic> = Extract<Subscription, { topic: T }>;

/** What the worker pushes per topic: only what a page on that topic shows. */
interface Pushes {
  /**
   * The popup's tab: its counts whenever they change (all of them, not an increment; domain says which covered
   * registrable domain they belong to, and a new one means the tab has moved on), the choices on its domain (with
   * what its consent manager was told) when a change made elsewhere alters them, and the consent manager's line when
   * its check or question changes. A popup's own change is settled by its reply; the push that follows it says the same.
   */
  tab:
    | { type: 'tab-counts'; tabId: number; domain: string | null; counts: TabCounts }
    | {
        type: 'tab-choices';
        tabId: number;
        domain: string;
        allowed: Record<string, boolean>;
        paused: boolean;
        globalPrivacyControl: boolean;
        cmp: CmpStatus | null;
      }
    /** The check of the tab's consent manager ran, or a grant made there waits for an answer (or no longer does). */
    | { type: 'tab-cmp'; tabId: number; domain: string; cmp: CmpStatus | null };
  /** The options page: the settings after every change, with what was repaired when they were read. */
  settings: { type: 'settings' } & Recovered;
}
export type Push<T extends Topic = Topic> = Pushes[T];

/** What the worker sends on a port: first the acknowledgement that the subscription is registered, then pushes. */
export type PortMessage<T extends Topic = Topic> = { type: 'subscribed' } | Push<T>;

/**
 * What a starting worker tells every open extension page (runtime.sendMessage, no reply): a worker that stopped for
 * being idle took its ports with it, so pages subscribe again now. Pages do not reconnect on their own, which would
 * wake a worker the browser has just put to sleep.
 */
export const WORKER_STARTED = { type: 'worker-started' } as const;

export function isWorkerStarted(message: unknown): message is typeof WORKER_STARTED {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === WORKER_STARTED.type;
}
