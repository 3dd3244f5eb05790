// Names the kinds of data a sentence mentions, from a lexicon that reads both full and stripped sentences.

const DATA_TYPES: readonly [label: string, pattern: RegExp][] = [
  ['name', /\b(your|full|user'?s?|contact) name\b|\bname (address|email)\b|\bname version\b|\balong with your name\b/],
  ['email address', /\be-?mail address(es)?\b/],
  ['postal address', /\bname address\b|\bpostal address\b|\bmailing address\b/],
  ['phone number', /\bphone number\b|\btelephone\b/],
  ['username', /\busernames?\b|\buser names?\b/],
  ['password', /\bpasswords?\b/],
  ['profile picture', /\bprofile picture\b|\bavatar\b/],
  ['location', /\bcurrent city\b|\blocation\b|\bgeolocation\b/],
  ['company', /\byour company\b/],
  ['payment information', /\bpurchases?\b|\bpayment\b|\bbilling\b/],
  ['content you create', /\bcontent (that you|you provide|you create|elements)\b|\bupload(ed)? submit\b|\battachments\b/],
  ['support requests and surveys', /\bsurvey\b|\bcustomer support\b|\bapply for (a )?job\b|\bcontest\b/],
  ['IP address', /\b(internet protocol )?ip address(es)?\b/],
  ['browser type', /\bbrowser type\b/],
  ['internet service provider', /\binternet service provider\b|\bisp\b/],
  ['referring and exit pages', /\breferring( (exit|urls|pages))?\b|\bexit pages\b/],
  ['pages visited', /\burls you accessed\b|\bwhich page you are visiting\b|\bwebsites you have visited\b|\bbrowsing habits\b/],
  ['operating system', /\boperating system\b|\bos (type|version)\b/],
  ['date and time', /\bdate time stamp\b|\btime ?stamps?\b/],
  ['search terms', /\binformation you search for\b|\bsearch (terms|parameters)\b/],
  ['language and locale', /\blocale\b|\blanguage( preferences)?\b/],
  ['device identifiers', /\bidentification numbers associated with your devices\b|\bdevice (id|identifiers?)\b|\bserver id\b/],
  ['device information', /\bdevice (type|specifications)\b|\bscreen resolution\b|\bsystem configuration\b|\bcpu type\b|\bram allocation\b/],
  ['mobile carrier', /\bmobile carrier\b/],
  ['licence identifiers', /\blicen[cs]e (identifier|information)\b|\bsen\b/],
  ['product usage', /\bfeature function\b|\busage (data|of our services)\b|\bhow users interact\b|\bcount visits\b|\bwhich areas features\b/],
  ['cookies', /\bcookies?\b/],
  ['web beacons', /\bweb beacons?\b|\btracking pixels\b/],
  ['local storage', /\b(html5? )?local storage\b/],
  ['flash cookies', /\bflash cookies\b/],
  ['e-tags', /\be-?tags\b/],
  ['email opens', /\bemail has been opened\b/],
];

/** The data types a sentence names, in lexicon order. */
export function dataTypesIn(text: string): string[] {
  const lower = text.toLowerCase();
  return DATA_TYPES.filter(([, pattern]) => pattern.test(lower)).map(([label]) => label);
}
