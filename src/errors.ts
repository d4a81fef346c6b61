// One error type for the whole tool: a code, the exit code the CLI should use, and where the
// problem is. Stages wrap what they catch with `cause`; only the CLI prints or exits.

export type ExitCode = 0 | 1 | 2 | 3;

export interface ErrorOptions {
  readonly exitCode?: ExitCode;
  readonly hint?: string;
  readonly cause?: unknown;
}

export class AppError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
  }
}

/** Wrong command line: exit 2. */
export class UsageError extends AppError {
  constructor(message: string, options: Omit<ErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

/** Bad data or template: exit 1. */
export class DataError extends AppError {}
