// Safe YAML reading for Chinese business data (see shared/hardening.md §YAML):
// every scalar stays a string (postcode 010010 stays 010010, +86 phones and long ids stay
// intact) and zod types each field later; YAML 1.1 directives, unknown tags, duplicate keys
// and merge keys are refused; an alias bomb fails fast. Every node keeps its source position.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Issue, PathSegment } from './issues.ts';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlSource {
  readonly file: string;
  /** Plain data: objects, arrays and strings only (a new copy when another file was read since). */
  readonly value: unknown;
  /** Where the value at `path` starts; `key` points at the key instead of the value. */
  locate(path: readonly PathSegment[], key?: string): Position;
}

/** A record read from a data file, with the file it came from. */
export interface Loaded<T> {
  readonly value: T;
  readonly source: YamlSource;
}

const MAX_ALIASES = 100;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; issue?: Issue } {
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM is false).
    return { text: utf8.decode(bytes) };
  } catch {
    return { issue: fileIssue(file, { line: 1, column: 1 }, 'yaml-encoding', '文件不是 UTF-8 编码：请用 UTF-8 另存（GBK 编码的表格请用导入功能导入）') };
  }
}

interface Parsed {
  readonly doc: Document;
  readonly at: (offset: number) => Position;
}

function parse(text: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'failsafe',
    uniqueKeys: true,
    strict: true,
    merge: false,
    resolveKnownTags: false,
    lineCounter,
  });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return { doc, at };
}

// Messages about one file come together: the last tree parsed, and its data, are kept for them.
let recent: { readonly text: string; readonly parsed: Parsed; value?: unknown } | undefined;
function treeOf(text: string): Parsed {
  if (recent?.text !== text) recent = { text, parsed: parse(text) };
  return recent.parsed;
}
function valueOf(text: string): unknown {
  const parsed = treeOf(text);
  if (recent!.value === undefined) recent!.value = parsed.doc.toJS({ maxAliasCount: MAX_ALIASES });
  return recent!.value;
}

export function parseYaml(text: string, file: string): { source?: YamlSource; issues: Issue[] } {
  const { doc, at } = treeOf(text);
  const issues: Issue[] = [];
  if (doc.directives?.yaml.explicit) {
    const line = text.slice(0, Math.max(0, text.search(/^%YAML/m))).split('\n').length;
    issues.push(fileIssue(file, { line, column: 1 }, 'yaml-directive', '不接受 %YAML 指令：请删除这一行（本工具按 YAML 1.2 读取，所有值都当作文本）'));
  }
  // A Tab indent throws every line after it out of place too: only the Tabs are worth reporting.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const e of tabs.length > 0 ? tabs : [...doc.errors, ...doc.warnings]) {
    issues.push(fileIssue(file, at(e.pos[0]), 'yaml-syntax', yamlMessage(e.code, e.message)));
  }
  if (issues.length > 0) return { issues };

  try {
    valueOf(text);
  } catch {
    return { issues: [fileIssue(file, { line: 1, column: 1 }, 'yaml-alias', `别名（*引用）展开过多（超过 ${MAX_ALIASES} 次），拒绝读取`)] };
  }
  // The syntax tree is ten times the size of the data: held for 10,000 customers it alone would
  // pass a gigabyte. Positions and the raw text values are wanted for messages and exports,
  // after the typed record is made, so only the latest file's are kept; another is parsed again.
  // The positions asked for are kept, though: the rules across files ask for the same few on
  // every reading of the folder, and parsing a file again for each cost a studio save ~100 ms.
  const located = new Map<string, Position>();
  const locate = (path: readonly PathSegment[], key?: string): Position => {
    const id = JSON.stringify([path, key]);
    let position = located.get(id);
    if (position === undefined) {
      const p = treeOf(text);
      position = locateIn(p.doc, path, key, p.at);
      located.set(id, position);
    }
    return position;
  };
  return {
    source: {
      file,
      get value() {
        return valueOf(text);
      },
      locate,
    },
    issues,
  };
}

function locateIn(
  doc: Document,
  path: readonly PathSegment[],
  key: string | undefined,
  at: (offset: number) => Position,
): Position {
  // Walk down as far as the path exists, so a missing field points at its parent.
  let node: unknown = doc.contents;
  let found: Node | null = doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = pairFor(node.items, seg)?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else break;
    if (!isNode(node)) break;
    found = node;
  }
  if (key !== undefined && isMap(found)) {
    const k = pairFor(found.items, key)?.key;
    if (isNode(k)) return rangeStart(k, at);
  }
  return found ? rangeStart(found, at) : { line: 1, column: 1 };
}

function pairFor(items: readonly unknown[], seg: PathSegment): { key: unknown; value: unknown } | undefined {
  return items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg)) as
    | { key: unknown; value: unknown }
    | undefined;
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

function rangeStart(node: Node, at: (offset: number) => Position): Position {
  return node.range ? at(node.range[0]) : { line: 1, column: 1 };
}

function yamlMessage(code: string, original: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一层级里有重复的字段名',
    TAG_RESOLVE_FAILED: '不接受 !! 类型标记：所有值都当作文本读取，请删除标记',
    BAD_INDENT: '缩进不对',
    MISSING_CHAR: '缺少符号或缩进不对：检查冒号、引号、括号和列表的「-」是否齐全、对齐',
    MULTIPLE_DOCS: '一个文件里只能有一份数据（不要用 ---  分隔多份）',
    BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不对',
    TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
    MULTILINE_IMPLICIT_KEY: '字段名和它的冒号要写在同一行：检查这一行的缩进和冒号',
    UNEXPECTED_TOKEN: '这里有多余的符号：检查引号、括号和冒号',
    BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 写法不对：改用单引号，或去掉反斜杠',
    BAD_SCALAR_START: '值不能以这个符号开头：把整个值用引号括起来',
    BLOCK_IN_FLOW: '方括号或花括号里不能换行写列表：改成每项一行、以「- 」开头',
  };
  return `YAML 格式错误：${known[code] ?? original.split('\n')[0]}`;
}

function fileIssue(file: string, pos: Position, rule: string, message: string): Issue {
  return { severity: 'error', file, line: pos.line, column: pos.column, field: '', label: '', message, rule };
}
