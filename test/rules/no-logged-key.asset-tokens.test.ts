/**
 * no-logged-key: in wallet, exchange and chain code a "token" is often an asset (an ERC-20 or SPL token), not a
 * credential. A message that says "token" before an asset's symbol, contract address, decimals or amount, a name that
 * says which asset of a trade it is (`baseToken`, `rewardToken`, `tokenIn`), and a bare `token` moved together with an
 * amount (a transfer's parameters, a request body with `amount`) log no secret. Variants written anew from how swap
 * routers, token-list services and transfer endpoints describe the assets they move. Near misses stay reported: a
 * credential token or a wallet's key in the same asset code, a bare token with no asset beside it, a token sent as a
 * credential, and the GitHub `token …` / `Basic …` Authorization values.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lint = (code: string, filename: string): { line: number; column: number; messageId: string | undefined }[] =>
  lintWith(rule, code, filename).map((m) => ({
    line: m.line,
    column: m.column,
    messageId: m.fatal ? `fatal: ${m.message}` : m.messageId,
  }));

describe('no-logged-key: crypto-currency asset tokens', () => {
  it('stays silent on the symbol, address and decimals of an asset a message calls a token', () => {
    const quote = [
      "import { logger } from '../logger';",
      'export async function priceQuote(registry, sellSymbol: string, buySymbol: string) {',
      '  const sellToken = await registry.lookup(sellSymbol);',
      '  const buyToken = await registry.lookup(buySymbol);',
      '  logger.info(`Sell token: ${sellToken.symbol} at ${sellToken.address} (${sellToken.decimals} decimals)`);',
      '  logger.debug(`Buy token: ${buyToken.symbol}, address=${buyToken.address}`);',
      '  if (!sellToken || !buyToken) throw new Error(`unknown token ${sellSymbol}`);',
      '  return { sellToken, buyToken };',
      '}',
    ].join('\n');
    const route = [
      'export function describeRoute(trade, log) {',
      '  const { tokenIn, tokenOut } = trade;',
      '  log.info(`routing ${trade.amountIn} ${tokenIn.symbol} -> ${tokenOut.symbol}`);',
      '  log.debug(`input token: ${tokenIn.address}; output token: ${tokenOut.address}`);',
      '  if (!trade.path) throw new Error(`no path from token ${tokenIn.symbol} to ${tokenOut.symbol}`);',
      '}',
    ].join('\n');
    const pool = [
      'export function showPool(pool: { lpMint: string; baseTokenMint: string; quoteTokenAddress: string }) {',
      '  console.log(`  Base token: ${pool.baseTokenMint}`);',
      '  console.log(`  Quote token: ${pool.quoteTokenAddress}`);',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [quote, 'src/connectors/dex/quote.ts'],
      [route, 'src/router/describe.ts'],
      [pool, 'scripts/list-pools.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('stays silent on values whose name says which asset of a trade they are', () => {
    const pair = [
      'export function normalisePair(baseToken: string, quoteToken: string, nativeSymbol: string) {',
      '  const base = baseToken === nativeSymbol ? `W${nativeSymbol}` : baseToken;',
      '  const quote = quoteToken === nativeSymbol ? `W${nativeSymbol}` : quoteToken;',
      '  if (base !== baseToken) console.info(`wrapped native token: ${baseToken} -> ${base}`);',
      '  return [base, quote];',
      '}',
    ].join('\n');
    const farm = [
      'export async function harvest(farm) {',
      '  const rewardToken = await farm.rewardToken();',
      '  const lpToken = await farm.stakedLpToken();',
      '  console.log(`harvesting reward token ${rewardToken} for LP token ${lpToken}`);',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [pair, 'src/swap/pair.ts'],
      [farm, 'src/farm/harvest.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('stays silent on a bare token moved together with an amount', () => {
    const transfer = [
      'export async function approveSpend(spender: string, token: string, amount?: string) {',
      '  console.log(`approving ${spender}: token ${token}, amount ${amount ?? "unlimited"}`);',
      '}',
    ].join('\n');
    const body = [
      "import type { FastifyInstance } from 'fastify';",
      'export function routes(app: FastifyInstance) {',
      "  app.post('/wallet/send', async (request) => {",
      '    app.log.info(`sending ${request.body.amount} ${request.body.token} to ${request.body.recipient}`);',
      '    return { ok: true };',
      '  });',
      '}',
    ].join('\n');
    const destructured = [
      'export function withdraw(params, log) {',
      '  const { token, amount, destination } = params;',
      '  log.info(`withdraw token: ${token} x${amount} to ${destination}`);',
      '}',
    ].join('\n');
    for (const [code, file] of [
      [transfer, 'scripts/approve.ts'],
      [body, 'src/wallet/routes.ts'],
      [destructured, 'src/exchange/withdraw.ts'],
    ] as const)
      expect({ file, messages: lint(code, file) }).toEqual({ file, messages: [] });
  });

  it('stays silent on a token address in messages that start with "Token"', () => {
    const service = [
      "import axios from 'axios';",
      'export class PoolService {',
      '  private client = axios.create({ headers: { "x-api-key": process.env.POOLS_API_KEY ?? "" } });',
      '  async pools(network: string, tokenAddress: string) {',
      '    const res = await this.client.get(`/networks/${network}/tokens/${tokenAddress}/pools`);',
      '    if (!res.data) throw new Error(`Token ${tokenAddress} not found on ${network}`);',
      "    console.warn('Token ' + tokenAddress + ' has no pools');",
      '    return res.data;',
      '  }',
      '}',
    ].join('\n');
    expect(lint(service, 'src/services/pools.ts')).toEqual([]);
  });

  it('still reports credential tokens and wallet keys in asset code', () => {
    const swap = [
      "import { Wallet } from 'ethers';",
      'export async function swap(tokenIn, tokenOut, amount: string, accessToken: string, apiToken: string) {',
      '  console.log(`swap ${amount} ${tokenIn.symbol} -> ${tokenOut.symbol}`);',
      '  console.log(`access token: ${accessToken}`);', // 4
      "  console.debug('api token', apiToken);", // 5
      '  const wallet = Wallet.createRandom();',
      '  console.log(`wallet mnemonic: ${wallet.mnemonic.phrase}`);', // 7
      '  console.log(`signer key: ${wallet.privateKey}`);', // 8
      '  console.log(`token secret: ${tokenIn.secret}`);', // 9
      '}',
    ].join('\n');
    expect(lint(swap, 'src/swap/execute.ts')).toEqual([
      { line: 4, column: 32, messageId: 'loggedKey' },
      { line: 5, column: 30, messageId: 'loggedKey' },
      { line: 7, column: 35, messageId: 'loggedKey' },
      { line: 8, column: 30, messageId: 'loggedKey' },
      { line: 9, column: 32, messageId: 'loggedKey' },
    ]);
  });

  it('still reports a bare token with no asset beside it, or sent as a credential', () => {
    const login = [
      'export function onLogin(user: string, token: string) {',
      '  console.log(`logged in ${user} with token: ${token}`);', // 2
      '}',
    ].join('\n');
    const charge = [
      'export async function charge(token: string, amount: number) {',
      '  console.log(`charging ${amount} with token ${token}`);', // 2
      "  return fetch('https://pay.example.test/charge', {",
      "    method: 'POST',",
      '    headers: { Authorization: `Bearer ${token}` },',
      '    body: JSON.stringify({ amount }),',
      '  });',
      '}',
    ].join('\n');
    const body = [
      "import express from 'express';",
      'const app = express();',
      "app.post('/session', (req, res) => {",
      '  console.info(`session for ${req.body.user}: ${req.body.token}`);', // 4
      '  res.end();',
      '});',
    ].join('\n');
    expect(lint(login, 'src/auth/login.ts')).toEqual([{ line: 2, column: 48, messageId: 'loggedKey' }]);
    expect(lint(charge, 'src/pay/charge.ts')).toEqual([{ line: 2, column: 48, messageId: 'loggedKey' }]);
    expect(lint(body, 'src/server.ts')).toEqual([{ line: 4, column: 49, messageId: 'loggedKey' }]);
  });

  it('still reports a token sent as a GitHub `token …` or a `Basic …` Authorization value', () => {
    const github = [
      'export async function repos(opts: { token: string; org: string }) {',
      '  console.log(`listing repos of ${opts.org} as ${opts.token}`);', // 2
      '  return fetch(`https://api.github.com/orgs/${opts.org}/repos`, {',
      '    headers: { authorization: `token ${opts.token}` },',
      '  });',
      '}',
    ].join('\n');
    const basic = [
      'export async function call(cfg: { creds: string; url: string }) {',
      "  console.debug('calling', cfg.url, 'with', cfg.creds);", // 2
      "  return fetch(cfg.url, { headers: { Authorization: 'token ' + cfg.creds } });",
      '}',
    ].join('\n');
    expect(lint(github, 'src/github.ts')).toEqual([{ line: 2, column: 50, messageId: 'loggedKey' }]);
    expect(lint(basic, 'src/client.ts')).toEqual([{ line: 2, column: 45, messageId: 'loggedKey' }]);
  });
});
