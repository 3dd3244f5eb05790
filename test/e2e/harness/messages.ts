// Messages to the worker as the extension's own pages send them: its reply to a change means the change is in force.
import type Browser from 'webextension-polyfill';
import type { MessageType, Reply, Request } from '../../../src/messaging/protocol';
import type { Settings } from '../../../src/settings/settings';
import type { TestBrowser } from './types';

declare const chrome: Browser.Browser;

/** Sends one message from an extension page (options.html) and expects an `ok` reply. */
export async function send<T extends MessageType>(browser: TestBrowser, type: T, payload: Request<T>): Promise<void> {
  const page = await browser.openExtensionPage('options.html');
  const reply = await page.evaluate((message) => chrome.runtime.sendMessage<unknown, Reply<T>>(message), { type, payload });
  await page.close();
  expect(reply).toMatchObject({ ok: true });
}

/** The worker answers its pages once its start-up enforcement is done: from then on its rules and shield are in force. */
export const ready = (browser: TestBrowser): Promise<void> => send(browser, 'get-settings', {});

/** The settings as the worker holds them, asked from an extension page as the options page asks. */
export async function settingsOf(browser: TestBrowser): Promise<Settings> {
  const page = await browser.openExtensionPage('options.html');
  const reply = await page.evaluate(() =>
    chrome.runtime.sendMessage<unknown, Reply<'get-settings'>>({ type: 'get-settings', payload: {} }),
  );
  await page.close();
  if (!reply.ok) throw new Error(reply.error);
  return reply.value.settings;
}
