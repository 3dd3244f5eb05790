import { cmpRepair, declaredGroups, verifyCmp } from '../../../../src/consent-manager/onetrust/verify';

const ANSWER = new Map([
  ['C0001', true],
  ['C0002', false],
  ['C0003', true],
  ['C0004', false],
]);
const NECESSARY = new Set(['C0001']);

describe('does the CMP believe what it was told', () => {
  test('the same active groups, the banner answered and hidden: verified', () => {
    expect(verifyCmp(ANSWER, { found: true, activeGroups: ',C0001,C0003,', alertBoxClosed: true, bannerShown: false })).toEqual({
      state: 'verified',
    });
  });

  test('a CMP that ignored the record: a mismatch naming each group that differs', () => {
    expect(verifyCmp(ANSWER, { found: true, activeGroups: ',C0001,C0002,C0003,C0004,', alertBoxClosed: true, bannerShown: false })).toEqual(
      {
        state: 'mismatch',
        differs: [
          { group: 'C0002', told: false, believes: true },
          { group: 'C0004', told: false, believes: true },
        ],
        bannerShown: false,
      },
    );
  });

  test('the banner still shown is a mismatch even when the groups agree', () => {
    expect(verifyCmp(ANSWER, { found: true, activeGroups: ',C0001,C0003,', alertBoxClosed: false, bannerShown: true })).toEqual({
      state: 'mismatch',
      differs: [],
      bannerShown: true,
    });
  });

  test('no CMP on the page', () => {
    expect(verifyCmp(ANSWER, { found: false })).toEqual({ state: 'no-cmp' });
  });

  test.each([
    [null, 'observation: Invalid type: Expected Object but received null'],
    [{ found: true, activeGroups: 'x'.repeat(3000) }, 'activeGroups: Invalid length: Expected <=2048 but received 3000'],
    [{ found: true, activeGroups: ['C0001'] }, 'activeGroups: Invalid type: Expected string but received Array'],
    [{ found: true, extra: '<img>' }, 'extra: Invalid key: Expected never but received "extra"'],
  ])('forged page data %# is refused with the reason', (observation, error) => {
    expect(verifyCmp(ANSWER, observation)).toEqual({ state: 'invalid', error });
  });
});

describe('the one repair call', () => {
  test('everything refusable refused: reject all; everything allowed: allow all', () => {
    expect(
      cmpRepair(
        new Map([
          ['C0001', true],
          ['C0002', false],
          ['C0004', false],
        ]),
        NECESSARY,
        new Set(),
      ),
    ).toEqual({ call: 'RejectAll' });
    expect(
      cmpRepair(
        new Map([
          ['C0001', true],
          ['C0002', true],
        ]),
        NECESSARY,
        new Set(),
      ),
    ).toEqual({ call: 'AllowAll' });
  });

  test('a mixed answer is given group by group, strictly necessary groups left to the CMP', () => {
    expect(cmpRepair(ANSWER, NECESSARY, new Set())).toEqual({
      call: 'UpdateConsent',
      groups: [
        ['C0002', false],
        ['C0003', true],
        ['C0004', false],
      ],
    });
  });
});

describe('the repair leaves the groups a page names always active beyond the map as the CMP has them', () => {
  const PAGE_ALWAYS_ACTIVE = new Set(['C0009', 'C0010']);

  test('no group left to tell: no call, neither allow-all nor reject-all', () => {
    const answer = new Map([
      ['C0001', true],
      ['C0009', true],
      ['C0010', true],
    ]);
    expect(cmpRepair(answer, NECESSARY, PAGE_ALWAYS_ACTIVE)).toBeNull();
  });

  test('everything else allowed: group by group, never allow-all, which would grant them too', () => {
    const answer = new Map([
      ['C0001', true],
      ['C0002', true],
      ['C0009', true],
    ]);
    expect(cmpRepair(answer, NECESSARY, PAGE_ALWAYS_ACTIVE)).toEqual({ call: 'UpdateConsent', groups: [['C0002', true]] });
  });

  test('everything else refused: reject all, which grants nothing', () => {
    const answer = new Map([
      ['C0002', false],
      ['C0009', true],
    ]);
    expect(cmpRepair(answer, NECESSARY, PAGE_ALWAYS_ACTIVE)).toEqual({ call: 'RejectAll' });
  });
});

describe('the groups a page’s CMP declares (page data)', () => {
  const group = { id: 'C0009', name: 'Research', description: 'Cookies for <b>research</b> panels.', alwaysActive: false };
  const observation = (groups: unknown) => ({ found: true, activeGroups: ',C0001,', groups });

  test('are read with their texts, markup taken out of descriptions', () => {
    expect(declaredGroups(observation([group]))).toEqual([{ ...group, description: 'Cookies for research panels.' }]);
  });

  test('a group that does not fit is left out, the rest kept: a forged id, a name too long, a second listing, an unknown field', () => {
    const others = [
      { ...group, id: 'C0009<script>' },
      { ...group, id: 'C0010', name: 'x'.repeat(121) },
      group,
      { ...group, id: 'C0011', onclick: 'alert(1)' },
    ];
    expect(declaredGroups(observation([group, ...others])).map(({ id }) => id)).toEqual(['C0009']);
  });

  test.each([
    ['more than 64 groups', Array.from({ length: 65 }, (_, n) => ({ ...group, id: `G${n}` }))],
    ['not a list', 'C0009'],
  ])('none at all when the observation has %s', (_what, groups) => {
    expect(declaredGroups(observation(groups))).toEqual([]);
  });
});
