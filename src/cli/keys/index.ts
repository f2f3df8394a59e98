/**
 * `keyhygiene keys ...`: the key manager's command line. Human output by default, `--json` for
 * scripts. Key material is never printed, except by `export-insecure`, which says so in its name
 * and needs `--i-understand-this-is-insecure`.
 *
 * Exit codes (house practice 9, src/cli/errors.ts): 0 success; 1 a verification found a problem
 * (verify-log, an unverified destruction); 2 usage, configuration, authentication, tampering or any
 * other error, printed by the CLI's one error formatter.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, formatError, usageError } from '../errors.js';
import { writeFileAtomic } from '../../keys/fsutil.js';
import type { BackendOptions } from '../../keys/backends.js';
import { exportKeyMaterialInsecure, INSECURE_KEY_ACCESS } from '../../keys/insecure-export.js';
import {
  destroyKeyFile,
  KeyhygieneError,
  openKeyring,
  randomToken,
  verifyAuditLog,
  type DestructionReport,
  type KeyInfo,
  type Keyring,
  type Purpose,
} from '../../keys/index.js';
import { fromText, parseHeader } from '../../keys/format.js';
import { checkName } from '../../keys/keyring.js';
import { backendFromEnv } from '../../keys/load-secret.js';

export interface KeysCliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Input and the terminal for prompts. Omitted: the process's stdin. Given as undefined: none. */
  stdin?: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

const COMMANDS: Record<string, string> = {
  init: 'create a keystore and its first key',
  generate: 'add a named key (--purpose aead|mac|sign|secret)',
  list: 'list keys and versions (no material)',
  rotate: 'add a new version and make it primary (--stage: add as pre-active only)',
  promote: 'make a version primary',
  encrypt: 'encrypt --in file|stdin to --out file|stdout (text form kh1.…)',
  decrypt: 'decrypt --in file|stdin to --out file|stdout',
  rewrap: 'move a ciphertext to the primary version',
  disable: 'suspend a version',
  enable: 'return a disabled version to decrypt-only',
  'schedule-destroy': 'schedule destruction of a version (--days, default 30)',
  'cancel-destroy': 'cancel a scheduled destruction',
  destroy: 'destroy a version whose window has ended, and verify',
  compromise: 'mark a version compromised (a compromised primary is replaced)',
  import: 'import existing material (--in file), marked compromised',
  'verify-log': 'verify the audit log (keyed chain with credentials; without, accidental damage only)',
  'destroy-file': 'overwrite, fsync, unlink and verify a stray key file',
  random: 'print a random token (base64url, --bytes 32)',
  'export-insecure': 'print raw key material (base64); needs --i-understand-this-is-insecure',
};

const OPTIONS = {
  store: { type: 'string' },
  config: { type: 'string' },
  backend: { type: 'string' },
  'passphrase-env': { type: 'string' },
  'passphrase-file': { type: 'string' },
  kdf: { type: 'string' },
  module: { type: 'string' },
  'token-label': { type: 'string' },
  'pin-file': { type: 'string' },
  'pin-env': { type: 'string' },
  wrap: { type: 'string' },
  name: { type: 'string' },
  purpose: { type: 'string' },
  bytes: { type: 'string' },
  version: { type: 'string' },
  days: { type: 'string' },
  context: { type: 'string' },
  in: { type: 'string' },
  out: { type: 'string' },
  binary: { type: 'boolean' },
  stage: { type: 'boolean' },
  'not-compromised': { type: 'boolean' },
  'insecure-allow-compromised': { type: 'boolean' },
  anchor: { type: 'string' },
  'i-understand-this-is-insecure': { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_HINT = 'keyhygiene keys --help';
const usage_ = (message: string): CliError => usageError(message, HELP_HINT);

function usage(): string {
  const lines = ['Usage: keyhygiene keys <command> [options]', '', 'Commands:'];
  for (const [c, d] of Object.entries(COMMANDS)) lines.push(`  ${c.padEnd(17)} ${d}`);
  lines.push(
    '',
    'Keystore:  --store DIR (or KEYHYGIENE_KEYSTORE)',
    'Backend:   --backend software --passphrase-env VAR | --passphrase-file FILE [--kdf scrypt|argon2id]',
    '           --backend pkcs11 --module PATH --token-label LABEL --pin-file FILE | --pin-env VAR',
    '             [--wrap aes-gcm|aes-kwp|auto] (how new token keys wrap; default aes-gcm)',
    '           or --config FILE / KEYHYGIENE_KEYSTORE_CONFIG (JSON {"backend": {...}}), or KEYHYGIENE_PASSPHRASE.',
    '           With a terminal, a missing passphrase or PIN is prompted for.',
    'Common:    --name KEY (default "default")  --version ID  --json  --debug',
    '           --anchor FILE (software: rollback anchor outside the store; or KEYHYGIENE_KEYSTORE_ANCHOR)',
    'decrypt:   --insecure-allow-compromised decrypts under a compromised version (forgeries pass)',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `keyhygiene keys <argv...>` and returns the exit code. Never calls process.exit.
 */
export async function runKeysCli(argv: string[], ioIn: KeysCliIo): Promise<number> {
  // The real binary passes no stdin: then it is the process's own (pipes, and the terminal to prompt on).
  const io: KeysCliIo = 'stdin' in ioIn ? ioIn : { ...ioIn, stdin: process.stdin };
  const out = (s: string): void => void io.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  const err = (s: string): void => void io.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
  let debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      out(usage());
      return command ? EXIT_CLEAN : EXIT_ERROR;
    }
    if (!(command in COMMANDS)) throw usage_(`unknown command "${command}"`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw usage_((e as Error).message.split('\n')[0] ?? 'invalid arguments');
    }
    const o = parsed.values;
    debug = o.debug === true;
    if (o.help) {
      out(usage());
      return EXIT_CLEAN;
    }
    return await dispatch(command, o, parsed.positionals, io, out, err);
  } catch (e) {
    for (const line of formatError(asCliError(e), debug, 'keyhygiene keys')) err(line);
    return EXIT_ERROR;
  }
}

/** Which CLI error class a key manager error belongs to (the formatter's code; the E_ code stays in the message). */
const CLI_CODE: Partial<Record<string, 'E_CONFIG' | 'E_IO' | 'E_USAGE'>> = {
  E_CONFIG: 'E_CONFIG',
  E_AUTH: 'E_CONFIG',
  E_PKCS11: 'E_CONFIG',
  E_BAD_NAME: 'E_USAGE',
  E_NOT_FOUND: 'E_IO',
  E_EXISTS: 'E_IO',
  E_PERMISSIONS: 'E_IO',
  E_LOCKED: 'E_IO',
  E_CORRUPT: 'E_IO',
  E_TAMPERED: 'E_IO',
  E_VERSION: 'E_IO',
};

/** Known failures become CliErrors (one line and a hint); anything else stays an internal error. */
function asCliError(e: unknown): unknown {
  if (e instanceof KeyhygieneError) {
    return new CliError(CLI_CODE[e.code] ?? 'E_USAGE', `${e.message} [${e.code}]`, {
      hint: HINTS[e.code] ?? HELP_HINT,
      cause: e,
    });
  }
  if (e instanceof TypeError || e instanceof RangeError)
    return new CliError('E_USAGE', e.message, { hint: HELP_HINT, cause: e });
  return e;
}

const HINTS: Partial<Record<string, string>> = {
  E_AUTH: 'check the passphrase or PIN source (--passphrase-env, --pin-file, ...)',
  E_TAMPERED: 'the data failed authentication; restore the file from a trusted backup',
  E_CORRUPT: 'the file is truncated or malformed; restore it from a trusted backup',
  E_NOT_FOUND: 'check --store and --name; create with "keyhygiene keys init"',
  E_PKCS11: 'check --module and --token-label (pkcs11-tool --module <path> -L lists tokens)',
  E_LOCKED: 'another process holds the keystore lock; retry',
  E_PERMISSIONS: 'chmod 700 the keystore directory and 600 its files',
  E_CONFIG: 'name the backend explicitly: --backend software|pkcs11, or KEYHYGIENE_KEYSTORE_CONFIG',
  E_BAD_NAME: 'key names use letters, digits, ".", "_" and "-" only',
  E_DISABLED: 'the version may not be used now: see "keyhygiene keys list"',
  E_DESTROYED: 'the version is destroyed or scheduled for destruction: see "keyhygiene keys list"',
  E_STATE: 'see "keyhygiene keys list" for the states of the versions',
};

type Opts = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

async function dispatch(
  command: string,
  o: Opts,
  positionals: string[],
  io: KeysCliIo,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const json = o.json === true;
  const emit = (human: string, data: unknown): void => out(json ? JSON.stringify(data, null, 2) : human);

  // Commands that need no keystore.
  if (command === 'random') {
    const bytes = o.bytes === undefined ? 32 : intArg(o.bytes, '--bytes');
    const t = randomToken(bytes);
    emit(t, { token: t });
    return EXIT_CLEAN;
  }
  if (command === 'destroy-file') {
    const path = positionals[0] ?? o.in;
    if (!path) throw usage_('destroy-file needs a PATH');
    const rep = await destroyKeyFile(path);
    emit(reportText(rep), rep);
    return rep.verified ? EXIT_CLEAN : EXIT_FINDINGS;
  }
  if (
    command === 'verify-log' &&
    o.backend === undefined &&
    o.config === undefined &&
    !io.env.KEYHYGIENE_KEYSTORE_CONFIG &&
    !io.env.KEYHYGIENE_PASSPHRASE
  ) {
    // Without credentials, verify the chain alone (a cut-off tail needs the keystore key to detect).
    const res = await verifyAuditLog(storePath(o, io));
    emit(
      res.ok
        ? `audit log OK: ${res.records} records, public chain intact (no credentials given: this catches ` +
            'accidental damage only, not records dropped and re-chained; name the backend for the keyed check)'
        : `audit log BROKEN at line ${res.error?.line}: ${res.error?.reason}`,
      res,
    );
    return res.ok ? EXIT_CLEAN : EXIT_FINDINGS;
  }
  if (positionals.length > 0) throw usage_(`unexpected argument "${positionals[0]}"`);

  if (command === 'export-insecure' && o['i-understand-this-is-insecure'] !== true) {
    throw usage_('export-insecure prints raw key material; add --i-understand-this-is-insecure');
  }
  const path = storePath(o, io);
  // Reject malformed ciphertext before deriving the KEK or logging in to a token.
  let input: Buffer | undefined;
  if (command === 'encrypt' || command === 'decrypt' || command === 'rewrap') {
    input = await readInput(o.in, io);
    if (command !== 'encrypt') parseHeader(parseCiphertext(input), 'ciphertext');
  }
  const backend = await backendArg(o, io, command === 'init');
  const anchorPath = o.anchor ?? io.env.KEYHYGIENE_KEYSTORE_ANCHOR ?? undefined;
  const name = o.name ?? 'default';
  const purpose = o.purpose as Purpose | undefined;
  if (purpose !== undefined && !['aead', 'mac', 'sign', 'secret'].includes(purpose))
    throw usage_('--purpose must be aead, mac, sign or secret');

  if (command === 'init') {
    checkName(name);
    const k = await openKeyring({
      path,
      backend,
      name,
      purpose: purpose ?? 'aead',
      create: true,
      env: io.env,
      anchorPath,
      bytes: o.bytes ? intArg(o.bytes, '--bytes') : undefined,
    });
    try {
      const info = k.info();
      emit(`keystore ready at ${path} (${k.backend.description})\n${keyText(info)}`, {
        path,
        backend: k.backend,
        key: info,
      });
    } finally {
      await k.close();
    }
    return EXIT_CLEAN;
  }

  // list, generate and verify-log work on the keystore; the named key need not exist.
  if (o.name !== undefined) checkName(o.name);
  const requireKey = !(
    command === 'generate' ||
    command === 'list' ||
    command === 'verify-log' ||
    command === 'import'
  );
  const k = await openKeyring({ path, backend, name, env: io.env, requireKey, anchorPath });
  try {
    return await withKeyring(command, k, o, io, emit, err, name, purpose, input);
  } finally {
    await k.close();
  }
}

async function withKeyring(
  command: string,
  k: Keyring,
  o: Opts,
  io: KeysCliIo,
  emit: (human: string, data: unknown) => void,
  err: (s: string) => void,
  name: string,
  purpose: Purpose | undefined,
  preread?: Buffer,
): Promise<number> {
  const version = (): string => {
    if (!o.version) throw usage_(`${command} needs --version ID`);
    return o.version;
  };
  switch (command) {
    case 'generate': {
      if (!purpose) throw usage_('generate needs --purpose aead|mac|sign|secret');
      const info = await k.generate(name, { purpose, bytes: o.bytes ? intArg(o.bytes, '--bytes') : undefined });
      emit(`created key "${name}"\n${keyText(info)}`, info);
      return EXIT_CLEAN;
    }
    case 'list': {
      const keys = await k.list();
      emit(keys.map(keyText).join('\n'), { path: k.path, backend: k.backend, keys });
      return EXIT_CLEAN;
    }
    case 'rotate': {
      const v = await k.rotate({ promote: o.stage !== true });
      emit(
        `key "${name}": new version ${v.id} (#${v.number}) is ${v.state}` +
          (v.hardware ? '' : ' [software, not hardware-backed]'),
        v,
      );
      return EXIT_CLEAN;
    }
    case 'promote': {
      const v = await k.promote(version());
      emit(`key "${name}": version ${v.id} is now primary`, v);
      return EXIT_CLEAN;
    }
    case 'disable':
    case 'enable':
    case 'cancel-destroy':
    case 'compromise': {
      const v =
        command === 'disable'
          ? await k.disable(version())
          : command === 'enable'
            ? await k.enable(version())
            : command === 'compromise'
              ? await k.markCompromised(version())
              : await k.cancelDestroy(version());
      emit(`key "${name}": version ${v.id} is ${v.state}${v.compromised ? ' (compromised)' : ''}`, v);
      return EXIT_CLEAN;
    }
    case 'schedule-destroy': {
      const days = o.days === undefined ? 30 : Number(o.days);
      if (!Number.isFinite(days)) throw usage_('--days must be a number');
      const v = await k.scheduleDestroy(version(), days);
      emit(
        `key "${name}": version ${v.id} unusable now, destroyed on or after ${v.destroyAt} (cancel-destroy to undo)`,
        v,
      );
      return EXIT_CLEAN;
    }
    case 'destroy': {
      const reps = o.version ? [await k.destroy(o.version)] : await k.destroyDue();
      emit(
        reps.length === 0 ? 'nothing is due for destruction' : reps.map(reportText).join('\n\n'),
        reps.length === 1 ? reps[0] : reps,
      );
      return reps.every((r) => r.verified) ? EXIT_CLEAN : EXIT_FINDINGS;
    }
    case 'encrypt':
    case 'decrypt':
    case 'rewrap': {
      const input = preread ?? (await readInput(o.in, io));
      let output: Buffer | string;
      if (command === 'encrypt') {
        const ct = await k.encrypt(input, o.context);
        output = o.binary ? ct : `${textOf(ct)}\n`;
      } else {
        const ct = parseCiphertext(input);
        if (command === 'decrypt')
          output = await k.decrypt(ct, o.context, {
            insecureAllowCompromised: o['insecure-allow-compromised'] === true,
          });
        else {
          const ct2 = await k.rewrap(ct, o.context);
          output = o.binary ? ct2 : `${textOf(ct2)}\n`;
        }
      }
      // A new file (0600) renamed over the target: an existing file's mode (say 0644) is never kept.
      if (o.out) await writeFileAtomic(o.out, output);
      else io.stdout.write(output);
      return EXIT_CLEAN;
    }
    case 'import': {
      if (!o.in) throw usage_('import needs --in FILE with the raw key bytes');
      const material = await readFile(o.in);
      try {
        if (!(await k.list()).some((x) => x.name === name)) {
          // A key found hardcoded usually has no keystore entry yet: create it (with a fresh primary).
          if (!purpose) throw usage_(`key "${name}" does not exist; add --purpose aead|mac|secret to create it`);
          await k.generate(name, { purpose });
        }
        const v = await k.import(material, { compromised: o['not-compromised'] !== true });
        const info = k.info();
        emit(
          `key "${name}": imported version ${v.id} ` +
            `(${v.compromised ? 'compromised, decrypt-only' : 'pre-active'}); primary is ${info.primary}\n` +
            `consider: keyhygiene keys destroy-file ${o.in}`,
          { imported: v, key: info },
        );
      } finally {
        material.fill(0);
      }
      return EXIT_CLEAN;
    }
    case 'verify-log': {
      const res = await k.verifyAuditLog();
      emit(
        res.ok
          ? `audit log OK: ${res.records} records, public and keyed chains intact, ends at the keystore's last record`
          : `audit log BROKEN at line ${res.error?.line}: ${res.error?.reason}`,
        res,
      );
      return res.ok ? EXIT_CLEAN : EXIT_FINDINGS;
    }
    case 'export-insecure': {
      if (o['i-understand-this-is-insecure'] !== true)
        throw usage_('export-insecure prints raw key material; add --i-understand-this-is-insecure');
      const { material, version: v } = await exportKeyMaterialInsecure(k, version(), INSECURE_KEY_ACCESS);
      try {
        err(
          `WARNING: printing raw key material of "${name}" version ${v.id}; this export is recorded in the audit log`,
        );
        io.stdout.write(`${material.expose().toString('base64')}\n`);
      } finally {
        material.wipe();
      }
      return EXIT_CLEAN;
    }
    default:
      throw usage_(`unknown command "${command}"`);
  }
}

function storePath(o: Opts, io: KeysCliIo): string {
  const p = o.store ?? io.env.KEYHYGIENE_KEYSTORE;
  if (!p) throw usage_('no keystore: pass --store DIR or set KEYHYGIENE_KEYSTORE');
  return p;
}

async function backendArg(o: Opts, io: KeysCliIo, creating: boolean): Promise<BackendOptions> {
  const b = o.backend;
  if (b === 'software') {
    const n = [o['passphrase-env'], o['passphrase-file']].filter((x) => x !== undefined).length;
    if (n > 1) throw usage_('give one of --passphrase-env, --passphrase-file');
    const kdf = o.kdf as 'scrypt' | 'argon2id' | undefined;
    if (kdf !== undefined && kdf !== 'scrypt' && kdf !== 'argon2id') throw usage_('--kdf must be scrypt or argon2id');
    if (o['passphrase-env']) return { type: 'software', passphraseEnv: o['passphrase-env'], kdf };
    if (o['passphrase-file']) return { type: 'software', passphraseFile: o['passphrase-file'], kdf };
    if (io.env.KEYHYGIENE_PASSPHRASE) return { type: 'software', passphraseEnv: 'KEYHYGIENE_PASSPHRASE', kdf };
    const pw = await prompt(io, creating ? 'New keystore passphrase: ' : 'Keystore passphrase: ');
    return { type: 'software', passphrase: pw, kdf };
  }
  if (b === 'pkcs11') {
    if (!o.module || !o['token-label']) throw usage_('--backend pkcs11 needs --module PATH and --token-label LABEL');
    const wrap = o.wrap as 'aes-gcm' | 'aes-kwp' | 'auto' | undefined;
    if (wrap !== undefined && wrap !== 'aes-gcm' && wrap !== 'aes-kwp' && wrap !== 'auto')
      throw usage_('--wrap must be aes-gcm, aes-kwp or auto');
    const base = {
      type: 'pkcs11' as const,
      module: o.module,
      tokenLabel: o['token-label'],
      ...(wrap ? { wrapMechanism: wrap } : {}),
    };
    if (o['pin-file'] && o['pin-env']) throw usage_('give one of --pin-file, --pin-env');
    if (o['pin-file']) return { ...base, pinFile: o['pin-file'] };
    if (o['pin-env']) return { ...base, pinEnv: o['pin-env'] };
    if (!isTty(io)) throw usage_('--backend pkcs11 needs --pin-file or --pin-env (no terminal to prompt on)');
    return { ...base, pinPrompt: () => prompt(io, `PIN for token "${base.tokenLabel}": `) };
  }
  if (b !== undefined) throw usage_('--backend must be software or pkcs11');
  if (o.config) return backendFromEnv({ ...io.env, KEYHYGIENE_KEYSTORE_CONFIG: o.config });
  if (io.env.KEYHYGIENE_KEYSTORE_CONFIG || io.env.KEYHYGIENE_PASSPHRASE) return backendFromEnv(io.env);
  throw usage_(
    'name the backend: --backend software|pkcs11, --config FILE, ' +
      'or set KEYHYGIENE_KEYSTORE_CONFIG / KEYHYGIENE_PASSPHRASE',
  );
}

function isTty(io: KeysCliIo): boolean {
  return (io.stdin as { isTTY?: boolean } | undefined)?.isTTY === true;
}

/** Reads a line from the terminal without echo. */
async function prompt(io: KeysCliIo, question: string): Promise<string> {
  const stdin = io.stdin as (NodeJS.ReadStream & { setRawMode?: (b: boolean) => void }) | undefined;
  if (!stdin || !isTty(io) || typeof stdin.setRawMode !== 'function') {
    throw usage_('no passphrase/PIN source given and no terminal to prompt on');
  }
  // Echo off before the question shows: what is typed right after the prompt must not be echoed.
  stdin.setRawMode(true);
  io.stderr.write(question);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let acc = '';
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(acc);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(usage_('cancelled'));
          return;
        }
        if (ch === '\u007f') acc = acc.slice(0, -1);
        else acc += ch;
      }
    };
    const done = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readInput(path: string | undefined, io: KeysCliIo): Promise<Buffer> {
  if (path && path !== '-') return readFile(path);
  if (!io.stdin) throw usage_('no input: pass --in FILE or pipe data on stdin');
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

function parseCiphertext(input: Buffer): Buffer {
  if (input.subarray(0, 4).toString('latin1') === 'kh1.') return fromText(input.toString('utf8').trim(), 'ciphertext');
  return input;
}

function textOf(ct: Buffer): string {
  return `kh1.${ct.toString('base64url')}`;
}

function intArg(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw usage_(`${flag} must be an integer`);
  return n;
}

function keyText(k: KeyInfo): string {
  const hw = k.hardware ? 'hardware (PKCS#11 token)' : 'SOFTWARE, not hardware-backed';
  const rot =
    k.rotation === false
      ? 'rotation off'
      : `rotate every ${k.rotation.maxAgeDays} d or ${k.rotation.maxEncryptions} encryptions` +
        (k.rotation.auto ? ' (auto)' : '');
  const lines = [
    `${k.name}  purpose=${k.purpose}  backend=${k.backend} [${hw}]  ${rot}${k.rotationDue ? '  ROTATION DUE' : ''}`,
  ];
  for (const v of k.versions) {
    const flags = [
      v.primary ? 'primary' : '',
      v.compromised ? 'COMPROMISED' : '',
      v.origin === 'imported' ? 'imported' : '',
      v.local ? 'generated-in-token' : '',
      v.hardware ? '' : 'software',
    ]
      .filter(Boolean)
      .join(',');
    const extra = v.destroyAt && v.state === 'destroy-scheduled' ? ` destroy-at=${v.destroyAt}` : '';
    lines.push(`  ${v.id}  #${v.number}  ${v.state.padEnd(17)} ${v.algorithm}  ${flags}${extra}`);
  }
  return lines.join('\n');
}

function reportText(r: DestructionReport): string {
  const lines = [
    `${r.subject}: ${r.method} ${r.verified ? 'VERIFIED' : 'NOT VERIFIED'}` +
      (r.hardware ? ' (token)' : ' (software/file)'),
  ];
  for (const s of r.steps) lines.push(`  [${s.ok ? 'ok' : 'FAIL'}] ${s.step}: ${s.detail}`);
  lines.push(`  limits: ${r.limits}`);
  return lines.join('\n');
}
