// Request classification in JavaScript (the path the worker uses for counts), against Ghostery's matcher on the
// same corpus: nanoseconds per request, p50 and p99, host extraction included; and where both agree.
import { classifyRequest } from '../../src/knowledge/classify';
import type { Site } from '../../src/knowledge/schema';
import { hostOf, lookupHostOrParent } from '../../src/shared/hosts';
import { buildSiteIndex, siteOfHost } from '../../src/knowledge/site-index';
import { buildCorpus, type BenchRequest } from './corpus';
import { loadPeer } from './peer';
import { percentile } from './percentile';

export interface ClassificationResult {
  requests: number;
  ours: { p50: number; p99: number; mean: number };
  /** The whole corpus timed as one loop, divided by its size: no per-call clock reads to subtract. */
  oursLoopMean: number;
  peer: { p50: number; p99: number; mean: number };
  agreement: { knownToBoth: number; agree: number; oursOnly: number; peerOnly: number; disagreeingHosts: string[] };
}

function summarise(samples: number[]): { p50: number; p99: number; mean: number } {
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), mean };
}

/** The cost of reading the clock twice, subtracted from each sample so the figure is the work itself. */
function timerOverhead(): number {
  const samples: number[] = [];
  for (let n = 0; n < 20_000; n++) {
    const start = process.hrtime.bigint();
    samples.push(Number(process.hrtime.bigint() - start));
  }
  return summarise(samples).p50;
}

export async function benchClassification(sites: Site[], count = 100_000): Promise<ClassificationResult> {
  const corpus = buildCorpus(sites, count);
  const index = buildSiteIndex(sites);
  const facts = (request: BenchRequest) => ({ url: request.url, initiator: request.initiator, type: request.type });
  const overhead = timerOverhead();

  // Warm both paths so the JIT has compiled them before the measured pass.
  for (const request of corpus.slice(0, 5_000)) classifyRequest(index, facts(request));
  const ours = new Array<number>(corpus.length);
  const oursVerdicts = new Array<boolean>(corpus.length);
  corpus.forEach((request, n) => {
    const start = process.hrtime.bigint();
    const match = classifyRequest(index, facts(request));
    ours[n] = Math.max(0, Number(process.hrtime.bigint() - start) - overhead);
    oursVerdicts[n] = match !== null;
  });

  const loopStart = process.hrtime.bigint();
  for (const request of corpus) classifyRequest(index, facts(request));
  const oursLoopMean = Number(process.hrtime.bigint() - loopStart) / corpus.length;

  const peerMatcher = await loadPeer();
  for (const request of corpus.slice(0, 2_000)) await peerMatcher.isTracker(request);
  const peer = new Array<number>(corpus.length);
  const agreement = { knownToBoth: 0, agree: 0, oursOnly: 0, peerOnly: 0 };
  const disagreeing = new Set<string>();
  const listedHosts = new Map(
    sites.flatMap((site) => site.trackers.flatMap((tracker) => tracker.hosts.map((host) => [host, true] as const))),
  );
  for (let n = 0; n < corpus.length; n++) {
    const request = corpus[n]!;
    const start = process.hrtime.bigint();
    const peerVerdict = await peerMatcher.isTracker(request);
    peer[n] = Math.max(0, Number(process.hrtime.bigint() - start) - overhead);
    // Compare only where both can have an opinion: a covered page, and a host the peer knows and our inventory lists.
    const listed = lookupHostOrParent(listedHosts, hostOf(request.url)) !== undefined;
    const coveredPage = siteOfHost(index, hostOf(request.pageUrl)) !== undefined;
    if (peerVerdict === undefined || !coveredPage || !listed) continue;
    agreement.knownToBoth++;
    if (peerVerdict === oursVerdicts[n]) agreement.agree++;
    else {
      if (oursVerdicts[n]) agreement.oursOnly++;
      else agreement.peerOnly++;
      disagreeing.add(hostOf(request.url));
    }
  }
  return {
    requests: corpus.length,
    ours: summarise(ours),
    oursLoopMean,
    peer: summarise(peer),
    agreement: { ...agreement, disagreeingHosts: [...disagreeing].sort() },
  };
}
