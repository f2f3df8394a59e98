/**
 * The command line: `keyhygiene audit | merge | keys`. Returns the exit code and never calls
 * process.exit, so tests run it in-process with fake streams and a fake scanner.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAudit, type CliIo } from './audit.js';
import { EXIT_CLEAN, EXIT_ERROR, formatError, usageError } from './errors.js';
import { runMerge } from './merge.js';
import { loadScanner, type ScannerApi } from './scanner.js';

export type { CliIo } from './audit.js';

const MAIN_HELP = `Usage: keyhygiene <command> [options]

Commands:
  audit [dir]     audit a repository: keys in code, config files and git history, weak randomness,
                  static IVs, weak algorithms, rotation and deletion; reports in text, json, sarif,
                  html and cbom (keyhygiene audit --help)
  merge FILE...   merge the reports of sharded audits (keyhygiene merge --help)
  keys <command>  the reference key manager: keystore, rotation, destruction (keyhygiene keys --help)

Options:
  -h, --help      this help
  -v, --version   print the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or internal error.
`;

/** The package version, read from the package.json above this file (src/cli in tests, dist/src/cli when built). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'keyhygiene' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: look one directory up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

export interface CliDeps {
  /** The scanner; defaults to the real one (src/scanner), loaded on first use. */
  readonly scanner?: () => Promise<ScannerApi>;
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  const load = deps.scanner ?? loadScanner;
  try {
    switch (command) {
      case 'audit':
        return await runAudit(rest, io, load);
      case 'merge':
        return await runMerge(rest, io, load);
      case 'keys': {
        // The key manager owns its own command line (src/cli/keys); load it only when asked for.
        const { runKeysCli } = await import('./keys/index.js');
        return await runKeysCli(rest, { stdout: io.stdout, stderr: io.stderr, env: io.env });
      }
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(MAIN_HELP);
        return EXIT_CLEAN;
      case '-v':
      case '--version':
        io.stdout.write(`${packageVersion()}\n`);
        return EXIT_CLEAN;
      case undefined:
        io.stderr.write(MAIN_HELP);
        return EXIT_ERROR;
      default:
        throw command.startsWith('-')
          ? usageError(
              `unknown option "${command}" before the command`,
              'keyhygiene audit [dir] [options]; see keyhygiene --help',
            )
          : usageError(`unknown command "${command}"`, 'commands: audit, merge, keys; see keyhygiene --help');
    }
  } catch (e) {
    for (const line of formatError(e, debug)) io.stderr.write(`${line}\n`);
    return EXIT_ERROR;
  }
}
