import { createMessageRouter, type Handlers } from '../../../src/background/message-router';
import { freshSettings } from '../../../src/core/settings';

const ORIGIN = 'moz-extension://6b1c7a8e/';
const handled: string[] = [];
const handlers = {
  'reset-settings': async () => (handled.push('reset-settings'), freshSettings()),
  'export-settings': async () => {
    throw new Error('disk full');
  },
} as unknown as Handlers;
const route = createMessageRouter(handlers, ORIGIN);
const popup = { url: `${ORIGIN}popup.html` };

beforeEach(() => (handled.length = 0));

test('answers the extension’s own pages through the handler named by the message', async () => {
  await expect(route({ type: 'reset-settings', payload: {} }, popup)).resolves.toEqual({ ok: true, value: freshSettings() });
  const optionsTab = { url: `${ORIGIN}options.html`, tab: { url: `${ORIGIN}options.html` } };
  await expect(route({ type: 'reset-settings', payload: {} }, optionsTab)).resolves.toMatchObject({ ok: true });
  expect(handled).toEqual(['reset-settings', 'reset-settings']);
});

test.each([
  ['a web page', { url: 'https://www.atlassian.com/', tab: { url: 'https://www.atlassian.com/' } }],
  ['a frame of the extension inside a web page', { url: `${ORIGIN}popup.html`, tab: { url: 'https://evil.test/' } }],
  ['another extension', { url: 'moz-extension://other/popup.html' }],
  ['a sender without a URL', {}],
])('refuses %s before looking at the message', async (_name, sender) => {
  await expect(route({ type: 'reset-settings', payload: {} }, sender)).resolves.toEqual({
    ok: false,
    error: expect.stringMatching(/^refused/),
  });
  expect(handled).toEqual([]);
});

test.each([
  [null],
  ['reset-settings'],
  [{ type: 'toString', payload: {} }],
  [{ type: 'reset-settings' }],
  [{ type: 'no-such', payload: {} }],
])('answers malformed message %j with an error', async (message) => {
  await expect(route(message, popup)).resolves.toEqual({ ok: false, error: 'unknown message' });
  expect(handled).toEqual([]);
});

test('a failing handler becomes an error reply, not an exception', async () => {
  await expect(route({ type: 'export-settings', payload: {} }, popup)).resolves.toEqual({ ok: false, error: 'disk full' });
});
