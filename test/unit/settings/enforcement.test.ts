import { createEnforcement } from '../../../src/settings/enforcement';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice } from '../../../src/settings/ops';

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

function setup() {
  const log: string[] = [];
  const sweeps: Gate[] = [];
  const enforce = createEnforcement({
    rules: { apply: async (settings) => void log.push(`rules ${settings.defaults.functionality}`) },
    shield: { apply: async (settings) => void log.push(`shield ${settings.defaults.functionality}`) },
    cmp: { apply: async (settings) => void log.push(`cmp ${settings.defaults.functionality}`) },
    announce: async () => void log.push('announce'),
    sweep: async () => {
      log.push('sweep');
      const held = gate();
      sweeps.push(held);
      await held.promise;
      log.push('swept');
    },
    report: (error) => {
      throw error;
    },
  });
  return { enforce, log, sweeps };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const withFunctionality = (allowed: boolean): Settings => setDefaultChoice(freshSettings(), 'functionality', allowed);

test('resolves once the rules, the shield and the CMP records are in force, while the cookie sweep is still running', async () => {
  const { enforce, log, sweeps } = setup();
  await enforce(withFunctionality(false));
  expect(log.slice(0, 3).sort()).toEqual(['cmp false', 'rules false', 'shield false']);
  await settle();
  expect(log).toContain('announce');
  expect(log).toContain('sweep');
  expect(log).not.toContain('swept');
  sweeps[0]!.open();
  await settle();
  expect(log.at(-1)).toBe('swept');
});

test('a burst of changes during a sweep ends with one more sweep, for the newest settings', async () => {
  const { enforce, log, sweeps } = setup();
  await enforce(withFunctionality(false));
  await settle();
  await enforce(withFunctionality(true));
  await enforce(withFunctionality(false));
  await enforce(withFunctionality(true));
  expect(log.filter((entry) => entry.startsWith('rules'))).toEqual(['rules false', 'rules true', 'rules false', 'rules true']);
  expect(log.filter((entry) => entry === 'announce')).toHaveLength(4);
  sweeps[0]!.open();
  await settle();
  expect(sweeps).toHaveLength(2);
  sweeps[1]!.open();
  await settle();
  expect(log.filter((entry) => entry === 'sweep')).toHaveLength(2);
});

test('a shield that fails to register or a record that cannot be written does not hold up the reply; failing rules fail it', async () => {
  const reported: unknown[] = [];
  const enforce = createEnforcement({
    rules: { apply: async () => undefined },
    shield: { apply: async () => Promise.reject(new Error('no scripting')) },
    cmp: { apply: async () => Promise.reject(new Error('no cookie')) },
    announce: async () => undefined,
    sweep: async () => undefined,
    report: (error) => void reported.push(error),
  });
  await expect(enforce(freshSettings())).resolves.toBeUndefined();
  expect(reported).toEqual([new Error('no scripting'), new Error('no cookie')]);

  const failing = createEnforcement({
    rules: { apply: async () => Promise.reject(new Error('rule limit')) },
    shield: { apply: async () => undefined },
    cmp: { apply: async () => undefined },
    announce: async () => undefined,
    sweep: async () => undefined,
    report: () => undefined,
  });
  await expect(failing(freshSettings())).rejects.toThrow('rule limit');
});
