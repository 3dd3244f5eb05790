/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import * as v from 'valibot';
import { OptionsPage } from '../../../options/options-page';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import type { SettingsState } from '../../../src/messaging/protocol';
import { ProtectedSiteSchema } from '../../../src/settings/protected-site-record';
import type { ImportResult } from '../../../src/settings/schema';
import type { ProtectedSite, Settings } from '../../../src/settings/settings';
import { mockConnector, type MockHandlers } from '../../support/mock-connector';
import { harborDeclaration } from '../protected-sites/observations';
import { axeViolations, fixtureSite, openQuotes, settingsWith } from './support';

const site = fixtureSite();

/**
 * harbor.example protected from its OneTrust declaration: "Essential" (strictly necessary), "Site statistics"
 * (matched to analytics), "Personalised ads" (matched to nothing: `cmp-hb-ads`) and the host it declares there that the
 * knowledge base knows as analytics (`disputed-trackers`); two later readings found changes, kept newest first.
 */
function harborRecord(edit: (declaration: ReturnType<typeof harborDeclaration>) => void = () => {}): ProtectedSite {
  const declaration = harborDeclaration();
  declaration.categories[2]!.standard = null;
  edit(declaration);
  const disputed = [
    {
      host: 'www.google-analytics.com',
      declaredIn: 'Personalised ads',
      knownAs: 'Google Analytics',
      knownCategory: 'Performance and analytics',
    },
  ];
  const record: ProtectedSite = {
    site: declaredSite(declaration, 'www.harbor.example', new Date('2026-12-02T09:00:00Z'), disputed),
    protectedAt: '2026-11-30T12:00:00.000Z',
    changes: [
      { at: '2026-12-02T09:00:00.000Z', lines: ['New host “rt.loopcast-ads.com” in “Personalised ads”'] },
      { at: '2026-12-01T08:00:00.000Z', lines: ['New cookie “_sb_scroll” in “Site statistics”', 'Cookie “hb_old” is no longer declared'] },
    ],
  };
  // What the worker stores and sends passes the settings' check.
  return v.parse(ProtectedSiteSchema, record);
}

const withHarbor = (overrides: Partial<Settings> = {}): Settings =>
  settingsWith({ protectedSites: { 'harbor.example': harborRecord() }, ...overrides });

/** `access`: whether the protected harbor.example's host permission is granted (it is, once protected from the popup). */
function renderOptions(state: Partial<SettingsState> = {}, handlers: MockHandlers = {}, access = true) {
  let settings: Settings = state.settings ?? settingsWith();
  const connector = mockConnector({
    'get-settings': () => ({ settings, recovered: [], sites: [site], ...state }),
    'set-default-choice': ({ categoryId, allowed }) =>
      (settings = { ...settings, defaults: { ...settings.defaults, [categoryId]: allowed } }),
    'set-site-choice': () => settings,
    'set-site-paused': () => settings,
    'remove-site-exception': () => settings,
    'set-preferences': (change) => (settings = { ...settings, ...change }),
    'reset-settings': () => (settings = settingsWith()),
    'unprotect-site': ({ domain }) => {
      const { [domain]: _record, ...protectedSites } = settings.protectedSites;
      const { [domain]: _choices, ...sites } = settings.sites;
      return (settings = { ...settings, protectedSites, sites });
    },
    ...handlers,
  });
  if (access) connector.granted.add('*://*.harbor.example/*');
  render(<OptionsPage connector={connector} />);
  return connector;
}

describe('options page', () => {
  it('lists a default switch per category, labelled as the notice names it, strictly necessary locked', async () => {
    const connector = renderOptions();
    const defaults = within(await screen.findByRole('region', { name: 'Default choices' }));
    const necessary = defaults.getByRole<HTMLInputElement>('switch', { name: /Strictly necessary/ });
    expect([necessary.checked, necessary.disabled]).toEqual([true, true]);
    const analytics = defaults.getByRole<HTMLInputElement>('switch', { name: /Performance and analytics/ });
    expect(analytics.checked).toBe(false);
    fireEvent.click(analytics);
    await waitFor(() => expect(analytics.checked).toBe(true));
    // The reply carries the new settings: the page does not ask for all of them (and every site) again.
    expect(connector.sent).toEqual([
      { type: 'get-settings', payload: {} },
      { type: 'set-default-choice', payload: { categoryId: 'performance-and-analytics', allowed: true } },
    ]);
  });

  it('subscribes to settings only, and shows a change made elsewhere as pushed, without asking again', async () => {
    const connector = renderOptions({ recovered: ['badge: expected a boolean'] });
    const exceptions = within(await screen.findByRole('region', { name: 'Site exceptions' }));
    expect(connector.subscriptions()).toEqual([{ topic: 'settings' }]);
    // Counts on some tab are none of its business: the mock, like the worker, pushes them to tab subscribers only.
    await act(() => connector.push({ type: 'tab-counts', tabId: 7, domain: 'example.com', counts: {} }));
    const settings = settingsWith({ sites: { 'example.com': { choices: { 'social-media': true }, paused: false } } });
    await act(() => connector.push({ type: 'settings', settings, recovered: [] }));
    const exception = within(await exceptions.findByRole('article', { name: 'Example Co' }));
    expect(exception.getByRole<HTMLInputElement>('switch', { name: 'Social media on example.com' }).checked).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Some stored settings had to be repaired' })).toBeNull();
    expect(connector.sent).toEqual([{ type: 'get-settings', payload: {} }]);
  });

  it('after a lost connection, asks for the settings again', async () => {
    const connector = renderOptions();
    await screen.findByRole('region', { name: 'Site exceptions' });
    await act(() => connector.reconnect());
    await waitFor(() => expect(connector.sent.filter((m) => m.type === 'get-settings')).toHaveLength(2));
  });

  it('edits, resumes and removes a site exception', async () => {
    const settings = settingsWith({ sites: { 'example.com': { choices: { 'social-media': true }, paused: true } } });
    const connector = renderOptions({ settings });
    const exceptions = within(await screen.findByRole('region', { name: 'Site exceptions' }));
    const exception = within(exceptions.getByRole('article', { name: 'Example Co' }));
    expect(exception.getByRole<HTMLInputElement>('switch', { name: 'Social media on example.com' }).checked).toBe(true);
    fireEvent.click(exception.getByRole('button', { name: 'Resume on example.com' }));
    fireEvent.click(exception.getByRole('button', { name: 'Remove the exception for example.com' }));
    await waitFor(() =>
      expect(connector.sent).toEqual(
        expect.arrayContaining([
          { type: 'set-site-paused', payload: { domain: 'example.com', paused: false } },
          { type: 'remove-site-exception', payload: { domain: 'example.com' } },
        ]),
      ),
    );
  });

  it('sets the unknown-cookies treatment, the badge and Global Privacy Control (off by default)', async () => {
    const connector = renderOptions();
    const remove = await screen.findByRole<HTMLInputElement>('radio', { name: 'Remove them' });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Leave them alone/ }).checked).toBe(true);
    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('checkbox', { name: /toolbar icon/ }));
    const gpc = screen.getByRole<HTMLInputElement>('checkbox', { name: /Global Privacy Control/ });
    expect(gpc.checked).toBe(false);
    fireEvent.click(gpc);
    await waitFor(() =>
      expect(connector.sent).toEqual(
        expect.arrayContaining([
          { type: 'set-preferences', payload: { unknownCookies: 'remove' } },
          { type: 'set-preferences', payload: { badge: false } },
          { type: 'set-preferences', payload: { globalPrivacyControl: true } },
        ]),
      ),
    );
  });

  it('shows what was repaired when stored settings had to be recovered', async () => {
    renderOptions({ recovered: ['defaults.analytics: expected a boolean, kept the default'] });
    const alert = await screen.findByRole('heading', { name: 'Some stored settings had to be repaired' });
    expect(alert.closest('section')!.textContent).toContain('defaults.analytics: expected a boolean, kept the default');
  });

  it('shows the precise import error and changes nothing', async () => {
    const failed: ImportResult = { ok: false, error: 'defaults.social-media: expected a boolean' };
    const connector = renderOptions({}, { 'import-settings': () => failed });
    const input = await screen.findByLabelText<HTMLInputElement>('Import a settings file');
    const file = new File(['{"version":1,"defaults":{"social-media":"yes"}}'], 'mine.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    const alert = await screen.findByText(/mine.json was not imported, nothing changed: defaults.social-media: expected a boolean/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(connector.sent).toContainEqual({
      type: 'import-settings',
      payload: { text: '{"version":1,"defaults":{"social-media":"yes"}}' },
    });
    expect(connector.sent.filter((m) => m.type === 'get-settings')).toHaveLength(1);
  });

  it('shows an imported file’s settings from the reply', async () => {
    const imported = settingsWith({ defaults: { 'performance-and-analytics': true } });
    const connector = renderOptions({}, { 'import-settings': () => ({ ok: true, settings: imported }) });
    const input = await screen.findByLabelText<HTMLInputElement>('Import a settings file');
    fireEvent.change(input, { target: { files: [new File(['{}'], 'mine.json', { type: 'application/json' })] } });
    await screen.findByText('Imported mine.json.');
    const defaults = within(screen.getByRole('region', { name: 'Default choices' }));
    expect(defaults.getByRole<HTMLInputElement>('switch', { name: /Performance and analytics/ }).checked).toBe(true);
    expect(connector.sent.filter((m) => m.type === 'get-settings')).toHaveLength(1);
  });

  it('exports the settings as a downloaded file', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:settings');
    URL.revokeObjectURL = () => {};
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderOptions({}, { 'export-settings': () => ({ text: '{"version":1}' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Export settings' }));
    await screen.findByText('Exported your choices and exceptions.');
    expect(await created[0]!.text()).toBe('{"version":1}');
    expect(clicked[0]!.download).toMatch(/^policy-guard-settings-\d{4}-\d\d-\d\d\.json$/);
    click.mockRestore();
  });

  it('resets only after an in-page confirmation, and cancelling changes nothing', async () => {
    const connector = renderOptions();
    const reset = await screen.findByRole('button', { name: 'Reset to defaults…' });
    fireEvent.click(reset);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Yes, reset everything' })).toBeNull();
    expect(document.activeElement).toBe(reset);
    fireEvent.click(reset);
    expect(connector.sent.some((m) => m.type === 'reset-settings')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset everything' }));
    await screen.findByText('All settings are back to their defaults.');
    expect(connector.sent).toContainEqual({ type: 'reset-settings', payload: {} });
    expect(connector.sent.filter((m) => m.type === 'get-settings')).toHaveLength(1);
  });

  it("shows each covered site's policy: trackers, collection with quotes, opt-outs and snapshot differences", async () => {
    renderOptions();
    const policies = within(await screen.findByRole('region', { name: "Covered sites' policies" }));
    const policy = within(policies.getByRole('article', { name: 'Example Co' }));
    await openQuotes();
    const analytics = policy.getByRole('rowheader', { name: 'Google Analytics' }).closest('tr')!;
    expect(analytics.textContent).toContain('google-analytics.com');
    expect(analytics.textContent).toContain('_ga_*');
    expect(analytics.textContent).toContain('Performance and analytics');
    expect(policy.getAllByText(/we collect information you provide us/).length).toBeGreaterThan(0);
    expect(policy.getByRole('link', { name: /Digital Advertising Alliance/ }).getAttribute('target')).toBe('_blank');
    expect(policy.getByText(/does not share your personal information with third parties for their own marketing/)).toBeTruthy();
    expect(policy.getByText('Refuse cookies in your browser')).toBeTruthy();
    // Snapshots are named by their place in the file, never as older or newer: the crawl does not date them.
    const inSecond = within(policy.getByRole('list', { name: 'In snapshot 1, not in snapshot 0' }));
    expect(inSecond.getByText('We do not share personal information with third parties for their own marketing purposes.')).toBeTruthy();
    const inFirst = within(policy.getByRole('list', { name: 'In snapshot 0, not in snapshot 1' }));
    expect(inFirst.getByText('we may sell aggregated data to partners.')).toBeTruthy(); // not a sentence id: shown as given
    const differences = policy.getByText(/snapshots, numbered in the order the crawled file holds them/).closest('details')!;
    expect(differences.textContent).not.toMatch(/\b(added|removed|oldest|newest)\b/i);
  });

  it('renders markup in policy text as text', async () => {
    const hostile = fixtureSite((raw) => {
      raw.trackers[1]!.reason = '<img src=x onerror="window.pwned=1">';
      raw.documents[0]!.differences[0]!.removed = ['<script>window.pwned=1</script>'];
    });
    const connector = mockConnector({ 'get-settings': () => ({ settings: settingsWith(), recovered: [], sites: [hostile] }) });
    const { container } = render(<OptionsPage connector={connector} />);
    expect(await screen.findByText(/<img src=x onerror="window.pwned=1">/)).toBeTruthy();
    expect(screen.getByText('<script>window.pwned=1</script>')).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('has no axe-core violations, with an exception and a confirmation open', async () => {
    renderOptions({
      settings: settingsWith({ sites: { 'example.com': { choices: { functionality: false }, paused: false } } }),
      recovered: ['badge: expected a boolean'],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Reset to defaults…' }));
    expect(await axeViolations()).toEqual([]);
  });
  it('says when a protected site has no access (imported, or taken back in the browser), and asks for it', async () => {
    const connector = renderOptions({ settings: withHarbor() }, {}, false);
    // Generous deadlines: the access is asked after the settings load, and the suite may share a busy machine.
    const access = within(await screen.findByRole('group', { name: 'Access to harbor.example' }, { timeout: 10_000 }));
    expect(access.getByText(/^Policy Guard has no access to harbor\.example: its declared hosts are still blocked/)).toBeTruthy();
    fireEvent.click(access.getByRole('button', { name: 'Give Policy Guard access to harbor.example' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Access to harbor.example' })).toBeNull(), { timeout: 10_000 });
    expect(connector.accessRequests).toEqual([['*://*.harbor.example/*']]);
  });

  it('says plainly how to protect a site when none is protected', async () => {
    renderOptions();
    const section = within(await screen.findByRole('region', { name: 'Sites you protected from their consent manager' }));
    expect(section.getByText(/^You have not protected any site\./).textContent).toMatch(
      /open it, click the Policy Guard button in the toolbar, then “Protect this site”/,
    );
    expect(section.queryByRole('button', { name: /^Stop protecting/ })).toBeNull();
  });

  it('lists each protected site: its consent manager, when protected and when its declaration was read, what it declares, changes newest first', async () => {
    renderOptions({ settings: withHarbor() });
    const section = within(await screen.findByRole('region', { name: 'Sites you protected from their consent manager' }));
    const entry = within(section.getByRole('article', { name: 'harbor.example' }));
    const facts = entry.getAllByRole('definition').map((dd) => dd.textContent);
    expect(entry.getAllByRole('term').map((dt) => dt.textContent)).toEqual([
      'Consent manager',
      'Protected on',
      'Its declaration as read on',
      'It declares',
    ]);
    expect(facts).toEqual(['OneTrust, data version 202504.1.0', '30 Nov 2026', '2 Dec 2026', '4 categories, 3 cookies, 3 hosts']);
    const categories = entry.getAllByRole('listitem').filter((item) => item.parentElement!.classList.contains('declared-categories'));
    expect(categories.map((item) => item.textContent)).toEqual([
      'Essential: 1 cookie, 0 hosts (always active)',
      'Site statistics: 1 cookie, 1 host',
      'Personalised ads: 1 cookie, 1 host',
      expect.stringMatching(/^Declared necessary, known as trackers: 0 cookies, 1 host/),
    ]);
    const changes = [...document.querySelectorAll('.declaration-changes > li')].map((item) => item.textContent);
    expect(changes).toEqual([
      'Read on 2 Dec 2026:New host “rt.loopcast-ads.com” in “Personalised ads”',
      'Read on 1 Dec 2026:New cookie “_sb_scroll” in “Site statistics”Cookie “hb_old” is no longer declared',
    ]);
    expect(entry.getByRole('table', { name: 'Trackers and cookies of harbor.example' }).textContent).toContain('px.adgrid-exchange.com');
    const stop = entry.getByRole('button', { name: 'Stop protecting harbor.example' });
    expect(stop.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(stop.getAttribute('aria-describedby')!)!.textContent).toMatch(/your choices there are forgotten/);
  });

  it('keeps the defaults to the bundled categories, shows protected sites’ exceptions in their words, and no policy for them', async () => {
    const settings = withHarbor({ sites: { 'harbor.example': { choices: { 'cmp-hb-ads': true }, paused: false } } });
    renderOptions({ settings, sites: [site, settings.protectedSites['harbor.example']!.site] });
    const defaults = within(await screen.findByRole('region', { name: 'Default choices' }));
    expect(defaults.getAllByRole<HTMLInputElement>('switch').map((input) => input.name)).toEqual(site.categories.map(({ id }) => id));
    expect(defaults.queryByRole('switch', { name: /Personalised ads|Declared necessary|Site statistics|Essential/ })).toBeNull();
    const analytics = defaults.getByRole('switch', { name: /Performance and analytics/ }).closest('li')!;
    expect(analytics.textContent).toContain('Also on sites you protected: harbor.example (“Site statistics”)');

    const exceptions = within(screen.getByRole('region', { name: 'Site exceptions' }));
    const owner = within(exceptions.getByRole('article', { name: 'harbor.example' }));
    expect(owner.getByText(/^Protected from its own consent manager's declarations \(OneTrust\), read on 2 Dec 2026/)).toBeTruthy();
    expect(owner.getByRole<HTMLInputElement>('switch', { name: 'Personalised ads on harbor.example' }).checked).toBe(true);
    expect(owner.getByRole<HTMLInputElement>('switch', { name: 'Site statistics on harbor.example' }).checked).toBe(false);
    expect(owner.getByRole<HTMLInputElement>('switch', { name: 'Declared necessary, known as trackers on harbor.example' }).checked).toBe(
      false,
    );

    const policies = within(screen.getByRole('region', { name: "Covered sites' policies" }));
    expect(policies.getAllByRole('article').map((article) => article.getAttribute('aria-labelledby'))).toEqual([`policy-${site.id}`]);
    expect(policies.getByText(/have no policy here/)).toBeTruthy();
  });

  it('renders a protected site’s category names, descriptions and changes as text', async () => {
    const hostile = harborRecord((declaration) => {
      declaration.categories[1]!.name = '<img src=x onerror="window.pwned=1">Statistics';
      declaration.categories[1]!.description = '<script>window.pwned=1</script>';
    });
    hostile.changes[0]!.lines = ['<iframe src="javascript:window.pwned=1"></iframe>'];
    const { container } = render(
      <OptionsPage
        connector={mockConnector({
          'get-settings': () => ({
            settings: settingsWith({ protectedSites: { 'harbor.example': hostile } }),
            recovered: [],
            sites: [site],
          }),
        })}
      />,
    );
    const entry = within(await screen.findByRole('article', { name: 'harbor.example' }));
    // In its list of categories, and in its table of declared hosts and cookies (one row for its cookie, one for its host).
    expect(entry.getAllByText('<img src=x onerror="window.pwned=1">Statistics')).toHaveLength(3);
    expect(entry.getByText('<script>window.pwned=1</script>')).toBeTruthy();
    expect(entry.getByText('<iframe src="javascript:window.pwned=1"></iframe>')).toBeTruthy();
    expect(container.querySelector('img, script, iframe')).toBeNull();
    expect('pwned' in window).toBe(false);
  });

  it('stops protecting a site from the reply, then says how to protect one; a site protected elsewhere shows by push', async () => {
    const connector = renderOptions({
      settings: withHarbor({ sites: { 'harbor.example': { choices: { 'cmp-hb-ads': true }, paused: false } } }),
    });
    const section = within(await screen.findByRole('region', { name: 'Sites you protected from their consent manager' }));
    fireEvent.click(section.getByRole('button', { name: /^Stop protecting harbor\.example/ }));
    expect(await section.findByText(/^You have not protected any site\./)).toBeTruthy();
    expect(section.getByRole('status').textContent).toMatch(/^Stopped protecting harbor\.example/);
    expect(document.activeElement).toBe(section.getByRole('heading', { level: 2 }));
    // Its exception went with it, as the worker's reply says.
    expect(within(screen.getByRole('region', { name: 'Site exceptions' })).queryByRole('article', { name: 'harbor.example' })).toBeNull();
    expect(connector.sent).toEqual([
      { type: 'get-settings', payload: {} },
      { type: 'unprotect-site', payload: { domain: 'harbor.example' } },
    ]);

    // Protected again from the popup: the worker pushes the settings, and the page lists it without asking.
    await act(() => connector.push({ type: 'settings', settings: withHarbor(), recovered: [] }));
    expect(await section.findByRole('article', { name: 'harbor.example' })).toBeTruthy();
    expect(connector.sent.filter((m) => m.type === 'get-settings')).toHaveLength(1);
  });

  it('shows why stopping failed, and keeps the site listed', async () => {
    renderOptions(
      { settings: withHarbor() },
      {
        'unprotect-site': () => {
          throw new Error('storage is full');
        },
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Stop protecting harbor\.example/ }));
    expect((await screen.findByText(/^That did not work: storage is full$/)).getAttribute('role')).toBe('alert');
    expect(screen.getByRole('article', { name: 'harbor.example' })).toBeTruthy();
  });

  it('says beside the export that the file names the sites you visited, and that a reset stops protecting them', async () => {
    renderOptions({ settings: withHarbor() });
    const exportButton = await screen.findByRole('button', { name: 'Export settings' });
    expect(document.getElementById(exportButton.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /names the sites you protected and those with exceptions of their own: sites you visited/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    expect(screen.getByRole('group', { name: /stop protecting every site you protected/ })).toBeTruthy();
  });

  it('has no axe-core violations with a protected site, its exception and its declared hosts open', async () => {
    renderOptions({ settings: withHarbor({ sites: { 'harbor.example': { choices: { 'cmp-hb-ads': true }, paused: true } } }) });
    const section = within(await screen.findByRole('region', { name: 'Sites you protected from their consent manager' }));
    section.getByRole('article', { name: 'harbor.example' }).querySelector('details')!.open = true;
    expect(await axeViolations()).toEqual([]);
  });
});
