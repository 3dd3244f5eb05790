import { checkText, questionText, toldText, unmappedText } from '../../../src/ui/cmp-text';

describe('the popup’s consent manager words', () => {
  test('what it was told, in the notice’s labels with the CMP’s ids', () => {
    const status = {
      name: 'OneTrust',
      paused: false,
      check: null,
      question: null,
      answerFailed: false,
      told: [
        { group: 'C0001', label: 'Strictly necessary', allowed: true },
        { group: 'C0002', label: 'Performance', allowed: false },
      ],
    };
    expect(toldText(status)).toBe('Strictly necessary (C0001): allowed; Performance (C0002): refused');
  });

  test.each([
    [null, 'Not checked on this page yet.'],
    [{ verdict: { state: 'verified' as const }, repaired: null, unmapped: [] }, 'Checked on this page: it holds these choices.'],
    [{ verdict: { state: 'no-cmp' as const }, repaired: null, unmapped: [] }, 'Checked on this page: its script was not found.'],
    [
      { verdict: { state: 'invalid' as const, error: 'activeGroups: too long' }, repaired: null, unmapped: [] },
      'Checked on this page: it reported its state unreadably (activeGroups: too long).',
    ],
    [
      {
        verdict: { state: 'mismatch' as const, differs: [{ group: 'C0004', told: false, believes: true }], bannerShown: true },
        repaired: null,
        unmapped: [],
      },
      'Checked on this page: it believes C0004 allowed and its banner is shown. What is blocked does not depend on it.',
    ],
    [
      {
        verdict: { state: 'verified' as const },
        repaired: { call: 'UpdateConsent', before: { state: 'mismatch' as const, differs: [], bannerShown: true } },
        unmapped: [],
      },
      'Checked on this page: its banner is shown, so it was told again through its own UpdateConsent call; now it holds these choices.',
    ],
  ])('check %#', (check, text) => {
    expect(checkText(check)).toBe(text);
  });
});

describe('the question about a grant made in the site’s consent manager', () => {
  test('"Allow all" names every category it would allow, in the notice’s labels', () => {
    const granted = [
      { id: 'analytics', label: 'Performance' },
      { id: 'ads', label: 'Advertising' },
      { id: 'social', label: 'Social media' },
    ];
    expect(questionText({ granted, allowAll: true }, 'example.com')).toBe(
      'The site’s consent manager now allows everything (its “Allow all”). Allow Performance, Advertising and Social media on example.com too? Until you say so, it stays refused here.',
    );
  });

  test('a choice in its cookie settings names the one category', () => {
    expect(questionText({ granted: [{ id: 'analytics', label: 'Performance' }], allowAll: false }, 'trello.com')).toBe(
      'The site’s consent manager now allows Performance. Allow Performance on trello.com too? Until you say so, it stays refused here.',
    );
  });
});

describe('a group the notice does not name', () => {
  test('quotes the CMP’s name for it, with its id and the answer', () => {
    const group = { id: 'C0009', name: 'Research', description: 'Cookies for research panels.', told: false };
    expect(unmappedText(group, 'Atlassian')).toBe('“Research” (C0009), which Atlassian’s cookie notice does not name: told refused.');
    expect(unmappedText({ ...group, name: ' ', told: true }, 'Atlassian')).toBe(
      'C0009, which Atlassian’s cookie notice does not name: told allowed (the CMP keeps it always active).',
    );
  });
});
