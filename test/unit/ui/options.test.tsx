/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { OptionsPage } from '../../../options/options-page';
import type { SettingsState } from '../../../src/core/messages';
import type { ImportResult } from '../../../src/core/settings-schema';
import type { Settings } from '../../../src/core/settings';
import { mockConnector, type MockHandlers } from '../../../src/ui/mock-connector';
import { axeViolations, fixtureSite, settingsWith } from './support';

const site = fixtureSite();

function renderOptions(state: Partial<SettingsState> = {}, handlers: MockHandlers = {}) {
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
    ...handlers,
  });
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
    const analytics = policy.getByRole('rowheader', { name: 'Google Analytics' }).closest('tr')!;
    expect(analytics.textContent).toContain('google-analytics.com');
    expect(analytics.textContent).toContain('_ga_*');
    expect(analytics.textContent).toContain('Performance and analytics');
    expect(policy.getByText(/we collect information you provide us/)).toBeTruthy();
    expect(policy.getByRole('link', { name: /Digital Advertising Alliance opt-out/ }).getAttribute('target')).toBe('_blank');
    expect(
      policy.getByText('we do not share personal information with third parties for their own marketing purposes.').closest('ul')!
        .className,
    ).toBe('difference-added');
    expect(policy.getByText('we may sell aggregated data to partners.').closest('ul')!.className).toBe('difference-removed');
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
});
