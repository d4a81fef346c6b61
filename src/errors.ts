// One error family for the whole tool: a stable machine-readable code, the exit code a command
// line would use, the structured issues behind it and where the problem is. Stages wrap what
// they catch with `cause`. Messages say what is wrong in the data's own terms; how to act on it
// in a given front end (a command-line option, a page of the studio) is that front end's to add,
// keyed by `code`. Only the CLI prints or exits.

export type ExitCode = 0 | 1 | 2 | 3;

export type Severity = 'error' | 'warning';

/** A problem found in the data, with the place it was found (see data/issues.ts). */
export interface Issue {
  readonly severity: Severity;
  /** Path as the user wrote it on the command line or relative to the data folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted field path, e.g. contacts[0].mobile; empty for the whole file. */
  readonly field: string;
  /** The field's Chinese label, e.g. 手机. */
  readonly label: string;
  readonly message: string;
  /** A stable rule name, used by tests and --json consumers. */
  readonly rule: string;
}

/**
 * Stable codes a front end may branch on. `usage` and `data` are the general ones; the others
 * name situations a front end answers in its own way (a hint, a link, a reload button).
 */
export const ERROR_CODES = [
  /** The request itself is wrong: an unknown kind, a date out of range, a bad option. */
  'usage',
  /** Something in the data or a template is wrong; `issues` says where when it can. */
  'data',
  'no-data-dir',
  /** company.yaml is missing or has errors: no letterhead, signature or sender. */
  'company-unusable',
  'policies-unusable',
  'customer-not-found',
  /** The customer's file has errors; `issues` lists them. */
  'customer-invalid',
  'contact-not-found',
  'deal-not-found',
  /** The deal has errors, or is another customer's. */
  'deal-invalid',
  /** The customer has no open deal for a document that needs one. */
  'no-deal',
  /** The deal breaks a compliance rule (domain.md §9): no external paper of it; `issues` lists the rules. */
  'compliance',
  /** Letters, envelopes and labels are made by a mailing, not one at a time. */
  'mailing-only',
  'template',
  /** A character the fonts lack or no file may hold; `issues` names its field. */
  'glyph',
  /** A logo or seal is missing or damaged. */
  'asset',
  /** A file could not be written (disk full, no permission, a planted link). */
  'write',
  /** The file changed on disk since it was read: someone else's edit would be lost. */
  'conflict',
  /** Another writer holds the data folder. */
  'locked',
  /** The spreadsheet cannot be read, or its rows have errors. */
  'spreadsheet',
  'aborted',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorOptions {
  readonly code?: ErrorCode;
  readonly exitCode?: ExitCode;
  readonly hint?: string;
  readonly issues?: readonly Issue[];
  readonly cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  /** What to do about it, in terms every front end shares (never a command-line option). */
  readonly hint: string | undefined;
  readonly issues: readonly Issue[];

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'data';
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
    this.issues = options.issues ?? [];
  }
}

/** A wrong request (on the command line: exit 2). */
export class UsageError extends AppError {
  constructor(message: string, options: Omit<ErrorOptions, 'exitCode'> = {}) {
    super(message, { code: 'usage', ...options, exitCode: 2 });
  }
}

/** Bad data or template: exit 1. */
export class DataError extends AppError {}
