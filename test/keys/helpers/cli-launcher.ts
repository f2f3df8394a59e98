/** Test-only launcher: runs runKeysCli in a real process so tests see real exit codes. */
import { runKeysCli } from '../../../src/cli/keys/index.js';

runKeysCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`launcher: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
