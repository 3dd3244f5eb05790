// The one message protocol between the extension's pages (popup, options) and the background.
// Each request names its response type, so a wrong payload or a wrong reading of the answer does not compile.
import type { Site } from './knowledge';
import type { Settings } from './settings';

/** What was stopped on one tab, per category id. */
export interface CategoryCounts {
  blockedRequests: number;
  removedCookies: number;
}

export type TabCounts = Record<string, CategoryCounts>;

export interface TabState {
  /** The covered site of the tab's page; null when the site is not covered (or the tab has no web page). */
  site: Site | null;
  /** Category id → allowed on this site now (after defaults, site choices and pause). */
  allowed: Record<string, boolean>;
  paused: boolean;
  counts: TabCounts;
}

export interface SettingsState {
  settings: Settings;
  /** What was repaired when stored settings were read (corrupt or foreign values); empty when all was valid. */
  recovered: string[];
  sites: Site[];
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * Requests and their replies. "In force": a change whose reply means that the browser's dynamic rules and the cookie
 * shield's registration for the new settings are in place, so a page loaded after the reply is treated by them. The
 * sweep of cookies the old settings let in, and the toolbar badges, follow after the reply.
 */
export interface Protocol {
  'get-tab-state': { request: { tabId: number }; response: TabState };
  /** In force; replies with the new settings. */
  'set-site-choice': { request: { siteId: string; categoryId: string; allowed: boolean }; response: Settings };
  /** In force; replies with the new settings. */
  'set-site-paused': { request: { siteId: string; paused: boolean }; response: Settings };
  /** In force; replies with the new settings. */
  'remove-site-exception': { request: { siteId: string }; response: Settings };
  'get-settings': { request: Record<string, never>; response: SettingsState };
  /** In force; replies with the new settings. */
  'set-default-choice': { request: { categoryId: string; allowed: boolean }; response: Settings };
  /** In force; replies with the new settings. */
  'set-preferences': {
    request: Partial<Pick<Settings, 'unknownCookies' | 'badge'>>;
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
