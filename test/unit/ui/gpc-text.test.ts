import { gpcText } from '../../../src/ui/gpc-text';
import { loadSites } from '../../../src/knowledge/load';

const site = loadSites()[0]!;
const refused = { 'targeting-or-advertising': false };

test('nothing to say while the option is off, or for a site that names no GPC category', () => {
  expect(gpcText(site, 'trello.com', refused, false, false)).toBeNull();
  const { globalPrivacyControl: _none, ...without } = site;
  expect(gpcText(without, 'trello.com', refused, false, true)).toBeNull();
});

test('sent, not sent as advertising is allowed, not sent while paused', () => {
  expect(gpcText(site, 'trello.com', refused, false, true)).toBe(
    'Global Privacy Control: sent to trello.com (the Sec-GPC header and navigator.globalPrivacyControl), as you refuse Targeting or advertising here.',
  );
  expect(gpcText(site, 'trello.com', { 'targeting-or-advertising': true }, false, true)).toBe(
    'Global Privacy Control: not sent, as you allow Targeting or advertising on trello.com.',
  );
  expect(gpcText(site, 'trello.com', refused, true, true)).toBe('Global Privacy Control: not sent while trello.com is paused.');
});
