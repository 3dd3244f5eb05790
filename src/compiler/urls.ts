// Rebuilds URLs that the stripped format wrote as words ("http www aboutads info") and checks that they are URLs.

const TLDS = new Set(['com', 'org', 'net', 'info', 'gov', 'edu', 'io', 'eu', 'co', 'uk', 'de', 'fr', 'au', 'us', 'ca', 'example', 'test']);
/** Words that end a host read backwards: "at my atlassian com" is my.atlassian.com. */
const NOT_A_LABEL = new Set(['at', 'visit', 'to', 'via', 'on', 'in', 'from', 'is', 'please', 'of', 'the', 'see', 'and', 'or', 's']);
const MAX_PATH_WORDS = 2;

/** Services whose host names hold hyphens, which the stripped format turned into spaces; and their canonical scheme. */
const KNOWN_HOSTS: readonly { host: string; scheme: 'http' | 'https' }[] = [
  { host: 'preferences-mgr.truste.com', scheme: 'https' },
  { host: 'optout.networkadvertising.org', scheme: 'https' },
  { host: 'optout.aboutads.info', scheme: 'https' },
];

/** Whether a candidate is an absolute http(s) URL whose host has valid labels and a known top-level domain. */
export function isValidUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const labels = url.hostname.split('.');
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label)) &&
    TLDS.has(labels[labels.length - 1]!)
  );
}

function buildUrl(scheme: string, labels: readonly string[], path: readonly string[]): string {
  const letters = labels.join('');
  const known = KNOWN_HOSTS.find((entry) => entry.host.replace(/[.-]/g, '') === letters);
  const host = known ? known.host : labels.join('.');
  return `${known ? known.scheme : scheme}://${host}${path.length ? `/${path.join('/')}` : ''}`;
}

/**
 * URLs written as words. With a scheme word ("http ..."), the host runs to the first top-level domain and a short
 * tail up to the sentence's end or the next URL is the path. Without one, only hosts under `ownDomains` count
 * ("my atlassian com"), served over https; "e mail privacy atlassian com" is an e-mail address, not a URL.
 */
export function urlsFromWords(text: string, ownDomains: readonly string[]): string[] {
  const tokens = text.toLowerCase().split(/\s+/).filter(Boolean);
  const urls: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token === 'http' || token === 'https') {
      let tld = tokens.findIndex((word, k) => k > i && TLDS.has(word));
      if (tld <= i + 1) continue;
      // A run of top-level names belongs to one host: "bbc co uk", "www example com".
      while (TLDS.has(tokens[tld + 1] ?? '')) tld += 1;
      const rest = tokens.slice(tld + 1);
      const nextScheme = rest.findIndex((word) => word === 'http' || word === 'https');
      const tail = nextScheme === -1 ? rest : rest.slice(0, nextScheme);
      const path = tail.length <= MAX_PATH_WORDS ? tail : [];
      urls.push(buildUrl(token, tokens.slice(i + 1, tld + 1), path));
      i = tld + path.length;
      continue;
    }
    if (!TLDS.has(token) || i === 0) continue;
    const domain = `${tokens[i - 1]}.${token}`;
    if (!ownDomains.includes(domain)) continue;
    const sub = tokens[i - 2];
    const isEmail = tokens[i - 3] === 'mail' || tokens[i - 3] === 'email';
    if (isEmail) continue;
    const labels = sub && !NOT_A_LABEL.has(sub) && !TLDS.has(sub) ? [sub, domain] : [domain];
    urls.push(`https://${labels.join('.')}`);
  }
  return urls.filter(isValidUrl);
}

/**
 * E-mail addresses written as words: "e mail privacy atlassian com" is privacy@atlassian.com. Only addresses at one
 * of `ownDomains` count, so a stray "mail" before two words is not taken for an address.
 */
export function emailsFromWords(text: string, ownDomains: readonly string[]): string[] {
  const tokens = text.toLowerCase().split(/\s+/).filter(Boolean);
  const emails: string[] = [];
  tokens.forEach((token, i) => {
    if (token !== 'mail' && token !== 'email') return;
    const [local, name, tld] = tokens.slice(i + 1, i + 4);
    if (local === undefined || !/^[a-z0-9][a-z0-9._-]*$/.test(local) || !ownDomains.includes(`${name}.${tld}`)) return;
    emails.push(`${local}@${name}.${tld}`);
  });
  return emails;
}
