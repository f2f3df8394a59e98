/**
 * no-weak-randomness: a rate or a quota named with a plural purpose word before `per` (`keysPerWorkspace`,
 * `tokensPerRefill`, `secretsPerVault`) is a number of things, not a secret, so a Math.random count there is
 * fine. Variants written from how token buckets are configured, plan limits are seeded and load tests size their
 * data. The near misses name one secret per something (`saltPerUser`, `perUserToken`, `keyPerTenant`) and stay
 * reported.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

/** Line and message id of each report; a parse failure shows as a message of its own. */
const lint = (code: string, filename: string): { line: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-weak-randomness: rates and quotas named `<things> per <unit>`', () => {
  it('stays silent on random counts of keys, tokens and secrets per unit', () => {
    const limiter = [
      '// a token bucket whose refill is jittered so that clients do not all refill at once',
      'exports.bucket = (capacity) => {',
      '  const tokensPerRefill = 1 + Math.floor(Math.random() * 10);',
      '  return { capacity, tokensPerRefill, refillMs: 1000 };',
      '};',
    ].join('\n');
    const plans = [
      'exports.randomPlan = (name) => ({',
      '  name,',
      '  limits: {',
      '    apiKeysPerProject: 1 + Math.floor(Math.random() * 20),',
      '    webhooksPerProject: Math.floor(Math.random() * 5),',
      '  },',
      '});',
    ].join('\n');
    const load = [
      'exports.vaultLoad = (vaults) => {',
      '  const secretsPerVault = Math.ceil(Math.random() * 100);',
      '  return vaults.map((v) => ({ vault: v, count: secretsPerVault }));',
      '};',
    ].join('\n');
    for (const [code, file] of [
      [limiter, 'src/limits/limiter.ts'],
      [plans, 'src/billing/plans.ts'],
      [load, 'src/load/vaults.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('still reports one secret per user, session or tenant drawn from Math.random', () => {
    const code = [
      'exports.enrol = (user) => {',
      '  const saltPerUser = Math.random().toString(36).slice(2);',
      '  return { user: user.id, saltPerUser };',
      '};',
      'exports.session = () => ({ perUserToken: Math.random().toString(36).slice(2) });',
      'exports.tenant = (t) => {',
      '  const keyPerTenant = Math.random().toString(16).slice(2);',
      '  return { tenant: t, keyPerTenant };',
      '};',
    ].join('\n');
    expect(lint(code, 'src/auth/per-user.ts')).toEqual([
      { line: 2, messageId: 'weakRandom' },
      { line: 5, messageId: 'weakRandom' },
      { line: 7, messageId: 'weakRandom' },
    ]);
  });
});
