// Hosts that serve several purposes, and a tag manager that loads tags of several categories, judged by what reached
// the replica. Each scenario also runs without the extension, where everything it checks must arrive.
import type { LoggedRequest } from './replica/log';
import { describeInBrowsers, type Replica, type TestBrowser, type Visit } from './harness';
import { send } from './harness/messages';

/** Sets default choices; the worker answers once its rules follow them. */
const choose =
  (choices: Record<string, boolean>) =>
  async (browser: TestBrowser): Promise<void> => {
    await send(browser, 'get-settings', {});
    for (const [categoryId, allowed] of Object.entries(choices)) await send(browser, 'set-default-choice', { categoryId, allowed });
  };

const visitCovered = (browser: TestBrowser, replica: Replica): Promise<Visit> => browser.visit(replica.everyKindPage());

/** The requests of a visit to one host, under a path prefix. */
const arrived = (replica: Replica, visit: Visit, host: string, prefix = '/'): LoggedRequest[] =>
  replica.log.find({ visit: visit.id, host }).filter((request) => request.path.startsWith(prefix));

/** Which of these host + path places got at least one request of the visit. */
function reached(replica: Replica, visit: Visit, places: Array<[string, string]>): string[] {
  return places.filter(([host, prefix]) => arrived(replica, visit, host, prefix).length > 0).map(([host, prefix]) => `${host}${prefix}`);
}

const SOCIAL: Array<[string, string]> = [
  ['www.facebook.com', '/plugins/'],
  ['www.linkedin.com', '/sharing/'],
  ['platform.twitter.com', '/widgets.js'],
  ['www.youtube.com', '/embed/'],
];
const ADVERTISING: Array<[string, string]> = [
  ['www.facebook.com', '/tr'],
  ['px.ads.linkedin.com', '/collect'],
  ['analytics.twitter.com', '/i/adsct'],
  ['t.co', '/i/adsct'],
  ['www.youtube.com', '/api/stats/'],
  ['www.google.com', '/pagead/'],
  ['www.google.com', '/ccm/collect'],
];
const names = (places: Array<[string, string]>): string[] => places.map(([host, prefix]) => `${host}${prefix}`);

describeInBrowsers('hosts that serve several purposes', (suite) => {
  const cases = [
    {
      title: 'social media allowed, advertising refused: the widgets load, the pixels on the same hosts do not',
      allowed: SOCIAL,
      refused: ADVERTISING,
      social: true,
    },
    { title: 'the reverse: advertising allowed, social media refused', allowed: ADVERTISING, refused: SOCIAL, social: false },
  ];
  for (const { title, allowed, refused, social } of cases) {
    suite.scenario(title, {
      prepare: choose({ 'social-media': social, 'targeting-or-advertising': !social }),
      run: visitCovered,
      control: (visit, replica) => expect(reached(replica, visit, [...allowed, ...refused])).toEqual(names([...allowed, ...refused])),
      extension: (visit, replica) => {
        expect(reached(replica, visit, allowed)).toEqual(names(allowed));
        expect(reached(replica, visit, refused)).toEqual([]);
      },
    });
  }

  suite.scenario('reCAPTCHA (strictly necessary) always arrives; Google advertising on the same host does not when refused', {
    prepare: choose({ 'targeting-or-advertising': false, functionality: false, 'performance-and-analytics': false, 'social-media': false }),
    run: visitCovered,
    control: (visit, replica) =>
      expect(
        reached(replica, visit, [
          ['www.google.com', '/recaptcha/'],
          ['www.google.com', '/pagead/'],
          ['www.google.com', '/ccm/collect'],
        ]),
      ).toHaveLength(3),
    extension: (visit, replica) => {
      expect(
        reached(replica, visit, [
          ['www.google.com', '/recaptcha/'],
          ['www.gstatic.com', '/recaptcha/'],
        ]),
      ).toHaveLength(2);
      expect(
        reached(replica, visit, [
          ['www.google.com', '/pagead/'],
          ['www.google.com', '/ccm/collect'],
        ]),
      ).toEqual([]);
    },
  });
});

describeInBrowsers('a tag manager is a loader', (suite) => {
  const injected = (replica: Replica, visit: Visit, tracker: string) =>
    replica.log.find({ visit: visit.id, via: 'google-tag-manager', tracker });
  const tagManager = (replica: Replica, visit: Visit) => replica.log.find({ visit: visit.id, tracker: 'google-tag-manager' });

  suite.scenario('analytics refused, functionality allowed: Tag Manager and the chat it injects load, its analytics tag does not', {
    prepare: choose({ 'performance-and-analytics': false, functionality: true }),
    run: visitCovered,
    control: (visit, replica) => {
      expect(tagManager(replica, visit).length).toBeGreaterThan(0);
      expect(injected(replica, visit, 'zendesk-chat').length).toBeGreaterThan(0);
      expect(injected(replica, visit, 'google-analytics').length).toBeGreaterThan(0);
    },
    extension: (visit, replica) => {
      expect(tagManager(replica, visit).length).toBeGreaterThan(0);
      expect(
        injected(replica, visit, 'zendesk-chat')
          .map((request) => request.kind)
          .sort(),
      ).toEqual(['image', 'script']);
      expect(injected(replica, visit, 'google-analytics')).toEqual([]);
    },
  });

  suite.scenario('analytics, advertising and functionality all refused: Tag Manager itself is blocked', {
    prepare: choose({ 'performance-and-analytics': false, 'targeting-or-advertising': false, functionality: false }),
    run: visitCovered,
    control: (visit, replica) => expect(tagManager(replica, visit).length).toBeGreaterThan(0),
    extension: (visit, replica) => {
      expect(tagManager(replica, visit)).toEqual([]);
      expect(replica.log.find({ visit: visit.id, via: 'google-tag-manager' })).toEqual([]);
    },
  });
});
