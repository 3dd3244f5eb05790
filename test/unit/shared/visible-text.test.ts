import { visibleText } from '../../../src/shared/visible-text';

test.each([
  [
    'bidirectional overrides and isolates',
    'Essential\u202E sresu lla \u202C\u2066x\u2069\u200E\u200F\u202A\u202B\u202D\u2067\u2068',
    'Essential sresu lla x',
  ],
  ['zero-width and invisible characters', 'Ana\u200Blyt\u200Cics\u200D\u2060\uFEFF\u00AD', 'Analytics'],
  ['controls, separators, tags and a lone surrogate', 'a\u0000\u0007\u001B[31m\u0085b\u2028c\u2029d\u{E0041}\uD800e', 'a[31mbcde'],
])('strips %s', (_name, text, visible) => {
  expect(visibleText(text)).toBe(visible);
});

test('leaves visible text of every script as it is', () => {
  for (const text of ['Statistik & Werbung', 'Публичная статистика', 'إحصاءات', 'סטטיסטיקה', '統計 🍪', 'Ünïcödé — “quoted”'])
    expect(visibleText(text)).toBe(text);
});
