/**
 * The audit's one error type: a known failure with a code the CLI maps to exit code 2 and one line.
 */
export type AuditErrorCode = 'E_USAGE' | 'E_CONFIG' | 'E_IO' | 'E_INTERNAL';

export class AuditError extends Error {
  // `string`, not the literal: the CLI's own errors share this class under another name.
  override readonly name: string = 'AuditError';
  readonly code: AuditErrorCode;
  /** A one-line hint shown under the message. */
  readonly hint?: string;

  constructor(code: AuditErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}
