// The badge over the action API. A tab can close between a count and its badge update; that is not an error worth
// reporting.
import browser from 'webextension-polyfill';
import type { Badge } from '../ports/badge';

export const browserBadge: Badge = {
  async setText(tabId, text) {
    await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  },
};
