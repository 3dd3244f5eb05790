import fc from 'fast-check';
import { canonicalJson, reconcile } from '../../../src/shared/reconcile';

interface Item {
  id: number;
  value: string;
}

const byId = (items: readonly Item[]) => [...items].sort((a, b) => a.id - b.id);
const apply = (held: Item[], changes: ReturnType<typeof reconcile<Item, Item>>) =>
  changes === null ? held : [...held.filter((item) => !changes.remove.includes(item)), ...changes.add];
const items = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 20 }), value: fc.constantFrom('a', 'b') }), {
  selector: (item) => item.id,
  maxLength: 8,
});

describe('reconcile', () => {
  test('equal sides, in any order, need no change', () => {
    const held = [
      { id: 2, value: 'b' },
      { id: 1, value: 'a' },
    ];
    expect(reconcile(held, [...held].reverse(), canonicalJson)).toBeNull();
    expect(reconcile([], [], canonicalJson)).toBeNull();
  });

  test('only changed items are removed and added', () => {
    const held = [
      { id: 1, value: 'a' },
      { id: 2, value: 'b' },
      { id: 3, value: 'c' },
    ];
    const wanted = [
      { id: 1, value: 'a' },
      { id: 2, value: 'changed' },
      { id: 4, value: 'd' },
    ];
    expect(reconcile(held, wanted, canonicalJson)).toEqual({ remove: [held[1], held[2]], add: [wanted[1], wanted[2]] });
  });

  test('applying the changes always ends with exactly the wanted items', () => {
    fc.assert(
      fc.property(items, items, (held, wanted) => {
        const changes = reconcile(held, wanted, canonicalJson);
        expect(byId(apply(held, changes))).toEqual(byId(wanted));
        expect(reconcile(apply(held, changes), wanted, canonicalJson)).toBeNull();
      }),
    );
  });
});

describe('canonicalJson', () => {
  test('ignores key order and null or undefined fields, keeps array order', () => {
    const written = { id: 1, condition: { requestDomains: ['a.example', 'b.example'], initiatorDomains: ['x.test'] } };
    const readBack = { condition: { initiatorDomains: ['x.test'], regexFilter: null, requestDomains: ['a.example', 'b.example'] }, id: 1 };
    expect(canonicalJson(readBack)).toBe(canonicalJson(written));
    expect(canonicalJson({ list: ['b', 'a'] })).not.toBe(canonicalJson({ list: ['a', 'b'] }));
  });
});
