import { createMessageRouter, type Handlers } from '../../../src/messaging/router';
import { freshSettings } from '../../../src/settings/settings';
import { ORIGIN, OWN_PAGES, REFUSED_SENDERS } from './senders';

const handled: string[] = [];
const handlers = {
  'reset-settings': async () => (handled.push('reset-settings'), freshSettings()),
  'export-settings': async () => {
    throw new Error('disk full');
  },
} as unknown as Handlers;
const route = createMessageRouter(handlers, ORIGIN);
const popup = OWN_PAGES[0]![1];

beforeEach(() => (handled.length = 0));

test.each(OWN_PAGES)('answers %s through the handler named by the message', async (_name, sender) => {
  await expect(route({ type: 'reset-settings', payload: {} }, sender)).resolves.toEqual({ ok: true, value: freshSettings() });
  expect(handled).toEqual(['reset-settings']);
});

test.each(REFUSED_SENDERS)('refuses %s before looking at the message', async (_name, sender) => {
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
