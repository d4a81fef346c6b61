// The library every front end calls — the CLI, the studio, a scheduled job, another system.
// Nothing here prints, exits or reads argv; errors are AppErrors with a stable `code`.
export { openWorkspace, Workspace, type CheckReport, type WorkspaceOptions } from './workspace.ts';
export {
  buildDocument,
  customerNamed,
  DOCUMENT_KINDS,
  type BuiltDocument,
  type DocumentKind,
  type DocumentRequest,
  type KindRequest,
  type Notice,
  type TemplateRequest,
  type WeeklyReportDocumentRequest,
} from './documents.ts';
export { weeklyReportWorkbook } from './report-workbook.ts';
export {
  customerReport,
  weeklyReport,
  type CustomerFigures,
  type CustomerReportRequest,
  type ManagerFigures,
  type WeeklyReport,
  type WeeklyReportRequest,
} from './reports.ts';
export { formatsFor, renderDocument, renderDocuments, writeDocument } from './render.ts';
export { mailingCustomers, mailingYear, runFestivalMailing, type BatchOptions, type Mailing, type MailingOptions } from './mailing.ts';
export { checkRecordEdit, readRecord, saveRecord, type DataRecord, type EditRequest, type RecordKind, type RecordRef, type SaveResult } from './records.ts';
export { checkVisit, logVisit, type LoggedVisit, type VisitRequest } from './visits.ts';
export {
  agenda,
  AGENDA_FORMATS,
  AGENDA_KIND_NAMES,
  AGENDA_KINDS,
  writeAgenda,
  type Agenda,
  type AgendaFiles,
  type AgendaFormat,
  type AgendaItem,
  type AgendaKind,
  type AgendaRequest,
} from './agenda.ts';
export { runGreetings, type Greetings, type GreetingsOptions } from './greetings.ts';
export { EVENT_KINDS, GREETING_KINDS, type EventKind, type GreetingKind } from '../domain/greetings.ts';
export { applySpreadsheetImport, exportCustomers, importTemplate, planSpreadsheetImport, type Applied, type Exported, type ImportPlan, type SpreadsheetInput } from './spreadsheets.ts';
export { AppError, DataError, ERROR_CODES, UsageError, type ErrorCode, type Issue } from '../errors.ts';
export { formatIssue } from '../data/issues.ts';
export type { Doc } from '../document/model.ts';
export type { Format } from '../template/frontmatter.ts';
export type { IsoDate } from '../domain/dates.ts';
