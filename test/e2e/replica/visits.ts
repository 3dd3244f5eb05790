// Pages report to /__done once every resource has loaded, failed or been blocked; tests wait for that report
// instead of sleeping.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LoadOutcome {
  kind: string;
  url: string;
  /** loaded | failed | sent | refused | silent | timeout, as the page saw it. */
  outcome: string;
}

export class VisitBoard {
  private finished = new Map<string, LoadOutcome[]>();
  private waiting = new Map<string, ((outcomes: LoadOutcome[]) => void)[]>();

  finish(request: IncomingMessage, response: ServerResponse, visit: string | null): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(204).end();
      if (!visit) return;
      const outcomes = JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]') as LoadOutcome[];
      this.finished.set(visit, outcomes);
      for (const resolve of this.waiting.get(visit) ?? []) resolve(outcomes);
      this.waiting.delete(visit);
    });
  }

  done(visit: string, timeoutMs = 60_000): Promise<LoadOutcome[]> {
    const outcomes = this.finished.get(visit);
    if (outcomes) return Promise.resolve(outcomes);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replica: visit ${visit} did not report /__done within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      const waiters = this.waiting.get(visit) ?? [];
      waiters.push((result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.waiting.set(visit, waiters);
    });
  }
}
