// Data never enters the markup as text. Before rendering, every string of the view is
// swapped for a token made of private-use characters; the markup parser sees only tokens,
// and the document builder swaps the original strings back in as plain text values. So a
// customer named `**A&B**|贸易` prints as written and can't open a table cell or a bold run.
// Private-use characters are refused in data by the glyph check, so tokens never collide.

const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;

export class TokenTable {
  private readonly values: string[] = [];

  /** A token standing for `value`; the empty string stays empty so `#if` still sees it as false. */
  add(value: string): string {
    if (value === '') return '';
    this.values.push(value);
    return `${OPEN}${this.values.length - 1}${CLOSE}`;
  }

  /** Replaces every token in `text` by the string it stands for. */
  resolve(text: string): string {
    return text.replace(TOKEN, (_, i: string) => this.values[Number(i)] ?? '');
  }

  /** Deep copy of a view with every string replaced by a token. */
  wrap(value: unknown): unknown {
    if (typeof value === 'string') return this.add(value);
    if (Array.isArray(value)) return value.map((v) => this.wrap(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.wrap(v)]));
    }
    return value;
  }
}
