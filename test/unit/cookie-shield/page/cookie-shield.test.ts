/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://www.mini.test/"}
 */
import { SHIELD_GLOBAL } from '../../../../src/cookie-shield/shield-global';
import { parseDropsText } from '../../../../src/cookie-shield/shield-report';
import type { Drops } from '../../../../src/cookie-shield/shield-tally';
import { SHIELD_EVENT } from '../../../../src/cookie-shield/shield-tally';

test("the shield's report counts each category's dropped writes and names them: cookies, storage keys, a frame's", async () => {
  localStorage.setItem('_st_ls', 'there before the page');
  Reflect.set(globalThis, SHIELD_GLOBAL, [
    { category: 'analytics', cookies: ['_st', '_st_*'], storage: ['_st_ls', '_st_ls_*'] },
    { category: 'advertising', cookies: ['_ad'], storage: [] },
  ]);
  const reports: Array<Drops | null> = [];
  document.addEventListener(SHIELD_EVENT, (event) => reports.push(parseDropsText((event as CustomEvent<unknown>).detail)));
  await import('../../../../src/cookie-shield/page/cookie-shield');
  expect(Reflect.has(globalThis, SHIELD_GLOBAL)).toBe(false);

  document.cookie = '_st=1';
  document.cookie = '_st_x=1';
  document.cookie = '_st=2';
  document.cookie = '_ad=1';
  document.cookie = 'theme=dark';
  localStorage.setItem('_st_ls_y', '1');
  window.sessionStorage._st_ls = '1';
  const frame = document.createElement('iframe');
  document.body.append(frame);
  if (frame.contentDocument) frame.contentDocument.cookie = '_ad=2';
  await new Promise((resolve) => setTimeout(resolve, 0));

  expect(document.cookie).toBe('theme=dark');
  expect(reports).toEqual([
    {
      analytics: {
        count: 6,
        names: [
          { kind: 'storage', name: '_st_ls', count: 2 },
          { kind: 'cookie', name: '_st', count: 2 },
          { kind: 'cookie', name: '_st_x', count: 1 },
          { kind: 'storage', name: '_st_ls_y', count: 1 },
        ],
      },
      advertising: { count: 2, names: [{ kind: 'cookie', name: '_ad', count: 2 }] },
    },
  ]);
});
