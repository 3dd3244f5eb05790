/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Popup } from '../../../popup/popup';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { disputedHosts, summarize } from '../../../src/protected-sites/reading';
import type { TabState } from '../../../src/messaging/protocol';
import type { SiteReading } from '../../../src/protected-sites/reading';
import { loadSites } from '../../../src/knowledge/load';
import { harborDeclaration } from '../protected-sites/observations';
import { mockConnector } from '../../support/mock-connector';
import { trackerSourceText } from '../../../src/ui/tracker-source';
import { axeViolations, coveredState, fixtureSite, openQuotes, uncoveredState } from './support';

const site = fixtureSite();

/** The background as the popup sees it: a change answers with the tab's new state. */
function renderPopup(initial: TabState, tabId: number | null = null) {
  let state = initial;
  const connector = mockConnector({
    'get-tab-state': () => state,
    'set-tab-choice': ({ categoryId, allowed }) => (state = { ...state, allowed: { ...state.allowed, [categoryId]: allowed } }),
    'set-tab-paused': ({ paused }) => (state = { ...state, paused }),
    'apply-choices-to-owner': () => state,
    'answer-cmp-question': ({ allow }) =>
      (state = {
        ...state,
        allowed: allow ? { ...state.allowed, 'targeting-or-advertising': true } : state.allowed,
        cmp: state.cmp && { ...state.cmp, question: null },
      }),
  });
  render(<Popup connector={connector} tabId={tabId} />);
  return connector;
}

describe('popup for a covered site', () => {
  const counts = { 'performance-and-analytics': { blockedRequests: 3, removedCookies: 1 } };

  it('renders the site, its documents and one switch per notice category from one request', async () => {
    const connector = renderPopup(coveredState(site, { counts }));
    expect(await screen.findByRole('heading', { level: 1, name: 'example.com' })).toBeTruthy();
    expect(screen.getByText("Covered by Example Co's privacy policy and cookie notice")).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Cookie categories on example.com' })).toBeTruthy();
    expect(connector.sent).toEqual([{ type: 'get-tab-state', payload: { tabId: 7 } }]);
    // The documents are among the site's words, which render once the controls are on screen.
    expect((await screen.findByRole('link', { name: /Example Co Cookies & Tracking Notice/ })).getAttribute('href')).toBe(
      'https://www.example.com/legal/cookies',
    );
    expect(screen.getByText(/effective May 25, 2018/)).toBeTruthy();
    const switches = screen.getAllByRole('switch');
    expect(switches).toHaveLength(site.categories.length);
    for (const category of site.categories) expect(screen.getByRole('switch', { name: new RegExp(category.label) })).toBeTruthy();
    const analytics = screen.getByRole<HTMLInputElement>('switch', { name: /Performance and analytics/ });
    expect(analytics.checked).toBe(false);
    expect(within(analytics.closest('li')!).getByText('3 requests blocked, 1 cookie removed on this tab')).toBeTruthy();
  });

  it('locks strictly necessary on and quotes the notice on why it cannot be refused', async () => {
    renderPopup(coveredState(site));
    const necessary = await screen.findByRole<HTMLInputElement>('switch', { name: /Strictly necessary/ });
    expect(necessary.checked).toBe(true);
    expect(necessary.disabled).toBe(true);
    const row = within(necessary.closest('li')!);
    expect(row.getByText(/you will not be able to opt-out of any cookies that are strictly necessary/)).toBeTruthy();
  });

  it('sets the choice for this site only, renders from the reply without asking again, and offers to reload the tab', async () => {
    const connector = renderPopup(coveredState(site), 42);
    const advertising = await screen.findByRole<HTMLInputElement>('switch', { name: /Targeting or advertising/ });
    fireEvent.click(advertising);
    await screen.findByRole('button', { name: 'Reload tab' });
    expect(advertising.checked).toBe(true);
    expect(connector.sent).toEqual([
      { type: 'get-tab-state', payload: { tabId: 42 } },
      { type: 'set-tab-choice', payload: { tabId: 42, domain: 'example.com', categoryId: 'targeting-or-advertising', allowed: true } },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Reload tab' }));
    expect(connector.reloaded).toEqual([42]);
  });

  it('pauses, and the reply shows resume', async () => {
    const connector = renderPopup(coveredState(site));
    fireEvent.click(await screen.findByRole('button', { name: 'Pause on example.com' }));
    await screen.findByRole('button', { name: 'Resume on example.com' });
    expect(connector.sent).toContainEqual({ type: 'set-tab-paused', payload: { tabId: 7, domain: 'example.com', paused: true } });
    expect(connector.sent.filter((m) => m.type === 'get-tab-state')).toHaveLength(1);
  });

  it("applies this domain's choices to all of the owner's sites only when asked, naming them", async () => {
    const connector = renderPopup(coveredState(site));
    const apply = await screen.findByRole('button', { name: "Apply these choices to all of Example Co's sites" });
    expect(screen.getByText(/hold on example.com only, until you apply them to example.net/)).toBeTruthy();
    expect(connector.sent.map((m) => m.type)).toEqual(['get-tab-state']);
    fireEvent.click(apply);
    await waitFor(() =>
      expect(connector.sent).toContainEqual({ type: 'apply-choices-to-owner', payload: { tabId: 7, domain: 'example.com' } }),
    );
  });

  it('while paused, offers resume and holds the switches', async () => {
    const connector = renderPopup(coveredState(site, { paused: true }));
    expect((await screen.findByRole<HTMLInputElement>('switch', { name: /Social media/ })).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Resume on example.com' }));
    await screen.findByRole('button', { name: 'Pause on example.com' });
    expect(connector.sent).toContainEqual({ type: 'set-tab-paused', payload: { tabId: 7, domain: 'example.com', paused: false } });
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /Social media/ }).disabled).toBe(false);
  });

  it('shows a failed change in an alert and keeps what it showed', async () => {
    const connector = mockConnector({
      'get-tab-state': () => coveredState(site),
      'set-tab-choice': () => Promise.reject(new Error('rule limit reached')),
    });
    render(<Popup connector={connector} tabId={1} />);
    const advertising = await screen.findByRole<HTMLInputElement>('switch', { name: /Targeting or advertising/ });
    fireEvent.click(advertising);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That did not work: rule limit reached'));
    expect(advertising.checked).toBe(false);
    expect(screen.queryByRole('button', { name: 'Reload tab' })).toBeNull();
  });

  it('shows what the site says it does, as our summaries with their quotes, what it collects, and every choice', async () => {
    renderPopup(coveredState(site));
    const item = await screen.findByText('Your name and email address');
    await openQuotes();
    expect(
      within(item.closest('li')!)
        .getByText(/we collect information you provide us/)
        .closest('details'),
    ).toBeTruthy();
    const point = within(screen.getByRole('region', { name: 'What Example Co says it does with your data' }));
    const marketing = point.getByText(/does not share your personal information with third parties for their own marketing/).closest('li')!;
    expect(within(marketing).getByText('our summary')).toBeTruthy();
    expect(
      within(marketing)
        .getByText(/we do not share personal information with third parties/)
        .closest('details'),
    ).toBeTruthy();

    const choices = within(screen.getByRole('region', { name: 'Your choices' }));
    const optOut = choices.getByRole('link', { name: /Digital Advertising Alliance/ });
    expect(optOut.getAttribute('href')).toBe('https://optout.aboutads.info/');
    expect(optOut.getAttribute('target')).toBe('_blank');
    expect(optOut.getAttribute('rel')).toBe('noopener noreferrer');
    // A choice without a link is listed too; an obsolete link is text, with why.
    expect(choices.getByText('Refuse cookies in your browser')).toBeTruthy();
    expect(choices.queryByRole('link', { name: /Manage Flash cookies/ })).toBeNull();
    expect(choices.getByText(/Obsolete: Flash Player is no longer supported/)).toBeTruthy();
    expect(choices.getByRole('link', { name: 'privacy@example.com' }).getAttribute('href')).toBe('mailto:privacy@example.com');
  });

  it('subscribes to its tab only, and shows the counts the worker pushes without asking again', async () => {
    const connector = renderPopup(coveredState(site));
    await screen.findByRole('heading', { level: 1, name: 'example.com' });
    expect(connector.subscriptions()).toEqual([{ topic: 'tab', tabId: 7 }]);
    const social = { 'social-media': { blockedRequests: 2, removedCookies: 0 } };
    await act(() =>
      connector.push({
        type: 'tab-counts',
        tabId: 8,
        domain: 'example.com',
        counts: { 'social-media': { blockedRequests: 5, removedCookies: 0 } },
      }),
    );
    await act(() => connector.push({ type: 'tab-counts', tabId: 7, domain: 'example.com', counts: social }));
    expect(await screen.findByText('2 requests blocked, 0 cookies removed on this tab')).toBeTruthy();
    expect(screen.queryByText(/5 requests blocked/)).toBeNull();
    expect(connector.sent).toEqual([{ type: 'get-tab-state', payload: { tabId: 7 } }]);
  });

  it('shows a choice made elsewhere on its site, as pushed', async () => {
    const connector = renderPopup(coveredState(site));
    const social = await screen.findByRole<HTMLInputElement>('switch', { name: /Social media/ });
    const allowed = { ...coveredState(site).allowed, 'social-media': !social.checked };
    await act(() =>
      connector.push({
        type: 'tab-choices',
        tabId: 7,
        domain: 'example.com',
        allowed,
        paused: false,
        globalPrivacyControl: false,
        cmp: null,
      }),
    );
    await waitFor(() => expect(social.checked).toBe(allowed['social-media']));
    expect(connector.sent).toHaveLength(1);
  });

  it('asks for the tab again when a push says the tab shows another site now', async () => {
    let state = coveredState(site);
    const connector = mockConnector({ 'get-tab-state': () => state });
    render(<Popup connector={connector} tabId={null} />);
    await screen.findByRole('heading', { level: 1, name: 'example.com' });
    state = uncoveredState();
    await act(() => connector.push({ type: 'tab-counts', tabId: 7, domain: null, counts: {} }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This site is not covered' })).toBeTruthy();
    expect(connector.sent.filter((m) => m.type === 'get-tab-state')).toHaveLength(2);
  });

  it('says whether Global Privacy Control is sent here once it is on, and follows the advertising switch', async () => {
    const gpcSite = fixtureSite((raw) =>
      Object.assign(raw, { globalPrivacyControl: { category: 'targeting-or-advertising', reason: 'x' } }),
    );
    renderPopup(coveredState(gpcSite, { globalPrivacyControl: true }));
    expect((await screen.findByText(/^Global Privacy Control: sent to example\.com/)).id).toBe('gpc');
    fireEvent.click(screen.getByRole('switch', { name: /Targeting or advertising/ }));
    expect(await screen.findByText(/^Global Privacy Control: not sent, as you allow Targeting or advertising/)).toBeTruthy();
  });

  it('says nothing about Global Privacy Control while it is off', async () => {
    const gpcSite = fixtureSite((raw) =>
      Object.assign(raw, { globalPrivacyControl: { category: 'targeting-or-advertising', reason: 'x' } }),
    );
    renderPopup(coveredState(gpcSite));
    await screen.findByRole('heading', { level: 1, name: 'example.com' });
    expect(screen.queryByText(/Global Privacy Control/)).toBeNull();
  });

  it('opens the options page', async () => {
    const connector = renderPopup(coveredState(site));
    fireEvent.click(await screen.findByRole('button', { name: /Defaults, exceptions and full policies/ }));
    expect(connector.optionsOpened).toBe(1);
  });

  it('has no axe-core violations', async () => {
    renderPopup(coveredState(site, { counts }));
    await screen.findByRole('heading', { level: 1 });
    expect(await axeViolations()).toEqual([]);
  });
});

describe('the consent manager line', () => {
  const site = fixtureSite();
  const told = [
    { group: 'C0001', label: 'Strictly necessary', allowed: true },
    { group: 'C0004', label: 'Advertising', allowed: false },
  ];

  it('says when its answer could not be written, and that blocking does not depend on it', async () => {
    renderPopup(coveredState(site, { cmp: { name: 'OneTrust', paused: false, told, check: null, question: null, answerFailed: true } }));
    const section = await screen.findByRole('region', { name: /consent manager \(OneTrust\)/ });
    expect(section.textContent).toContain(
      "Your choices could not be written to OneTrust's record on this site, so its own record was removed: its banner may ask you again.",
    );
  });

  it('shows a new check or question as pushed, without asking again', async () => {
    const connector = renderPopup(
      coveredState(site, { cmp: { name: 'OneTrust', paused: false, told, check: null, question: null, answerFailed: false } }),
    );
    const section = await screen.findByRole('region', { name: /consent manager \(OneTrust\)/ });
    const check = { verdict: { state: 'verified' as const }, repaired: null, unmapped: [] };
    const cmp = { name: 'OneTrust', paused: false, told, check, question: null, answerFailed: false };
    await act(() => connector.push({ type: 'tab-cmp', tabId: 7, domain: 'example.com', cmp }));
    await waitFor(() => expect(section.textContent).toContain('Checked on this page: it holds these choices.'));
    expect(connector.sent).toHaveLength(1);
  });

  it('says what it was told and whether the page holds it', async () => {
    const check = { verdict: { state: 'verified' as const }, repaired: null, unmapped: [] };
    renderPopup(coveredState(site, { cmp: { name: 'OneTrust', paused: false, told, check, question: null, answerFailed: false } }));
    const section = await screen.findByRole('region', { name: /consent manager \(OneTrust\)/ });
    expect(within(section).getByText('What it was told').closest('details')?.textContent).toContain(
      'Strictly necessary (C0001): allowed; Advertising (C0004): refused.',
    );
    expect(section.textContent).toContain('Checked on this page: it holds these choices.');
  });

  it('lists a group the notice does not name with the CMP’s own words, as text', async () => {
    const unmapped = [{ id: 'C0009', name: 'Research', description: '<img src=x onerror=alert(1)>Panels.', told: false }];
    const check = { verdict: { state: 'verified' as const }, repaired: null, unmapped };
    renderPopup(coveredState(site, { cmp: { name: 'OneTrust', paused: false, told, check, question: null, answerFailed: false } }));
    const section = await screen.findByRole('region', { name: /consent manager/ });
    expect(section.textContent).toContain('“Research” (C0009), which Example Co’s cookie notice does not name: told refused.');
    expect(section.textContent).toContain('<img src=x onerror=alert(1)>Panels.');
    expect(section.querySelector('img')).toBeNull();
  });

  it('says when paused that the banner asks instead', async () => {
    renderPopup(
      coveredState(site, { paused: true, cmp: { name: 'OneTrust', paused: true, told, check: null, question: null, answerFailed: false } }),
    );
    const section = await screen.findByRole('region', { name: /consent manager/ });
    expect(section.textContent).toContain("it is not answered, so the site's banner asks you");
  });

  it.each([true, false])(
    'asks about "Allow all" recorded by the site’s banner; the answer (allow: %s) is sent for this domain',
    async (allow) => {
      const question = { granted: [{ id: 'targeting-or-advertising', label: 'Targeting or advertising' }], allowAll: true };
      const connector = renderPopup(
        coveredState(site, { cmp: { name: 'OneTrust', paused: false, told, check: null, question, answerFailed: false } }),
        42,
      );
      const asked = await screen.findByRole('group', { name: /now allows everything \(its “Allow all”\)/ });
      expect(asked.textContent).toContain('Allow Targeting or advertising on example.com too?');
      fireEvent.click(within(asked).getByRole('button', { name: allow ? 'Allow on example.com' : 'Keep refused' }));
      await waitFor(() => expect(screen.queryByRole('group', { name: /Allow all/ })).toBeNull());
      expect(connector.sent).toContainEqual({
        type: 'answer-cmp-question',
        payload: { tabId: 42, domain: 'example.com', allow, categories: ['targeting-or-advertising'] },
      });
      const advertising = screen.getByRole<HTMLInputElement>('switch', { name: /Targeting or advertising/ });
      expect(advertising.checked).toBe(allow);
    },
  );
});

describe('popup for a site that is not covered', () => {
  const state = uncoveredState({ counts: { unclassified: { blockedRequests: 0, removedCookies: 2 } } });

  it('says so plainly, shows the counts anyway and points to the options page', async () => {
    const connector = renderPopup(state);
    expect(await screen.findByRole('heading', { level: 1, name: 'This site is not covered' })).toBeTruthy();
    expect(screen.getByText('0 requests blocked, 2 cookies removed on this tab')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /covered sites/ }));
    expect(connector.optionsOpened).toBe(1);
  });

  it('has no axe-core violations', async () => {
    renderPopup(state);
    await screen.findByRole('heading', { level: 1 });
    expect(await axeViolations()).toEqual([]);
  });
});

describe('popup for an uncovered site whose consent manager declares its categories', () => {
  const declaration = harborDeclaration();
  declaration.categories[0]!.hosts.push('www.google-analytics.com');
  declaration.categories[1]!.name = '<img src=x onerror="window.pwned=1">Statistics';
  const disputed = disputedHosts(declaration, loadSites());
  const reading: SiteReading = {
    state: 'found',
    domain: 'harbor.example',
    summary: summarize(declaration, disputed),
    origins: ['*://*.harbor.example/*'],
  };
  const uncovered = uncoveredState();
  const protectedState = coveredState(declaredSite(declaration, 'www.harbor.example', new Date('2026-11-30T12:00:00Z'), disputed), {
    domain: 'harbor.example',
    protection: { protectedAt: '2026-11-30T12:00:00.000Z', changes: [] },
  });

  function renderUncovered(grant: boolean) {
    const connector = mockConnector({
      'get-tab-state': () => uncovered,
      'read-tab-site': () => reading,
      'protect-tab-site': () => protectedState,
    });
    connector.grant = grant;
    render(<Popup connector={connector} tabId={3} />);
    return connector;
  }

  it('shows the declaration in the site words, as text, with the disputed host, then protects the site once access is given', async () => {
    const connector = renderUncovered(true);
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: "This site's consent manager (OneTrust) declares 3 categories, 3 cookies, 3 hosts",
      }),
    ).toBeTruthy();
    expect(screen.getByText('<img src=x onerror="window.pwned=1">Statistics')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('list', { name: /disagree/ }).textContent).toContain(
      'www.google-analytics.com: the site declares it “Essential”',
    );
    fireEvent.click(screen.getByRole('button', { name: /^Protect this site/ }));
    expect(await screen.findByRole('switch', { name: /Personalised ads/ })).toBeTruthy();
    expect(connector.accessRequests).toEqual([['*://*.harbor.example/*']]);
    expect(connector.sent).toContainEqual({ type: 'protect-tab-site', payload: { tabId: 3, domain: 'harbor.example' } });
    expect(screen.getByText(/Protected from its own consent manager's declarations \(OneTrust\), read on 30 Nov 2026/)).toBeTruthy();
    expect(screen.getByText('Its consent manager (OneTrust) keeps this always active.')).toBeTruthy();
    expect(screen.queryByText(/The notice says/)).toBeNull();
  });

  it('changes nothing when the browser is not given access', async () => {
    const connector = renderUncovered(false);
    fireEvent.click(await screen.findByRole('button', { name: /^Protect this site/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Access to harbor.example was not given, so nothing changed.');
    expect(connector.sent.map(({ type }) => type)).not.toContain('protect-tab-site');
  });

  it('says plainly when there is no declaration to read', async () => {
    const connector = mockConnector({
      'get-tab-state': () => uncovered,
      'read-tab-site': () => ({
        state: 'none',
        domain: 'plain.example',
        problem: { code: 'no-declaration' },
      }),
    });
    render(<Popup connector={connector} tabId={3} />);
    expect(await screen.findByText('no consent manager with a readable declaration was found on this page')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'plain.example is not covered' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Protect/ })).toBeNull();
  });

  it('has no axe-core violations', async () => {
    renderUncovered(true);
    await screen.findByRole('button', { name: /^Protect this site/ });
    expect(await axeViolations()).toEqual([]);
  });
});

describe('popup error', () => {
  it('shows the background error instead of a blank page', async () => {
    render(<Popup connector={mockConnector({})} tabId={1} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/no mock handler for get-tab-state/);
  });
});

describe('quotes', () => {
  it('say which document and snapshot they come from, what a text-only copy lost, and keep the sentence as stored', async () => {
    renderPopup(coveredState(site));
    const point = (await screen.findByText(/does not share your personal information with third parties/)).closest('li')!;
    await openQuotes(point);
    const quote = within(point);
    expect(quote.getByText("In the policy's words")).toBeTruthy();
    expect(quote.getByText(/^Quoted from a text-only copy of the policy, which lost its capitals, punctuation, numbers/)).toBeTruthy();
    expect(quote.getByText(/The live policy at its link may differ/)).toBeTruthy();
    expect(quote.getByText('We do not share personal information with third parties for their own marketing purposes.')).toBeTruthy();
    expect(point.querySelector('figcaption')?.textContent).toBe('Example Co Privacy Policy, snapshot 1 of 2 (text-only copy)');
    const stored = quote.getByText('Exactly as stored').closest('details')!;
    expect(stored.textContent).toContain('we do not share personal information with third parties for their own marketing purposes.');
  });

  it("from the notice say they are the notice's words, with no text-only note", async () => {
    renderPopup(coveredState(site));
    const row = (await screen.findByRole('switch', { name: /Performance and analytics/ })).closest('li')!;
    expect(within(row).getByText("In the notice's words")).toBeTruthy();
    expect(within(row).queryByText(/text-only copy/)).toBeNull();
  });
});

describe('policy text with markup', () => {
  it('is rendered as text, never as elements', async () => {
    const hostile = fixtureSite((raw) => {
      raw.name = '<img src=x onerror="window.pwned=1">Evil';
      raw.categories[1]!.description = '<script>window.pwned=1</script><b>bold</b>';
      raw.sentences[0]!.text = '<iframe src="https://evil.example"></iframe>';
      raw.collected[0]!.items[0]!.label = '<a href="https://evil.example">click</a>';
    });
    const { container } = render(<Popup connector={mockConnector({ 'get-tab-state': () => coveredState(hostile) })} tabId={1} />);
    expect(await screen.findByText('Covered by <img src=x onerror="window.pwned=1">Evil\'s privacy policy and cookie notice')).toBeTruthy();
    await screen.findByRole('region', { name: 'Your choices' });
    await openQuotes();
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
    expect(container.querySelector('a[href="https://evil.example"]')).toBeNull();
    // Shown readable (its first letter capitalised), and as text.
    expect(screen.getByText('<Script>window.pwned=1</script><b>bold</b>')).toBeTruthy();
    expect(screen.getAllByText('<Iframe src="https://evil.example"></iframe>').length).toBeGreaterThan(0);
    expect(screen.getAllByText('<iframe src="https://evil.example"></iframe>').length).toBeGreaterThan(0);
  });
});

describe('what was stopped', () => {
  it('says, per thing, which tracker and category and why, with the notice sentence for the category beside it', async () => {
    const counts = {
      'performance-and-analytics': {
        blockedRequests: 3,
        removedCookies: 1,
        stopped: [
          { tracker: 'google-analytics', kind: 'request' as const, what: 'www.google-analytics.com', count: 3 },
          { tracker: 'google-analytics', kind: 'cookie' as const, what: '_ga', count: 1 },
        ],
      },
    };
    renderPopup(coveredState(site, { counts }));
    const row = within((await screen.findByRole('switch', { name: /Performance and analytics/ })).closest('li')!);
    const stopped = row.getByText('Stopped on this tab, and why:').closest('div')!;
    const tracker = site.trackers.find((candidate) => candidate.id === 'google-analytics')!;
    const groups = [...stopped.querySelectorAll('li.tracker')];
    expect(groups).toHaveLength(1);
    expect(groups[0]!.textContent).toContain(
      `Google Analytics, in Performance and analytics: ${tracker.reason} (${trackerSourceText(tracker)})`,
    );
    expect([...groups[0]!.querySelectorAll('li.thing')].map((item) => item.textContent)).toEqual([
      'www.google-analytics.com (3 requests)',
      '_ga (cookie, removed once)',
    ]);
    expect(row.getByText("In the notice's words")).toBeTruthy();
  });
});
