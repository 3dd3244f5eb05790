// The JS heap of the extension's service worker, read over CDP: a worker has no performance.memory, and
// Playwright's CDP sessions attach to pages only, so the worker is reached through Target messages.
import type { BrowserContext } from 'playwright-core';

export async function workerHeapBytes(context: BrowserContext, baseUrl: string): Promise<number> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(baseUrl));
    if (!worker) throw new Error('the extension has no running service worker');
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const reply = new Promise<number>((resolve) => {
      session.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
        if (event.sessionId === sessionId && message.id === 1 && message.result) resolve(message.result.usedSize);
      });
    });
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    const used = await reply;
    await session.send('Target.detachFromTarget', { sessionId });
    return used;
  } finally {
    await session.detach();
    await page.close();
  }
}
