// Names the kinds of data a sentence mentions, from a lexicon that reads both full and stripped sentences.

/** Each type with the collected group it belongs to when a sentence names it outside any section. */
const DATA_TYPES: readonly [label: string, group: string, pattern: RegExp][] = [
  ['name', 'account-and-profile', /\b(your|full|user'?s?|contact) name\b|\bname (address|email)\b|\balong with your name\b/],
  ['email address', 'account-and-profile', /\be-?mail address(es)?\b/],
  ['postal address', 'account-and-profile', /\bname address\b|\bpostal address\b|\bmailing address\b/],
  ['phone number', 'account-and-profile', /\bphone number\b|\btelephone\b/],
  ['username', 'account-and-profile', /\busernames?\b|\buser names?\b/],
  ['password', 'account-and-profile', /\bpasswords?\b/],
  ['profile picture', 'account-and-profile', /\bprofile picture\b|\bavatar\b/],
  ['location', 'account-and-profile', /\bcurrent city\b|\blocation\b|\bgeolocation\b/],
  ['company', 'account-and-profile', /\byour company\b/],
  ['payment information', 'account-and-profile', /\bpurchases?\b|\bpayment\b|\bbilling\b/],
  ['content you create', 'content', /\bcontent (that you|you provide|you create|elements)\b|\bupload(ed)? submit\b|\battachments\b/],
  ['support requests and surveys', 'submissions', /\bsurvey\b|\bcustomer support\b|\bapply for (a )?job\b|\bcontest\b/],
  ['IP address', 'web-logs', /\b(internet protocol )?ip address(es)?\b/],
  ['browser type', 'web-logs', /\bbrowser type\b/],
  ['internet service provider', 'web-logs', /\binternet service provider\b|\bisp\b/],
  ['referring and exit pages', 'web-logs', /\breferring( (exit|urls|pages))?\b|\bexit pages\b/],
  ['pages visited', 'web-logs', /\burls you accessed\b|\bwhich page you are visiting\b|\bwebsites you have visited\b|\bbrowsing habits\b/],
  ['operating system', 'web-logs', /\boperating system\b|\bos (type|version)\b/],
  ['date and time', 'web-logs', /\bdate time stamp\b|\btime ?stamps?\b/],
  ['search terms', 'web-logs', /\binformation you search for\b|\bsearch (terms|parameters)\b/],
  ['language and locale', 'web-logs', /\blocale\b|\blanguage( preferences)?\b/],
  ['device identifiers', 'web-logs', /\bidentification numbers associated with your devices\b|\bdevice (id|identifiers?)\b|\bserver id\b/],
  [
    'device information',
    'web-logs',
    /\bdevice (type|specifications)\b|\bscreen resolution\b|\bsystem configuration\b|\bcpu type\b|\bram allocation\b/,
  ],
  ['mobile carrier', 'web-logs', /\bmobile carrier\b/],
  ['licence identifiers', 'analytics', /\blicen[cs]e (identifier|information)\b|\bsen\b/],
  [
    'product usage',
    'analytics',
    /\bfeature function\b|\busage (data|of our services)\b|\bhow users interact\b|\bcount visits\b|\bwhich areas features\b/,
  ],
  ['cookies', 'cookies-and-tracking', /\bcookies?\b/],
  ['web beacons', 'cookies-and-tracking', /\bweb beacons?\b|\btracking pixels\b/],
  ['local storage', 'cookies-and-tracking', /\b(html5? )?local storage\b/],
  ['flash cookies', 'cookies-and-tracking', /\bflash cookies\b/],
  ['e-tags', 'cookies-and-tracking', /\be[- ]?tags\b/],
  ['email opens', 'cookies-and-tracking', /\bemail has been opened\b/],
];

/** Data a sentence mentions only to say it is not needed: "without re-entering your username or password". */
const NOT_COLLECTED = /\bwithout (re[- ]?entering|having to enter) (your )?([a-z]+[;,]? ){0,3}?(?=to\b|$)/g;

/** The data types a sentence names, in lexicon order. */
export function dataTypesIn(text: string): string[] {
  const lower = text.toLowerCase().replace(NOT_COLLECTED, ' ');
  return DATA_TYPES.filter(([, , pattern]) => pattern.test(lower)).map(([label]) => label);
}

/** The collected-data group (e.g. "account-profile") a data-type label of the lexicon belongs to; undefined for an unknown label. */
export function groupOfDataType(label: string): string | undefined {
  return DATA_TYPES.find(([name]) => name === label)?.[1];
}
