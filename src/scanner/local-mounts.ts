/**
 * Configuration files of a local set-up (docs/audit.md, "Local and CI credentials"): a file that a development or
 * test compose file mounts into its containers (a bind-mounted volume, a `configs:`/`secrets:` file, an
 * `env_file`) configures those throwaway containers, as the compose file's own `environment:` does. Its
 * credentials are withheld like the compose file's, with the reason. A file that a compose file not set up for
 * development also mounts, and a file beside a development compose file that it does not mount, stay reported.
 * A compose file that only its package's test scripts start (`"test": "./test/test.sh"`, which runs `docker compose
 * up -d`) is a test stack in the same sense (`testStartedComposeFiles`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isComposeFile, isLocalCompose } from './detect/local-context.js';

/** What a compose file mounts or loads from the repository, as POSIX paths relative to the root. */
function mountedFiles(root: string, rel: string, doc: Record<string, unknown>): string[] {
  const dir = path.posix.dirname(rel);
  const out: string[] = [];
  // A volume's source is a path only with `./` or `../` (a bare name is a named volume); an `env_file` or a
  // `configs:`/`secrets:` `file:` is always a path, relative to the compose file (`env_file: .github/ci.env`).
  const add = (source: unknown, pathOnly = false): void => {
    if (typeof source !== 'string' || /^[/~$]|^[A-Za-z]:[\\/]/.test(source)) return;
    if (!pathOnly && !/^\.{1,2}\//.test(source)) return;
    const abs = path.resolve(root, dir, source);
    const r = path.relative(root, abs).split(path.sep).join('/');
    if (!r.startsWith('..')) out.push(r);
  };
  const services = doc.services && typeof doc.services === 'object' ? Object.values(doc.services) : [];
  for (const svc of services as unknown[]) {
    if (!svc || typeof svc !== 'object') continue;
    const { volumes, env_file: envFile } = svc as { volumes?: unknown; env_file?: unknown };
    for (const v of Array.isArray(volumes) ? (volumes as unknown[]) : []) {
      // Short syntax `./vault.toml:/etc/vault.toml:ro`; long syntax `{ type: bind, source: ./vault.toml }`.
      if (typeof v === 'string') add(v.split(':')[0]);
      else if (v && typeof v === 'object') add((v as { source?: unknown }).source);
    }
    for (const e of Array.isArray(envFile) ? (envFile as unknown[]) : [envFile])
      add(e && typeof e === 'object' ? (e as { path?: unknown }).path : e, true);
  }
  for (const top of ['configs', 'secrets']) {
    const block = doc[top];
    if (!block || typeof block !== 'object') continue;
    for (const entry of Object.values(block) as unknown[])
      if (entry && typeof entry === 'object') add((entry as { file?: unknown }).file, true);
  }
  return out;
}

/** A command that starts a stack: `docker compose up`, `docker-compose up -d`, `docker compose -f c.yml up`. */
const COMPOSE_UP = /\bdocker(?:-compose|[ \t]+compose)\b[^\n;&|]*?[ \t]up\b/;
/** The compose file a command names with `-f`/`--file`, if any. */
const COMPOSE_FILE_FLAG = /\bdocker(?:-compose|[ \t]+compose)\b[^\n;&|]*?(?:-f|--file)[ \t=]+["']?([^\s"']+)/;
/** npm script names that run tests: `test`, `pretest`, `test:integration`, `e2e`, `integration-test`. */
const TEST_SCRIPT = /^(?:pre|post)?(?:test|tests|e2e|integration)(?:[:_-]|$)|[:_-](?:test|tests|e2e)$/i;
/** A script file a command runs (`./test/test.sh`, `bash scripts/test-db.sh`). */
const SCRIPT_FILE = /(?:^|[\s;&|])(?:(?:ba|z)?sh[ \t]+)?(\.{0,2}\/?[\w./-]+\.sh)\b/g;

/**
 * Whether `command`, run from `dir`, starts the default compose file of `dir` or `composeName` there: directly, or
 * through a shell script it runs that does (one level; the script runs from `dir`, as npm runs it, and a `cd`
 * in it moves elsewhere, so such a script is not followed).
 */
function startsCompose(root: string, dir: string, command: string, composeName: string): boolean {
  const names = (cmd: string): boolean => {
    if (!COMPOSE_UP.test(cmd)) return false;
    const named = COMPOSE_FILE_FLAG.exec(cmd)?.[1];
    return named === undefined
      ? /^(?:docker-)?compose\.ya?ml$/i.test(composeName)
      : path.posix.normalize(named) === composeName; // run from `dir`: `-f ../infra/compose.yml` is another file
  };
  if (names(command)) return true;
  for (const m of command.matchAll(SCRIPT_FILE)) {
    let text: string;
    try {
      text = readFileSync(path.join(root, dir, m[1]!), 'utf8');
    } catch {
      continue;
    }
    if (!/^[^\S\n]*cd\b/m.test(text) && text.split('\n').some(names)) return true;
  }
  return false;
}

/**
 * The compose files among `files` that a test run starts (docs/audit.md, "Local and CI credentials"): the
 * `package.json` beside the compose file has a test script (`test`, `test:integration`, `e2e`) that brings the
 * stack up, directly (`docker compose up -d && vitest`) or through a shell script it runs (`./test/test.sh`), and
 * no other script of that package starts it (a `start` or `deploy` that runs it makes it a deployment's too).
 */
export function testStartedComposeFiles(root: string, files: Iterable<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const rel of new Set(files)) {
    if (!isComposeFile(rel)) continue;
    const dir = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
    let scripts: Record<string, unknown>;
    try {
      const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { scripts?: unknown };
      scripts = pkg.scripts && typeof pkg.scripts === 'object' ? (pkg.scripts as Record<string, unknown>) : {};
    } catch {
      continue;
    }
    const name = path.posix.basename(rel);
    const starters = Object.entries(scripts).filter(
      ([, cmd]) => typeof cmd === 'string' && startsCompose(root, dir, cmd, name),
    );
    if (starters.length > 0 && starters.every(([k]) => TEST_SCRIPT.test(k))) out.add(rel);
  }
  return out;
}

/**
 * The files among `files` (POSIX paths relative to `root`) that only development or test compose files mount: each
 * compose file in a file's directory or above it is read, and a file that any other compose file mounts is left
 * out.
 */
export function localMountedFiles(root: string, files: Iterable<string>): ReadonlySet<string> {
  const composeIn = new Map<string, Array<{ local: boolean; mounts: ReadonlySet<string> }>>();
  const composesOf = (dir: string): Array<{ local: boolean; mounts: ReadonlySet<string> }> => {
    let list = composeIn.get(dir);
    if (list) return list;
    list = [];
    let names: string[] = [];
    try {
      names = readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name);
    } catch {
      names = [];
    }
    for (const name of names) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (!isComposeFile(rel)) continue;
      let text: string;
      let doc: unknown;
      try {
        text = readFileSync(path.join(root, rel), 'utf8');
        doc = parse(text);
      } catch {
        continue;
      }
      if (!doc || typeof doc !== 'object') continue;
      const record = doc as Record<string, unknown>;
      const named = typeof record.name === 'string' ? [{ path: ['name'], value: record.name }] : [];
      list.push({ local: isLocalCompose(rel, text, named), mounts: new Set(mountedFiles(root, rel, record)) });
    }
    composeIn.set(dir, list);
    return list;
  };
  const out = new Set<string>();
  for (const rel of new Set(files)) {
    if (isComposeFile(rel)) continue;
    const composes: Array<{ local: boolean; mounts: ReadonlySet<string> }> = [];
    for (let d = path.posix.dirname(rel); ; d = path.posix.dirname(d)) {
      composes.push(...composesOf(d === '.' ? '' : d));
      if (d === '.' || d === '') break;
    }
    const mounting = composes.filter((c) => c.mounts.has(rel));
    if (mounting.length > 0 && mounting.every((c) => c.local)) out.add(rel);
  }
  return out;
}
