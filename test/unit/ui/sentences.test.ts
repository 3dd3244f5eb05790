import { readableDescription } from '../../../src/ui/sentences';

it.each([
  [
    'these cookies collect information. for example, we use google analytics cookies.',
    'These cookies collect information. For example, we use Google Analytics cookies.',
  ],
  ['one sentence only', 'One sentence only'],
  ['Already Readable. Left as it is.', 'Already Readable. Left as it is.'],
])('a description of several notice sentences has each made readable: %s', (stored, shown) => {
  expect(readableDescription(stored)).toBe(shown);
});
