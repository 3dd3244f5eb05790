// The permissions API.
import browser from 'webextension-polyfill';
import type { HostPermissions } from '../ports/permissions';

export const browserPermissions: HostPermissions = {
  contains: (origins) => browser.permissions.contains({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};
