// CI's guard: the committed knowledge base is exactly what the compiler makes of the committed sources.
import { verifyCommitted } from '../../../src/compiler/files';

it('every committed site is verbatim in its sources, fully cited and equal to a fresh compile', () => {
  expect(verifyCommitted()).toEqual([]);
});
