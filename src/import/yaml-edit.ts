// Writes customers back as YAML: an existing file is edited through the yaml Document API,
// touching only the nodes whose value changed, so comments, key order and quoting of the rest
// stay as they were; a new file is built in the schema's key order. Every value that another
// YAML reader could take for a number, boolean or date (010010, 13800002222, yes, 2026-01-05)
// is double-quoted, as in the hand-written data.
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parse, parseDocument, Scalar, visit, YAMLSeq, type Node, type ToStringOptions, type YAMLMap } from 'yaml';
import type { PathSegment } from '../data/issues.ts';
import { fieldsAt } from '../data/labels.ts';
import { customerSchema } from '../data/schema.ts';
import { isRecord } from '../util/record.ts';
import type { z } from 'zod';

/** The same settings as src/data/yaml.ts, so what we edit is what `check` reads. */
export function parseEditable(text: string): Document {
  return parseDocument(text, { schema: 'failsafe', uniqueKeys: true, strict: true, merge: false, resolveKnownTags: false });
}

/** True when a YAML 1.2 core or 1.1 reader would not read `text`, written plain, as this text. */
export function needsQuotes(text: string): boolean {
  for (const version of ['1.2', '1.1'] as const) {
    try {
      if (parse(text, { version, logLevel: 'silent' }) !== text) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Text of several lines as a literal block (|-), as people write notes; digits-only text double-quoted. */
function quoteIfNeeded(s: Scalar): void {
  if (typeof s.value !== 'string' || (s.type !== undefined && s.type !== 'PLAIN')) return;
  if (s.value.includes('\n')) s.type = 'BLOCK_LITERAL';
  else if (needsQuotes(s.value)) s.type = 'QUOTE_DOUBLE';
}

/** A node for a plain value, scalars quoted where needed. */
function makeNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  visit(node, {
    Scalar(key, s) {
      if (key !== 'key') quoteIfNeeded(s);
    },
  });
  return node;
}

/** The keys of the record at `path` in schema order, for inserting a new key in its place. */
function keyOrder(path: readonly PathSegment[], schema: z.ZodType = customerSchema): string[] {
  return fieldsAt(schema, path).map((f) => f.key);
}

function insertPair(doc: Document, map: YAMLMap, key: string, value: Node, order: readonly string[]): void {
  const rank = (k: unknown) => {
    const i = order.indexOf(String(isScalar(k) ? k.value : k));
    return i < 0 ? Infinity : i;
  };
  const mine = rank(key);
  const at = map.items.findIndex((p) => rank(p.key) > mine && rank(p.key) !== Infinity);
  const pair = doc.createPair(key, value);
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

interface Edits {
  /** Scalars whose value changed in place, with their range in the original text. */
  readonly scalars: { node: Scalar; range: [number, number] }[];
  /** Items added at the end of a block list (a visit logged), written after its last item. */
  readonly appends: { seq: YAMLSeq; nodes: Node[] }[];
  /** Set when a node was added, removed or replaced: the text must be rebuilt. */
  structural: boolean;
  /** The schema of the whole file, whose key order new keys follow. */
  readonly schema?: z.ZodType;
}

/** Changes the document from `before` to `after` (plain values) with the fewest node edits. */
export function applyValue(doc: Document, path: PathSegment[], before: unknown, after: unknown, edits?: Edits): void {
  if (isDeepStrictEqual(before, after)) return;
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  const mark = () => {
    if (edits) edits.structural = true;
  };
  if (typeof after === 'string' && isScalar(node)) {
    if (edits && node.range) edits.scalars.push({ node, range: [node.range[0], node.range[1]] });
    else mark();
    node.value = after;
    quoteIfNeeded(node);
    return;
  }
  if (Array.isArray(after) && Array.isArray(before) && isSeq(node)) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) applyValue(doc, [...path, i], before[i], after[i], edits);
    const added = after.slice(common).map((v) => makeNode(doc, v));
    if (edits && added.length > 0 && !node.flow && node.items.length > 0) edits.appends.push({ seq: node, nodes: added });
    else if (after.length !== before.length) mark();
    node.items.push(...added);
    node.items.splice(after.length);
    return;
  }
  if (isRecord(after) && isRecord(before) && isMap(node)) {
    for (const key of Object.keys(before)) {
      if (!(key in after)) {
        node.delete(key);
        mark();
      }
    }
    const order = keyOrder(path, edits?.schema);
    for (const [key, value] of Object.entries(after)) {
      if (key in before) applyValue(doc, [...path, key], before[key], value, edits);
      else {
        insertPair(doc, node, key, makeNode(doc, value), order);
        mark();
      }
    }
    return;
  }
  mark();
  if (path.length === 0) doc.contents = makeNode(doc, after) as typeof doc.contents;
  else doc.setIn(path, makeNode(doc, after));
}

const OUTPUT: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

const ONE_LINE: ReadonlySet<string | undefined> = new Set(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE']);

/** A single-line scalar as it would be written in block context, in its own style. */
function scalarSource(node: Scalar): string | undefined {
  const doc = new Document(null, { schema: 'failsafe' });
  const copy = new Scalar(node.value);
  copy.type = node.type;
  doc.contents = copy;
  const text = doc.toString(OUTPUT).replace(/\n$/, '');
  return text.includes('\n') ? undefined : text;
}

/**
 * The edited text. When only single-line values changed, each is replaced in place in the
 * original text, so nothing else moves (not even the spacing before a comment); otherwise the
 * document is printed again, keeping its sequence indentation and line endings.
 */
export function editedText(original: string, before: unknown, after: unknown, schema: z.ZodType = customerSchema): string {
  const doc = parseEditable(original);
  const edits: Edits = { scalars: [], appends: [], structural: false, schema };
  applyValue(doc, [], before, after, edits);
  if (!edits.structural) {
    const spliced = splice(original, edits);
    if (spliced !== undefined) return spliced;
  }
  const flushSeq = /^[^\s#-][^\n]*:[ \t]*\r?\n- /m.test(original) && !/^[^\s#-][^\n]*:[ \t]*\r?\n {2,}- /m.test(original);
  const text = restoreCommentSpacing(original, doc.toString({ ...OUTPUT, indentSeq: !flushSeq }));
  return original.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}

/**
 * Printing the document puts one space before every end-of-line comment; a line that is the
 * same as an original line but for that spacing gets the original back (aligned comments stay
 * aligned). Only spaces before a # change, which YAML ignores; the result is verified anyway.
 */
function restoreCommentSpacing(original: string, printed: string): string {
  const key = (line: string) => line.replace(/[ \t]+#/, ' #');
  const byKey = new Map<string, string>();
  for (const line of original.split(/\r?\n/)) if (/[ \t]#/.test(line)) byKey.set(key(line), line);
  return printed
    .split('\n')
    .map((line) => (/ #/.test(line) ? (byKey.get(key(line)) ?? line) : line))
    .join('\n');
}

/** Text that replaces original[at, end) (an insertion when end is at). */
interface Replacement {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

function splice(original: string, edits: Edits): string | undefined {
  const replacements: Replacement[] = [];
  for (const { node, range } of edits.scalars) {
    if (!ONE_LINE.has(node.type) || original.slice(range[0], range[1]).includes('\n')) return undefined;
    const source = scalarSource(node);
    // Inside a flow collection ([a, b]) these would need other quoting; print the whole file instead.
    if (source === undefined || /[,[\]{}]/.test(source)) return undefined;
    replacements.push({ at: range[0], end: range[1], text: source });
  }
  for (const { seq, nodes } of edits.appends) {
    const appended = appendedItems(original, seq, nodes);
    if (appended === undefined) return undefined;
    replacements.push(appended);
  }
  let text = original;
  for (const r of replacements.sort((a, b) => b.at - a.at)) text = text.slice(0, r.at) + r.text + text.slice(r.end);
  return text;
}

/**
 * New items of a block list as text to insert after its last item's line, indented as its
 * first item is: the rest of the file, comments on the list's own key line included, stays as
 * it was (printing the whole document again would move such a comment to a line of its own).
 */
function appendedItems(original: string, seq: YAMLSeq, nodes: readonly Node[]): Replacement | undefined {
  const first = seq.items[0] as Node | undefined;
  const last = seq.items[seq.items.length - nodes.length - 1] as Node | undefined;
  if (!first?.range || !last?.range) return undefined;
  const lineStart = original.lastIndexOf('\n', first.range[0] - 1) + 1;
  const indent = /^( *)- /.exec(original.slice(lineStart, first.range[0]))?.[1];
  if (indent === undefined) return undefined;
  const lineEnd = original.indexOf('\n', Math.max(last.range[1] - 1, 0));
  const at = lineEnd < 0 ? original.length : lineEnd + 1;
  const list = new Document(null, { schema: 'failsafe' });
  list.contents = new YAMLSeq();
  list.contents.items.push(...nodes);
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = list.toString({ ...OUTPUT, indentSeq: false }).replace(/\n$/, '').split('\n');
  return { at, end: at, text: `${lineEnd < 0 ? eol : ''}${lines.map((l) => (l === '' ? l : indent + l)).join(eol)}${eol}` };
}

/** A new customer file, keys in schema order, with a comment saying where it came from. */
export function newFileText(value: Record<string, unknown>, comment: string): string {
  const doc = new Document(null, { schema: 'failsafe' });
  doc.contents = makeNode(doc, value) as typeof doc.contents;
  doc.commentBefore = ` ${comment}`;
  return doc.toString(OUTPUT);
}

/** Orders a record's keys as the schema at `path` lists them; unknown keys keep their place at the end. */
export function inSchemaOrder(value: Record<string, unknown>, path: readonly PathSegment[]): Record<string, unknown> {
  const order = keyOrder(path);
  const keys = Object.keys(value).sort((a, b) => rankOf(order, a) - rankOf(order, b));
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

function rankOf(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
