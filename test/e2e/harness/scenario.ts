// Write a scenario once, run it in every selected browser, each time with a control run without the extension
// so the test can fail: what the extension stops must be seen arriving when it is absent.
import { startReplica, type Replica } from '../replica/server';
import { launchBrowser, selectedBrowsers } from './launch';
import type { BrowserName, TestBrowser } from './types';

export interface Scenario<T> {
  /** With the extension only, before `run`: e.g. refuse a category through the extension's pages. */
  prepare?: (browser: TestBrowser, replica: Replica) => Promise<void>;
  /** What both runs do (visit pages, read the log and the jar); returns what the checks look at. */
  run: (browser: TestBrowser, replica: Replica) => Promise<T>;
  control: (observed: T, replica: Replica) => void | Promise<void>;
  extension: (observed: T, replica: Replica) => void | Promise<void>;
  /** Each run's Jest deadline (ms), for scenarios longer than the suite's default (jest.e2e.config.cjs). */
  timeoutMs?: number;
  /** The extension run loads the test build (Chromium: its optional host permissions granted at install). */
  testBuild?: boolean;
}

export interface BrowserSuite {
  browser: BrowserName;
  /** The suite's replica, started before its first test (read it inside tests). */
  readonly replica: Replica;
  /** A fresh browser and profile, closed after the test. */
  launch(options?: { extension?: boolean; testBuild?: boolean; darkScheme?: boolean }): Promise<TestBrowser>;
  /** Two tests: "control: <title>" without the extension, then "with extension: <title>". */
  scenario<T>(title: string, steps: Scenario<T>): void;
}

export function describeInBrowsers(title: string, body: (suite: BrowserSuite) => void): void {
  for (const browser of selectedBrowsers()) {
    describe(`[${browser}] ${title}`, () => {
      let replica: Replica | null = null;
      const open: TestBrowser[] = [];
      beforeAll(async () => {
        replica = await startReplica();
      });
      afterEach(async () => {
        await Promise.all(open.splice(0).map((launched) => launched.close()));
      });
      afterAll(async () => {
        await replica?.stop();
      });

      const suite: BrowserSuite = {
        browser,
        get replica(): Replica {
          if (!replica) throw new Error('the replica starts in beforeAll: read suite.replica inside a test');
          return replica;
        },
        launch: async ({ extension = false, testBuild = false, darkScheme = false } = {}) => {
          const launched = await launchBrowser(browser, { replica: suite.replica, extension, testBuild, darkScheme });
          open.push(launched);
          return launched;
        },
        scenario: (name, steps) => {
          test(
            `control: ${name}`,
            async () => {
              const launched = await suite.launch({ extension: false });
              await steps.control(await steps.run(launched, suite.replica), suite.replica);
            },
            steps.timeoutMs,
          );
          test(
            `with extension: ${name}`,
            async () => {
              const launched = await suite.launch({ extension: true, testBuild: steps.testBuild });
              await steps.prepare?.(launched, suite.replica);
              await steps.extension(await steps.run(launched, suite.replica), suite.replica);
            },
            steps.timeoutMs,
          );
        },
      };
      body(suite);
    });
  }
}
