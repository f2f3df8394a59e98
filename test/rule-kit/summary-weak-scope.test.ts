/**
 * The module summary's weak-random part (`weakHelpers`, the `weak` export fact) is read for a file's own exports
 * only: a declaration an export names, or, when some export holds a function value, any weak-source call of the
 * file (the engine is then asked whether that function returns one). The summariser matches a call against the weak
 * sources only where the answer can change the summary (`weakScopeOf`), so a file whose text names a weak source
 * but exports nothing it could reach computes no callee path for that. Each case below states the summary (the
 * facts must not change) and how many callee paths the summariser asked for (counted by wrapping `calleePathOf`).
 */
import { describe, expect, it, vi } from 'vitest';

const asked = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/rule-kit/sinks.js', async (importOriginal) => {
  const sinks = await importOriginal<typeof import('../../src/rule-kit/sinks.js')>();
  return {
    ...sinks,
    calleePathOf: (...args: Parameters<typeof sinks.calleePathOf>) => {
      asked.n++;
      return sinks.calleePathOf(...args);
    },
  };
});

const { summariseText } = await import('../../src/scanner/detect/lint.js');

let seq = 0;
/** The summary of `lines` as a TypeScript file, and the callee paths the summariser asked for. */
function summarise(lines: readonly string[]): {
  summary: ReturnType<typeof summariseText>;
  asked: number;
} {
  asked.n = 0;
  const summary = summariseText('/app', `/app/src/weak-scope-${seq++}.ts`, lines.join('\n'));
  return { summary, asked: asked.n };
}

/** Top-level weak draws outside every declaration (a seed, a start time), added to a file to see what they cost. */
const draws = ['const seed = Math.random();', 'const started = Date.now();', 'console.log(seed, started);'];

describe('the summary matches weak sources only where its exports can read them', () => {
  it('an exported function declaration: the helper is weak, and every call of the file is matched', () => {
    const body = ['export function token() {', '  return Math.random().toString(36);', '}'];
    const plain = summarise(body);
    const withDraws = summarise([...draws, ...body]);
    expect(plain.summary?.weakHelpers).toEqual(['token']);
    expect(plain.summary?.exports['token']).toEqual({ facts: ['weak'] });
    expect(withDraws.summary).toEqual(plain.summary);
    // An exported function value is asked of the engine once the file has any weak draw: the draws are matched.
    expect(withDraws.asked).toBeGreaterThan(plain.asked);
  });

  it('an exported arrow reaching a same-file helper: the helper is not exported, its draw still counts', () => {
    const { summary } = summarise(['const draw = () => Math.random();', 'export const makeId = () => String(draw());']);
    expect(summary?.exports['makeId']).toEqual({ facts: ['weak'] });
    expect(summary?.weakHelpers).toBeUndefined();
  });

  it('an exported class: draws outside the declarations its exports name are not matched', () => {
    const body = ['export class Ids {', '  next() {', '    return Math.random().toString(36);', '  }', '}'];
    const plain = summarise(body);
    const withDraws = summarise([...draws, ...body]);
    expect(plain.summary?.weakHelpers).toEqual(['Ids']);
    expect(plain.summary?.exports['Ids']).toEqual({ facts: ['weak'] });
    expect(withDraws.summary).toEqual(plain.summary);
    expect(withDraws.asked).toBe(plain.asked);
  });

  it('an exported `let`: its declaration is read for a weak draw like a `const`', () => {
    const { summary } = summarise([
      'export let pick = () => Math.random();',
      'export function roll() {',
      '  return Math.floor(Math.random() * 6);',
      '}',
    ]);
    expect(summary?.weakHelpers).toEqual(['pick', 'roll']);
    expect(summary?.exports).toEqual({ pick: { facts: ['weak'] }, roll: { facts: ['weak'] } });
  });

  it('a weak draw outside every exported declaration is not a weak export (near miss)', () => {
    const { summary, asked } = summarise([
      ...draws,
      'export class Clock {',
      '  at() {',
      "    return 'fixed';",
      '  }',
      '}',
      'export const LIMIT = 10;',
    ]);
    expect(summary?.weakHelpers).toBeUndefined();
    expect(summary?.exports).toEqual({});
    expect(asked).toBe(0);
  });

  it('a file that exports nothing asks for no callee path, however many weak draws it has (near miss)', () => {
    const { summary, asked } = summarise([
      ...draws,
      'function roll() {',
      '  return Math.random() * Date.now();',
      '}',
      'console.log(roll(), new Date().getTime());',
    ]);
    expect(summary?.weakHelpers).toBeUndefined();
    expect(summary?.exports).toEqual({});
    expect(asked).toBe(0);
  });

  it('a KMS key created in a file with a weak keyword and no exports is still recorded', () => {
    const { summary } = summarise([
      "const { KMSClient, CreateKeyCommand } = require('@aws-sdk/client-kms');",
      'const client = new KMSClient({});',
      'void client.send(new CreateKeyCommand({ Description: String(Date.now()) }));',
    ]);
    expect(summary?.createsKey).toBe(true);
    expect(summary?.weakHelpers).toBeUndefined();
  });
});
