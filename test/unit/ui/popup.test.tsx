/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Popup } from '../../../popup/popup';
import type { TabState } from '../../../src/core/messages';
import { mockConnector } from '../../../src/ui/mock-connector';
import { axeViolations, coveredState, fixtureSite, settingsWith } from './support';

const site = fixtureSite();

function renderPopup(state: TabState, tabId: number | null = null) {
  const connector = mockConnector({
    'get-tab-state': () => state,
    'set-site-choice': () => settingsWith(),
    'set-site-paused': () => settingsWith(),
  });
  render(<Popup connector={connector} tabId={tabId} />);
  return connector;
}

describe('popup for a covered site', () => {
  const counts = { 'performance-and-analytics': { blockedRequests: 3, removedCookies: 1 } };

  it('renders the site, its documents and one switch per notice category from one request', async () => {
    const connector = renderPopup(coveredState(site, { counts }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Example Co' })).toBeTruthy();
    expect(connector.sent).toEqual([{ type: 'get-tab-state', payload: { tabId: 7 } }]);
    expect(screen.getByRole('link', { name: /Example Co Cookies & Tracking Notice/ }).getAttribute('href')).toBe(
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

  it('sets the choice for this site only and offers to reload the tab', async () => {
    const connector = renderPopup(coveredState(site), 42);
    fireEvent.click(await screen.findByRole('switch', { name: /Targeting or advertising/ }));
    await screen.findByRole('button', { name: 'Reload tab' });
    expect(connector.sent).toContainEqual({
      type: 'set-site-choice',
      payload: { siteId: 'example-co', categoryId: 'targeting-or-advertising', allowed: true },
    });
    expect(connector.sent.filter((m) => m.type === 'get-tab-state')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Reload tab' }));
    expect(connector.reloaded).toEqual([42]);
  });

  it('pauses and shows resume when paused', async () => {
    const connector = renderPopup(coveredState(site));
    fireEvent.click(await screen.findByRole('button', { name: 'Pause on this site' }));
    await waitFor(() =>
      expect(connector.sent).toContainEqual({ type: 'set-site-paused', payload: { siteId: 'example-co', paused: true } }),
    );
  });

  it('while paused, offers resume and holds the switches', async () => {
    const connector = renderPopup(coveredState(site, { paused: true }));
    fireEvent.click(await screen.findByRole('button', { name: 'Resume on this site' }));
    await waitFor(() =>
      expect(connector.sent).toContainEqual({ type: 'set-site-paused', payload: { siteId: 'example-co', paused: false } }),
    );
    expect(screen.getByRole<HTMLInputElement>('switch', { name: /Social media/ }).disabled).toBe(true);
  });

  it('shows what the site collects with its quotes, and the opt-out links opening a new tab', async () => {
    renderPopup(coveredState(site));
    const item = await screen.findByText('Your name and email address');
    expect(
      within(item.closest('li')!)
        .getByText(/we collect information you provide us/)
        .closest('details'),
    ).toBeTruthy();
    const optOut = screen.getByRole('link', { name: /Digital Advertising Alliance opt-out/ });
    expect(optOut.getAttribute('target')).toBe('_blank');
    expect(optOut.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Opts out of: interest-based advertising from participating companies')).toBeTruthy();
  });

  it('follows storage changes: new counts appear without reopening', async () => {
    let state = coveredState(site);
    const connector = mockConnector({ 'get-tab-state': () => state });
    render(<Popup connector={connector} tabId={null} />);
    await screen.findByRole('heading', { level: 1 });
    state = coveredState(site, { counts: { 'social-media': { blockedRequests: 2, removedCookies: 0 } } });
    connector.emitStorageChange();
    expect(await screen.findByText('2 requests blocked, 0 cookies removed on this tab')).toBeTruthy();
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

describe('popup for a site that is not covered', () => {
  const state: TabState = { site: null, allowed: {}, paused: false, counts: { unclassified: { blockedRequests: 0, removedCookies: 2 } } };

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

describe('popup error', () => {
  it('shows the background error instead of a blank page', async () => {
    render(<Popup connector={mockConnector({})} tabId={1} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/no mock handler for get-tab-state/);
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
    expect(await screen.findByRole('heading', { level: 1, name: '<img src=x onerror="window.pwned=1">Evil' })).toBeTruthy();
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
    expect(container.querySelector('a[href="https://evil.example"]')).toBeNull();
    expect(screen.getByText('<script>window.pwned=1</script><b>bold</b>')).toBeTruthy();
    expect(screen.getByText('<iframe src="https://evil.example"></iframe>')).toBeTruthy();
  });
});
