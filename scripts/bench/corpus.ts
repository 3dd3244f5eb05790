// A reproducible corpus of realistic requests for the classification benchmark: pages on covered and
// ordinary sites loading the knowledge base's trackers, other well-known trackers and ordinary resources.
import type { Site } from '../../src/knowledge/schema';
import { prng } from '../../test/support/prng';

export interface BenchRequest {
  pageUrl: string;
  /** The page's origin, as the browser reports a request's initiator to the worker. */
  initiator: string;
  url: string;
  type: 'script' | 'image' | 'xmlhttprequest' | 'ping' | 'sub_frame' | 'stylesheet' | 'font';
}

// Well-known trackers that no covered site's inventory lists, so the corpus is not tailored to our data.
const OTHER_TRACKERS = [
  'static.hotjar.com',
  'script.hotjar.com',
  'b.scorecardresearch.com',
  'static.criteo.net',
  'dis.criteo.com',
  'cdn.taboola.com',
  'trc.taboola.com',
  'widgets.outbrain.com',
  'c.amazon-adsystem.com',
  'aax.amazon-adsystem.com',
  'sb.scorecardresearch.com',
  'cdn.mxpnl.com',
  'api-js.mixpanel.com',
  'cdn.heapanalytics.com',
  'js.hs-scripts.com',
  'track.hubspot.com',
  'www.clarity.ms',
  'analytics.tiktok.com',
  'sc-static.net',
  'tr.snapchat.com',
  'ct.pinterest.com',
  's.pinimg.com',
  'ib.adnxs.com',
  'secure.adnxs.com',
  'pixel.rubiconproject.com',
  'ads.pubmatic.com',
  'sync.taboola.com',
  'cdn.amplitude.com',
  'api2.amplitude.com',
  'rs.fullstory.com',
  'edge.fullstory.com',
  'cdn.quantserve.com',
  'pixel.quantserve.com',
  'tags.tiqcdn.com',
  'assets.adobedtm.com',
  'dpm.demdex.net',
  'sstats.adobe.com',
  'cdn.branch.io',
  'app.link',
  'widget.intercom.io',
];

const ORDINARY_HOSTS = [
  'cdnjs.cloudflare.com',
  'fonts.gstatic.com',
  'fonts.googleapis.com',
  'ajax.googleapis.com',
  'unpkg.com',
  'cdn.jsdelivr.net',
  'images.ctfassets.net',
  'i.imgur.com',
  'upload.wikimedia.org',
  'code.jquery.com',
  'use.typekit.net',
  'maps.googleapis.com',
  'js.stripe.com',
  'www.gstatic.com',
  'static.cloudflareinsights.com',
];

const PATHS: Record<BenchRequest['type'], string[]> = {
  script: ['/js/main.js', '/analytics.js', '/gtm.js?id=GTM-XXXX', '/sdk.js', '/tag.min.js'],
  image: ['/collect?v=1&t=pageview&cid=', '/pixel.gif?id=', '/img/logo.png?v=', '/tr?ev=PageView&id='],
  xmlhttprequest: ['/v1/t?sid=', '/api/events?e=', '/g/collect?tid='],
  ping: ['/beacon?id=', '/ping?u='],
  sub_frame: ['/widgets/frame.html?id=', '/embed/video?v='],
  stylesheet: ['/css/site.css?v=', '/fonts.css?family='],
  font: ['/fonts/inter.woff2?v='],
};

const TYPES = Object.keys(PATHS) as BenchRequest['type'][];

export function buildCorpus(sites: Site[], count: number, seed = 20261123): BenchRequest[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const inventoryHosts = sites.flatMap((site) => site.trackers.flatMap((tracker) => tracker.hosts));
  const coveredPages = sites.flatMap((site) => site.domains.flatMap((domain) => [`https://www.${domain}`, `https://${domain}`]));
  const ordinaryPages = Array.from({ length: 500 }, (_, n) => `https://www.site${n}.example.com`);
  const withSubdomain = (host: string): string => (host.split('.').length === 2 ? `${pick(['www', 'ssl', 'stats', 'px'])}.${host}` : host);

  const corpus: BenchRequest[] = [];
  for (let n = 0; n < count; n++) {
    const page = random() < 0.4 ? pick(coveredPages) : pick(ordinaryPages);
    const roll = random();
    const host =
      roll < 0.3
        ? withSubdomain(pick(inventoryHosts))
        : roll < 0.55
          ? pick(OTHER_TRACKERS)
          : roll < 0.8
            ? pick(ORDINARY_HOSTS)
            : new URL(page).host;
    const type = pick(TYPES);
    corpus.push({ pageUrl: `${page}/path/${n % 97}`, initiator: page, url: `https://${host}${pick(PATHS[type])}${n}`, type });
  }
  return corpus;
}
