// Parses the markup a template renders to (Markdown with a few ::: blocks, documented in
// templates/README.md) into document blocks. Data arrives as tokens and is swapped back in
// here as plain text values, never as markup.
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { DataError } from '../errors.ts';
import type { Align, Block, Heading, Inline, Paragraph, TableColumn } from './model.ts';

const CONTAINERS = ['signature', 'kv', 'qr', 'notes', 'center', 'right', 'small', 'postcode', 'labels', 'space', 'fit'] as const;
type ContainerName = (typeof CONTAINERS)[number];

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// CommonMark will not close ** between a full-width colon and a digit (**日期：**2026); this will.
md.use(cjkFriendly);
// Image sources are asset names (or data tokens), never URLs: keep them as written.
md.normalizeLink = (url: string) => url;
md.validateLink = () => true;
type Token = ReturnType<typeof md.parse>[number];
for (const name of CONTAINERS) md.use(container, name, { validate: (p: string) => p.trim().split(/\s+/)[0] === name });

/** Digit runs such as phone numbers, account and id numbers stay on one line. */
const KEEP_TOGETHER = /(\+?\d[\d-]{5,}\d)/;
const INDENT = '　　';

interface Style {
  readonly align?: Align;
  readonly small?: boolean;
  /** Inside ::: center / right, each source line is a line of its own. */
  readonly lines?: boolean;
}

/**
 * Swaps the data tokens in rendered markup back for the strings they stand for. The template
 * engine's TokenTable (src/template/tokens.ts) is one; the model needs nothing else of it.
 */
export interface TokenResolver {
  resolve(text: string): string;
}

export function parseMarkup(markup: string, tokens: TokenResolver, where: string): Block[] {
  const fail = (t: Token | undefined, message: string): never => {
    const line = t?.map ? ` 第 ${t.map[0] + 1} 行附近` : '';
    throw new DataError(`${where}：生成的内容${line}${message}`);
  };
  const runs = (t: Token | undefined, lines = false): Inline[] => inlineRuns(t?.children ?? [], tokens, lines);

  /** Parses one token list (the document, or the inside of a ::: block) into blocks. */
  const parseBlocks = (all: readonly Token[], style: Style): Block[] => {
    const out: Block[] = [];
    let i = 0;
    /** The tokens up to the matching close, leaving `i` after it. */
    const until = (closeType: string): Token[] => {
      const start = i;
      const openType = closeType.replace(/_close$/, '_open');
      for (let depth = 0; i < all.length; i++) {
        const t = all[i]!;
        if (t.type === openType) depth++;
        else if (t.type === closeType && depth-- === 0) return all.slice(start, i++);
      }
      return fail(all[start], `缺少结束标记（${closeType}）`);
    };

    while (i < all.length) {
      const t = all[i++]!;
      switch (t.type) {
        case 'heading_open': {
          const level = Number(t.tag.slice(1));
          out.push({ type: 'heading', level: level <= 1 ? 1 : level === 2 ? 2 : 3, content: runs(all[i]) });
          i += 2;
          break;
        }
        case 'paragraph_open':
          out.push(paragraph(all[i], style));
          i += 2;
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const inner = until(t.type.replace('_open', '_close'));
          const items = listItems(inner, tokens);
          // Decided on the template's text before data is put back: data starting with [ ] stays data.
          const firsts = inner.filter((x, k) => x.type === 'inline' && inner[k - 2]?.type === 'list_item_open');
          const checkbox = firsts.length === items.length && items.length > 0 && firsts.every((x) => /^\[[ xX]\]\s/.test(x.content));
          out.push({
            type: 'list',
            style: checkbox ? 'checkbox' : t.type === 'ordered_list_open' ? 'ordered' : 'bullet',
            items: checkbox ? items.map(stripCheckbox) : items,
          });
          break;
        }
        case 'table_open':
          out.push(table(until('table_close'), t, markup, tokens));
          break;
        case 'hr':
          out.push({ type: 'pageBreak' });
          break;
        case 'fence':
        case 'code_block':
          for (const line of tokens.resolve(t.content).replace(/\n$/, '').split('\n')) {
            out.push({ type: 'paragraph', content: [{ type: 'text', text: line }] });
          }
          break;
        default: {
          // Quote markers are ignored (quoted paragraphs print as ordinary ones); ::: blocks:
          const name = /^container_(\w+)_open$/.exec(t.type)?.[1] as ContainerName | undefined;
          if (name) out.push(...containerBlock(name, t, until(`container_${name}_close`), style));
        }
      }
    }
    return out;
  };

  const paragraph = (inline: Token | undefined, style: Style): Block => {
    const only = inline?.children?.length === 1 ? inline.children[0] : undefined;
    if (only?.type === 'image') {
      const width = Number(only.attrGet('title') ?? 40) || 40;
      return { type: 'image', asset: tokens.resolve(String(only.attrGet('src') ?? '')), width, ...alignOf(style.align) };
    }
    const content = runs(inline, style.lines);
    const first = content[0];
    // The template asks for the indent; data that happens to start with 　　 does not.
    const indent = first?.type === 'text' && (inline?.content ?? '').startsWith(INDENT) && first.text.startsWith(INDENT);
    if (indent) content[0] = { ...first, text: first.text.slice(INDENT.length) };
    return {
      type: 'paragraph',
      content,
      ...(indent ? { indent: true } : {}),
      ...(style.align ? { align: style.align } : {}),
      ...(style.small ? { small: true } : {}),
    };
  };

  const containerBlock = (name: ContainerName, open: Token, inner: Token[], style: Style): Block[] => {
    const args = tokens.resolve(open.info).trim().split(/\s+/).slice(1);
    const lines = inner.filter((x) => x.type === 'inline').flatMap((x) => splitLines(runs(x, true)));
    const plain = (line: readonly Inline[]) => line.map((r) => (r.type === 'text' ? r.text : '')).join('');
    switch (name) {
      case 'signature':
        return [{ type: 'signature', lines: lines.map(plain), ...(args[0] ? { seal: args[0] } : {}) }];
      case 'kv': {
        const columns = Number(args[0] ?? 2);
        if (columns !== 1 && columns !== 2 && columns !== 3) return fail(open, '::: kv 后面的列数只能是 1、2 或 3');
        // Split on the template's own text, where data is still tokens: a colon inside data
        // never moves the label boundary.
        const rawLines = inner.filter((x) => x.type === 'inline').flatMap((x) => x.content.split('\n')).filter((l) => l.trim() !== '');
        const inlineOf = (raw: string) => inlineRuns(md.parseInline(raw, {})[0]?.children ?? [], tokens);
        const items = rawLines.map((raw) => {
          const at = raw.search(/[：:]/);
          if (at < 0) fail(open, `::: kv 里的每一行都要写成「标签：内容」，这一行不是：${tokens.resolve(raw)}`);
          return { label: plain(inlineOf(raw.slice(0, at))).trim(), value: trimRuns(inlineOf(raw.slice(at + 1))) };
        });
        return [{ type: 'keyValue', columns, items }];
      }
      case 'qr': {
        const caption = args.slice(1).join(' ');
        const size = Number(args[0] ?? 25) || 25;
        return [{ type: 'qr', text: lines.map(plain).join('\n'), size, ...(caption ? { caption } : {}), ...alignOf(style.align) }];
      }
      case 'notes':
        return [{ type: 'noteLines', count: Math.min(Math.max(Number(args[0] ?? 5) || 5, 1), 40) }];
      case 'space':
        return [{ type: 'space', height: Math.min(Math.max(Number(args[0] ?? 10) || 10, 1), 200) }];
      case 'postcode': {
        const muted = args.includes('grey');
        const sides = args.filter((a) => a !== 'grey');
        const side = sides[0] ?? (style.align === 'right' ? 'right' : 'left');
        if ((side !== 'left' && side !== 'right') || sides.length > 1) {
          return fail(open, `::: postcode 后面只能写 left（靠左，默认）或 right（靠右），和 grey（灰色方格），不能写「${sides.join(' ')}」`);
        }
        const digits = lines.map(plain).join('').trim();
        // Empty leaves the boxes blank for writing by hand; anything else must be a whole postcode.
        if (digits !== '' && !/^[0-9]{6}$/.test(digits)) {
          return fail(open, `::: postcode 里的邮编应为 6 位数字（可以 0 开头，如 010010），这里是「${digits}」`);
        }
        return [{ type: 'postcodeBoxes', digits, ...(side === 'right' ? { align: side } : {}), ...(muted && { muted }) }];
      }
      case 'labels': {
        const columns = Number(args[0] ?? 3);
        if (!Number.isInteger(columns) || columns < 1 || columns > 4) return fail(open, '::: labels 后面的列数只能是 1、2、3 或 4');
        const height = Number(args[1] ?? 37);
        if (!(height >= 15 && height <= 150)) return fail(open, '::: labels 的标签高度（毫米）要在 15 到 150 之间');
        // Each paragraph (blank-line separated) is one label, each of its lines a line.
        const labels = inner.filter((x) => x.type === 'inline').map((x) => splitLines(runs(x, true))).filter((l) => l.length > 0);
        return labels.length === 0 ? [] : [{ type: 'labels', columns, height, labels }];
      }
      case 'fit': {
        const height = Number(args[0]);
        if (!(height >= 5 && height <= 200)) return fail(open, '::: fit 后面要写框的高度（5 到 200 毫米），如 ::: fit 60');
        const blocks = parseBlocks(inner, style);
        const text = blocks.filter((b): b is Heading | Paragraph => b.type === 'heading' || b.type === 'paragraph');
        if (text.length < blocks.length) return fail(open, '::: fit 里只能写标题和段落（可以放在 ::: right、::: center、::: small 里）');
        // Kept when empty: the box holds its height, so what follows stays where it was.
        return [{ type: 'fit', height, blocks: text }];
      }
      case 'small':
        return parseBlocks(inner, { ...style, small: true });
      case 'center':
      case 'right':
        return parseBlocks(inner, { ...style, align: name, lines: true });
    }
  };

  return parseBlocks(md.parse(markup, {}), {});
}

function alignOf(a: Align | undefined): { align?: Exclude<Align, 'justify'> } {
  return a === undefined || a === 'justify' ? {} : { align: a };
}

/** Turns markdown-it inline tokens into text runs, resolving data tokens. */
function inlineRuns(children: readonly Token[], tokens: TokenResolver, softBreaks = false): Inline[] {
  const out: Inline[] = [];
  let bold = false;
  let italic = false;
  /** Inside [text](#part-N): the link stands for a page number, its text is not printed. */
  let pageLink = false;
  const push = (raw: string, keep: boolean) => {
    if (pageLink) return;
    const text = tokens.resolve(raw);
    text.split('\n').forEach((line, n) => {
      if (n > 0) out.push({ type: 'break' });
      for (const [k, part] of line.split(KEEP_TOGETHER).entries()) {
        if (part === '') continue;
        const noWrap = keep || k % 2 === 1;
        out.push({ type: 'text', text: part, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(noWrap ? { noWrap } : {}) });
      }
    });
  };
  for (const c of children) {
    switch (c.type) {
      case 'text':
        push(c.content, false);
        break;
      case 'code_inline':
        push(c.content, true);
        break;
      case 'strong_open':
      case 'strong_close':
        bold = c.type === 'strong_open';
        break;
      case 'em_open':
      case 'em_close':
        italic = c.type === 'em_open';
        break;
      case 'hardbreak':
        out.push({ type: 'break' });
        break;
      case 'softbreak':
        // Chinese lines join without a space; in line-by-line blocks a new line is a new line.
        if (softBreaks) out.push({ type: 'break' });
        break;
      case 'image':
        push(c.content, false);
        break;
      case 'link_open': {
        const part = /^#part-(\d+)$/.exec(tokens.resolve(String(c.attrGet('href') ?? '')));
        if (part) {
          out.push({ type: 'pageRef', section: Number(part[1]) });
          pageLink = true;
        }
        break;
      }
      case 'link_close':
        pageLink = false;
        break;
      default:
        break; // link markers: the link text itself arrives as text tokens
    }
  }
  return out;
}

function listItems(list: Token[], tokens: TokenResolver): Inline[][] {
  const items: Inline[][] = [];
  for (const t of list) {
    if (t.type === 'list_item_open') items.push([]);
    else if (t.type === 'inline') {
      const current = items[items.length - 1];
      if (current) {
        if (current.length > 0) current.push({ type: 'break' });
        current.push(...inlineRuns(t.children ?? [], tokens));
      }
    }
  }
  return items;
}

function stripCheckbox(runs: Inline[]): Inline[] {
  const [first, ...rest] = runs;
  if (first?.type !== 'text') return runs;
  const text = first.text.replace(/^\[[ xX]\]\s+/, '');
  return text === '' ? rest : [{ ...first, text }, ...rest];
}

function table(list: Token[], open: Token, markup: string, tokens: TokenResolver): Block {
  const rows: Inline[][][] = [];
  const aligns: (Exclude<Align, 'justify'> | undefined)[] = [];
  let headerRows = 0;
  let inHead = false;
  for (let k = 0; k < list.length; k++) {
    const t = list[k]!;
    if (t.type === 'thead_open') inHead = true;
    if (t.type === 'thead_close') inHead = false;
    if (t.type === 'tr_open') {
      rows.push([]);
      if (inHead) headerRows++;
    }
    if (t.type === 'th_open' || t.type === 'td_open') {
      const style = String(t.attrGet('style') ?? '');
      const col = rows[rows.length - 1]!.length;
      if (rows.length === 1) aligns[col] = /right/.test(style) ? 'right' : /center/.test(style) ? 'center' : undefined;
      rows[rows.length - 1]!.push(trimRuns(inlineRuns(list[k + 1]?.children ?? [], tokens)));
    }
  }
  // Column widths come from the dashes of the delimiter row: |----|--------| is 1 : 2.
  const delimiter = open.map ? markup.split('\n')[open.map[0] + 1] ?? '' : '';
  const dashes = delimiter.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => Math.max(1, (c.match(/-/g) ?? []).length));
  const columns: TableColumn[] = (rows[0] ?? []).map((_, c) => ({ width: dashes[c] ?? 1, ...(aligns[c] ? { align: aligns[c] } : {}) }));
  return { type: 'table', columns, headerRows, rows };
}

function splitLines(runs: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const r of runs) {
    if (r.type === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(r);
  }
  return lines.filter((l) => l.length > 0);
}

function trimRuns(runs: Inline[]): Inline[] {
  const out = runs.filter((r) => r.type !== 'text' || r.text !== '');
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return out.filter((r) => r.type !== 'text' || r.text !== '');
}
