import { ProblemError } from '../../../src/protected-sites/problems';
import { failureText, problemText } from '../../../src/ui/declaration-text';

test('a thrown problem travels as its code and data, and the page words it; any other error stays as it came', () => {
  const thrown = new ProblemError({ code: 'not-granted', domain: 'harbor.example' });
  expect(JSON.parse(thrown.message)).toEqual({ code: 'not-granted', domain: 'harbor.example' });
  expect(failureText(thrown.message)).toBe('Policy Guard was not given access to harbor.example, so it cannot protect it');
  expect(failureText('rule limit reached')).toBe('rule limit reached');
  expect(failureText('{"code": broken')).toBe('{"code": broken');
});

test('a reading the popup could not ask for is said with the reason', () => {
  expect(problemText({ code: 'request-failed', reason: 'the worker is gone' })).toBe('Could not read this page: the worker is gone');
  expect(problemText({ code: 'page-without-site', host: 'localhost' })).toBe('localhost has no registrable domain of its own to protect.');
});
