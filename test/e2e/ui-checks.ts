// Checks the popup and options suites run inside an extension page: axe-core with real layout (colour
// contrast included), and waiting for text or a count to appear as the page hears the worker's pushes.
import { readFileSync } from 'node:fs';
import type { TestPage } from './harness';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The extension pages' CSP forbids eval, so axe travels as the body of the evaluated function itself.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- built here in Node, never evaluated from a string in the page
const runAxe = new Function(
  `${axeSource}
  return axe.run(document, { resultTypes: ['violations'] }).then((results) =>
    results.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'));`,
) as () => Promise<string[]>;

export function axeViolations(page: TestPage): Promise<string[]> {
  return page.evaluate(runAxe);
}

/** Resolves once the text of `selector` matches `pattern`; the test's own timeout bounds the wait. */
export async function waitForText(page: TestPage, selector: string, pattern: RegExp): Promise<string> {
  return page.evaluate(
    ([css, source, flags]) =>
      new Promise<string>((resolve) => {
        const regex = new RegExp(source, flags);
        const check = (): boolean => {
          const text = document.querySelector(css)?.textContent ?? '';
          if (regex.test(text)) resolve(text);
          return regex.test(text);
        };
        if (check()) return;
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
    [selector, pattern.source, pattern.flags] as [string, string, string],
  );
}

/** Resolves with the number `selector`'s text starts with, once it is at least `atLeast`; the test's timeout bounds the wait. */
export async function waitForCount(page: TestPage, selector: string, atLeast: number): Promise<number> {
  return page.evaluate(
    ([css, least]) =>
      new Promise<number>((resolve) => {
        const check = (): boolean => {
          const count = Number.parseInt(document.querySelector(css)?.textContent ?? '', 10);
          if (count >= least) resolve(count);
          return count >= least;
        };
        if (check()) return;
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    [selector, atLeast] as [string, number],
  );
}
