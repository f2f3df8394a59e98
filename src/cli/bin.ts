#!/usr/bin/env node
/**
 * The `keyhygiene` executable. Everything happens in runCli; this file only wires the process:
 * streams, environment, Ctrl-C (aborts the scan, exit 2) and the exit code. It sets
 * process.exitCode rather than calling process.exit, so large reports on a pipe are fully flushed.
 */
import { runCli } from './main.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nkeyhygiene: interrupted\n');
  controller.abort();
  // A second Ctrl-C while the scan winds down ends the process at once.
  process.once('SIGINT', () => process.exit(2));
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
