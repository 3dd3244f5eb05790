// Dynamic content scripts and one-off page scripts over the scripting API.
import browser from 'webextension-polyfill';
import type { ContentScripts, PageScripts } from '../ports/scripting';

export const browserScripting: ContentScripts = {
  getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
  unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
  registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
};

export const browserPageScripts: PageScripts = {
  async runInMainWorld(tabId, func, args) {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, world: 'MAIN', func, args });
    return first?.result;
  },
  async runInDocument(tabId, documentId, func, args) {
    const target = documentId === undefined ? { tabId } : { tabId, documentIds: [documentId] };
    const [first] = await browser.scripting.executeScript({ target, world: 'MAIN', func, args });
    // Typed as always there, but older Firefox releases leave it out: the caller then relies on the origin check.
    const reported: unknown = first?.documentId;
    return { result: first?.result, documentId: typeof reported === 'string' ? reported : undefined };
  },
  async injectEarly(tabId, ownFrame, func, args, { main, isolated }) {
    const early = { injectImmediately: true } as const;
    // Each frame's origin, read in the extension's isolated world: the page cannot replace its builtins there.
    const frames = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      world: 'ISOLATED',
      func: () => window.origin,
      ...early,
    });
    const own = frames.filter(({ result }) => typeof result === 'string' && ownFrame(result));
    if (own.length === 0) return;
    // Pinned to those documents: a frame that navigated meanwhile has another documentId and is left out. A browser
    // that reports no documentId (Firefox before it had one) is given the frames instead.
    const target = (chosen: typeof own) =>
      chosen.every(({ documentId }) => typeof documentId === 'string')
        ? { tabId, documentIds: chosen.map(({ documentId }) => documentId) }
        : { tabId, frameIds: chosen.map(({ frameId }) => frameId) };
    const results = await browser.scripting.executeScript({ target: target(own), world: 'MAIN', func, args, ...early });
    const shielded = results.filter((result) => result.result === true);
    if (shielded.length === 0) return;
    await Promise.all([
      browser.scripting.executeScript({ target: target(shielded), world: 'MAIN', files: main, ...early }),
      browser.scripting.executeScript({ target: target(shielded), world: 'ISOLATED', files: isolated, ...early }),
    ]);
  },
};
