import { freshSettings } from '../../../src/settings/settings';
import { removeSiteException, setDefaultChoice, setPreferences, setSiteChoice, setSitePaused } from '../../../src/settings/ops';

describe('settings changes', () => {
  test('never mutate the settings they are given', () => {
    const before = freshSettings();
    const frozen = structuredClone(before);
    setDefaultChoice(before, 'functionality', false);
    setSiteChoice(before, 'atlassian', 'social-media', true);
    setSitePaused(before, 'atlassian', true);
    setPreferences(before, { badge: false });
    expect(before).toEqual(frozen);
  });

  test('a site choice and a pause make an exception; resuming with no choice of its own removes it', () => {
    let settings = setSitePaused(freshSettings(), 'atlassian', true);
    expect(settings.sites).toEqual({ atlassian: { choices: {}, paused: true } });
    settings = setSiteChoice(settings, 'atlassian', 'functionality', false);
    settings = setSitePaused(settings, 'atlassian', false);
    expect(settings.sites).toEqual({ atlassian: { choices: { functionality: false }, paused: false } });
    expect(removeSiteException(settings, 'atlassian').sites).toEqual({});
    expect(setSitePaused(freshSettings(), 'trello', false).sites).toEqual({});
  });

  test('preferences change only what is given', () => {
    expect(setPreferences(freshSettings(), { unknownCookies: 'remove' })).toEqual({ ...freshSettings(), unknownCookies: 'remove' });
    expect(setDefaultChoice(freshSettings(), 'social-media', true).defaults).toEqual({ 'social-media': true });
  });
});
