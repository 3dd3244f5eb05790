// Assigns sentences to practice groups with a lexicon of patterns, written to work on full sentences and on the
// stripped format (lower case, short words removed): patterns never rely on "the", "and", "a", "or".

export interface PracticeGroup {
  id: string;
  label: string;
  patterns: RegExp[];
}

export const PRACTICE_GROUPS: readonly PracticeGroup[] = [
  {
    id: 'first-party-collection',
    label: 'What is collected and how it is used',
    patterns: [
      /\bwe (also )?(collect|gather|obtain|receive|generate|query|filter|conduct|make extensive use|use (information|cookies|these|google))\b/,
      /\b(information|data) (we|that we) (collect|obtain|gather)\b|\bthis information includes\b/,
      /\b(analytics|usage|log|system|account|profile) (information|data)\b/,
      /\b(collect(ed|s|ion)?|log files|usage data)\b/,
      /\bsends? (analytics )?information\b/,
      /\bpersonal information (information )?that may be used\b/,
      /\bcontent (you provide|any information|that you|includes|we collect)\b/,
      /\bfor (purposes|purpose) of\b/,
      /\bwe (will not )?use personal information\b/,
      /\bcommunicate with \w+ servers\b|\bcheck for updates\b/,
      /\bscreen resolution\b|\bos version\b/,
      /\bother submissions\b|\bsubmitted to our support\b/,
      /\bprovide (this|your) information\b|\bcombined information\b|\bcombine\b/,
      /\bwe may (collect|query|use|process)\b|\b(examine|analy[sz]e) content\b/,
    ],
  },
  {
    id: 'third-party-sharing',
    label: 'Sharing with third parties',
    patterns: [
      /\bthird part(y|ies)\b/,
      /\b(share|shared|sharing|disclose|disclosure|sell|transfer your information)\b/,
      /(?<!internet )\bservice providers?\b|\bpartners?\b|\badvertisers\b/,
      /\badd ons?\b|\bmarketplace\b/,
      /\b(merger|acquisition|business transfers|law enforcement)\b/,
      /\bvisible to (the )?public\b|\bpublic(ly)? (accessible|forums)\b|\bread collected used by others\b/,
      /\bsocial (network|media)\b/,
      /\bwhite labeling\b/,
      /\bcontent public\b|\baccessible to anyone\b/,
      /\bgoverned by (their|privacy polic)/,
      /\bdisplay (personal )?testimonials?\b|\bpost your testimonial\b/,
    ],
  },
  {
    id: 'user-choice',
    label: 'Your choices',
    patterns: [
      /\bopt[- ]?(out|in)\b/,
      /\bchoices?\b|\bconsent\b|\bpermission\b|\bauthoriz/,
      /(?<!language )\bpreferences?\b|\bsettings\b|\bunsubscribe\b/,
      /\byou (can|may) (instruct|disable|choose|block|manage)\b/,
      /\bto manage\b|\bmanagement tools\b/,
      /\bif you (do not|object|disagree|wish)\b/,
      /\bwe urge you to\b|\bwe encourage you to\b|\byou should (check|be aware)\b/,
      /\bplease uninstall\b/,
    ],
  },
  {
    id: 'access-edit-deletion',
    label: 'Access, correction and deletion',
    patterns: [
      /\b(correct|update|amend|remove|delete|edit|deactivate)\b.{0,40}\b(personal information|content|account|testimonial)\b/,
      /\b(removal|deactivate|deleted?)\b/,
      /\brequest for access\b|\baccess update this information\b/,
      /\bpersonal information .*\bcontact your employer\b/,
    ],
  },
  {
    id: 'data-retention',
    label: 'How long data is kept',
    patterns: [/\bretain(ed)?\b|\bretention\b/, /\bremain even after\b/, /\bas long as\b/],
  },
  {
    id: 'data-security',
    label: 'Security',
    patterns: [
      /\bsecur(e|ity|ing)\b/,
      /\bencrypt(ed|ion)?\b|\bssl\b|\bhttps\b/,
      /\b(intrusion|hackers|impenetrable|interception)\b/,
      /\bcontrolled environment\b|\blevels of protection\b/,
      /\bone way hash\b|\bpseudonymi[sz]/,
    ],
  },
  {
    id: 'policy-change',
    label: 'Changes to this policy',
    patterns: [
      /\b(change|update)s? (to )?(this|our) (privacy )?(policy|notice)\b/,
      /\bmay (be )?(change|updated?)\b.{0,40}\bfrom time to time\b|\bfrom time to time\b/,
      /\beffective (starting )?date\b|"effective starting"/,
      /\bmaterial changes\b|\bnotify you by revising\b/,
      /\breview our privacy policy\b|\bchanges to this privacy policy\b/,
      /\bchange in ownership\b/,
    ],
  },
  {
    id: 'do-not-track',
    label: 'Do Not Track',
    patterns: [/\bdo not track\b|\bdnt\b/],
  },
  {
    id: 'specific-audiences',
    label: 'Children and specific audiences',
    patterns: [/\bchild(ren)?\b|\bminors?\b|\bunder (the )?age\b|\bindividuals under\b/, /\bcalifornia\b|\beuropean union\b|\beea\b/],
  },
  {
    id: 'international-transfer',
    label: 'International transfer',
    patterns: [
      /\btransfer(red)?\b.{0,80}\b(australia|united states|countries|abroad)\b/,
      /\b(numerous|other) countries\b/,
      /\bsafe harbor\b|\bprivacy shield\b|\bstandard contractual\b/,
      /\btransfer processing\b|\bconsent to (collection )?transfer\b/,
      /^e u$|\bu s e u\b|\bdepartment of commerce\b/,
    ],
  },
  {
    id: 'cookies-and-tracking',
    label: 'Cookies and tracking',
    patterns: [
      /\bcookies?\b/,
      /\bweb beacons?\b|\btracking (pixels|technologies)\b|\bpixels?\b/,
      /\blocal storage\b|\bflash\b|\be tags\b|\bjavascript\b/,
      /\bgoogle analytics\b/,
      /\b(personalized|targeted|interest based|online behavioral) advertis/,
      /\bsocial media (features|widgets)\b|\btweet button\b/,
      /\btargeting\b|\bbrowsing habits\b/,
    ],
  },
  {
    id: 'contact',
    label: 'Contact',
    patterns: [
      /\bcontact (us|our|your|support|information)\b|\bplease contact\b/,
      /\be ?mail privacy\b|\bpostal mail\b|\bfax\b/,
      /\b(street|avenue|suite|road|p o box)\b/,
      /\bquestions\b|\bconcerns?\b|\bunresolved\b/,
    ],
  },
  {
    id: 'scope-and-definitions',
    label: 'What the policy covers',
    patterns: [
      /\bthis (privacy )?(policy|notice) (explains|applies|covers|does not cover)\b/,
      /\bthis (privacy )?(policy|notice) shall apply\b|\bprivacy policy shall apply\b/,
      /\b(services|websites|products) (include|does not include|do not include)\b|\bbut does not include\b/,
      /\bis any (computer|device)\b|\btreated same\b|\bfor avoidance of doubt\b/,
      /^(add on|content|information|personal information|saas products|downloadable products|websites) (bundle|any|all|information|\w+ s|does not include|do not include)\b/,
      /\bprivacy (seal|certification)\b|\b\w+ program covers\b/,
      /\bby registering for\b/,
    ],
  },
];

/** The groups a sentence belongs to, in the lexicon's order; empty when no rule matches. */
export function classifySentence(text: string): string[] {
  const lower = text.toLowerCase();
  return PRACTICE_GROUPS.filter((group) => group.patterns.some((pattern) => pattern.test(lower))).map((group) => group.id);
}
