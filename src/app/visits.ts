// Recording a visit (domain.md §7.8): what was done, with whom, the outcome, the next step and
// the date of the next visit, appended to the customer's file through saveRecord — comments and
// layout kept, a backup first, the data folder locked, refused if the file changed meanwhile.
import { labelAt } from '../data/labels.ts';
import { customerSchema, VISIT_MODES } from '../data/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { visitProblems, type VisitProblem } from '../domain/visit-log.ts';
import { UsageError, type Issue } from '../errors.ts';
import { shownPath } from '../util/paths.ts';
import { customerNamed } from './documents.ts';
import { checkRecordEdit, readRecord, saveRecord } from './records.ts';
import type { Rec } from '../util/record.ts';
import type { Workspace } from './workspace.ts';

export interface VisitRequest {
  /** The customer: its id, or its exact unit name. */
  readonly customer: string;
  /** The day the visit is recorded on: a visit after it has not happened yet. */
  readonly today: IsoDate;
  readonly date: string;
  /** 登门, 电话, 邮寄 or 品鉴会 (the schema's visit modes). */
  readonly mode: string;
  readonly by: string;
  readonly met?: readonly string[] | undefined;
  readonly outcome: string;
  readonly nextStep?: string | undefined;
  readonly nextDate?: string | undefined;
  /** The time of the backup folder's name. */
  readonly now?: Date;
}

export interface LoggedVisit {
  readonly file: string;
  /** Where the file as it was before is kept. */
  readonly backupDir: string;
  /** The visit's place in the customer's visit records. */
  readonly index: number;
  /** Warnings `check` reports for the saved file. */
  readonly warnings: readonly Issue[];
}

/**
 * Appends a visit record to the customer's file. Refused with nothing written (a UsageError
 * whose issues name each field: visits[n].nextDate and its label) when a value is wrong; the
 * issues' line is 0, as the visit is not in the file yet. Errors of saveRecord pass through.
 */
export function logVisit(ws: Workspace, req: VisitRequest): LoggedVisit {
  const { customer, record, index, problems, change } = visitEdit(ws, req);
  if (problems.length > 0) throw new UsageError(`拜访记录有 ${problems.length} 处错误，没有保存：\n${problems.map((i) => `${i.field}(${i.label})：${i.message}`).join('\n')}`, { issues: problems });
  const saved = saveRecord(ws, { kind: 'customer', id: customer.id, version: record.version, change, ...(req.now && { now: req.now }) });
  return { file: saved.file, backupDir: saved.backupDir, index, warnings: saved.warnings };
}

/**
 * Every problem of a visit being typed in, with nothing written: the visit's own (a date after
 * today, someone met who is not the unit's) and those `check` would report for the customer's
 * file with the visit appended (a missing outcome), each named visits[n].<field>.
 */
export function checkVisit(ws: Workspace, req: VisitRequest): Issue[] {
  const { customer, index, problems, change } = visitEdit(ws, req);
  const own = new Set(problems.map((p) => p.field));
  const inFile = checkRecordEdit(ws, { kind: 'customer', id: customer.id, change }).filter((i) => i.field.startsWith(`visits[${index}]`) && !own.has(i.field));
  return [...problems, ...inFile];
}

/** The visit as the customer's file would hold it, its place there, and the problems of its values. */
function visitEdit(ws: Workspace, req: VisitRequest) {
  const customer = customerNamed(ws.data({ customer: req.customer }), req.customer);
  const record = readRecord(ws, { kind: 'customer', id: customer.id });
  const index = customer.visits?.length ?? 0;
  const met = req.met ?? [];
  const people = [...customer.contacts.map((c) => c.name), ...(customer.intermediary ? [customer.intermediary.name] : [])];
  const found = visitProblems({ date: req.date, mode: req.mode, met, nextDate: req.nextDate }, { today: req.today, modes: VISIT_MODES, people });
  const problems = issuesOf(found, index, shownPath(record.file));
  // As a salesperson writes one by hand: text values, the people met in one 顿号 list.
  const visit: Record<string, string> = {
    date: req.date,
    mode: req.mode,
    by: req.by,
    ...(met.length > 0 && { met: met.join('、') }),
    outcome: req.outcome,
    ...(req.nextStep !== undefined && { nextStep: req.nextStep }),
    ...(req.nextDate !== undefined && { nextDate: req.nextDate }),
  };
  const change = (value: Rec) => {
    const visits = value['visits'];
    value['visits'] = [...(Array.isArray(visits) ? visits : []), visit];
  };
  return { customer, record, index, problems, change };
}

function issuesOf(problems: readonly VisitProblem[], index: number, file: string): Issue[] {
  return problems.map((p) => {
    const path = ['visits', index, p.field];
    return { severity: 'error', file, line: 0, column: 0, field: `visits[${index}].${p.field}`, label: labelAt(customerSchema, path), message: p.message, rule: 'visit-input' };
  });
}
