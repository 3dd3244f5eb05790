// Takes a push about the popup's tab into the state it shows. A push naming another registrable domain than the one
// shown means the tab has moved on: the popup asks for the new page's state.
import type { Push, TabState } from '../src/messaging/protocol';

export function applyTabPush(state: TabState, push: Push<'tab'>): TabState | 'reload' {
  if (push.domain !== state.domain) return 'reload';
  if (push.type === 'tab-counts') return { ...state, counts: push.counts };
  if (push.type === 'tab-cmp') return { ...state, cmp: push.cmp };
  const { allowed, paused, globalPrivacyControl, cmp } = push;
  return { ...state, allowed, paused, globalPrivacyControl, cmp };
}
