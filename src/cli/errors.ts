/**
 * CLI errors (house practice 9): a known error prints ONE line and a hint, and exits 2; `--debug`
 * adds the stack. Anything unknown is an internal error, also exit 2, with a hint to rerun with --debug.
 */

import { AuditError, type AuditErrorCode } from '../scanner/errors.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

type CliErrorCode = AuditErrorCode;

/**
 * A known failure of the command line itself (bad flag, missing directory, unreadable file): the
 * scanner's error type under its own name. src/scanner/errors.ts has no imports, so this does not load
 * the scanner.
 */
export class CliError extends AuditError {
  override readonly name: string = 'CliError';
}

export const usageError = (message: string, hint = 'keyhygiene --help'): CliError =>
  new CliError('E_USAGE', message, { hint });

/** The scanner's AuditError, recognised by shape so this module does not load the scanner. */
interface KnownError {
  readonly name: string;
  readonly code: CliErrorCode;
  readonly message: string;
  readonly hint?: string;
  readonly stack?: string;
}

function isKnown(e: unknown): e is KnownError {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return (
    (e.name === 'CliError' || e.name === 'AuditError') &&
    typeof code === 'string' &&
    /^E_(USAGE|CONFIG|IO|INTERNAL)$/.test(code)
  );
}

const DEFAULT_HINTS: Record<CliErrorCode, string> = {
  E_USAGE: 'keyhygiene --help',
  E_CONFIG: 'check the configuration file named above',
  E_IO: 'check that the path exists and is readable',
  E_INTERNAL: 'rerun with --debug and report the stack at https://github.com/keyhygiene/keyhygiene/issues',
};

/** The first line of a message, so a multi-line error stays one line. */
const firstLine = (s: string): string => (s.split('\n')[0] ?? '').trim();

/**
 * The lines to print for an error (without trailing newlines): `keyhygiene: <message>`, `hint: …`,
 * and with `debug` the stack (and the cause's).
 */
export function formatError(e: unknown, debug: boolean, command = 'keyhygiene'): string[] {
  const lines: string[] = [];
  if (e instanceof Error && e.name === 'AbortError') {
    lines.push(`${command}: interrupted`);
    lines.push('hint: the scan was stopped before it finished, so no report was written');
  } else if (isKnown(e)) {
    lines.push(`${command}: ${firstLine(e.message)}${e.code === 'E_INTERNAL' ? ' (internal error)' : ''}`);
    lines.push(`hint: ${e.hint ?? DEFAULT_HINTS[e.code]}`);
  } else {
    const msg = e instanceof Error ? firstLine(e.message) : firstLine(String(e));
    lines.push(`${command}: internal error: ${msg || 'unknown error'}`);
    lines.push(`hint: ${DEFAULT_HINTS.E_INTERNAL}`);
  }
  if (debug && e instanceof Error) {
    if (e.stack) lines.push(e.stack);
    let cause: unknown = e.cause;
    while (cause instanceof Error) {
      lines.push(`caused by: ${cause.stack ?? cause.message}`);
      cause = cause.cause;
    }
  }
  return lines;
}
