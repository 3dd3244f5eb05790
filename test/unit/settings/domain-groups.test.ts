import { domainsByChoices } from '../../../src/settings/domain-groups';
import { freshSettings } from '../../../src/settings/settings';
import { setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { MINI } from '../../support/mini-site';

test("a site's domains are grouped by the choices on their pages; paused ones get no group", () => {
  const defaults = domainsByChoices(MINI, freshSettings());
  expect(defaults).toEqual([{ domains: ['mini.test', 'mini-cdn.net'], refused: ['analytics', 'advertising', 'research'] }]);
  const allowed = setSiteChoice(freshSettings(), 'mini.test', 'advertising', true);
  expect(domainsByChoices(MINI, allowed)).toEqual([
    { domains: ['mini.test'], refused: ['analytics', 'research'] },
    { domains: ['mini-cdn.net'], refused: ['analytics', 'advertising', 'research'] },
  ]);
  expect(domainsByChoices(MINI, setSitePaused(allowed, 'mini-cdn.net', true))).toEqual([
    { domains: ['mini.test'], refused: ['analytics', 'research'] },
  ]);
});
