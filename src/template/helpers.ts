// The helpers templates may call: pure formatting functions, registered once on a private
// Handlebars instance. String arguments arrive as tokens (see tokens.ts) and are resolved
// first; string results go back out as tokens, so helper output is data, not markup.
import Handlebars from 'handlebars';
import { moneyInWords, formatMoney } from '../domain/money.ts';
import { formatChineseDate } from '../domain/dates.ts';
import type { TokenTable } from './tokens.ts';

type Helper = (args: readonly unknown[]) => string | number | boolean;

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${name} 需要一个数字`);
  return v;
};

/** 12 箱 144 瓶, or 12 箱零 3 瓶（共 147 瓶） when the cases are not full. */
export function formatBottles(bottles: number, perCase: number): string {
  const cases = Math.floor(bottles / perCase);
  const rest = bottles - cases * perCase;
  if (cases === 0) return `${bottles} 瓶`;
  return rest === 0 ? `${cases} 箱 ${bottles} 瓶` : `${cases} 箱零 ${rest} 瓶（共 ${bottles} 瓶）`;
}

const HELPERS: Readonly<Record<string, Helper>> = {
  money: ([fen]) => formatMoney(num(fen, 'money')),
  daxie: ([fen]) => moneyInWords(num(fen, 'daxie')),
  date: ([iso]) => formatChineseDate(String(iso)),
  dateWeek: ([iso]) => formatChineseDate(String(iso), { weekday: true }),
  caseText: ([n, perCase]) => {
    const per = num(perCase, 'caseText');
    if (!Number.isInteger(per) || per <= 0) throw new TypeError('caseText 的每箱瓶数要是正整数');
    return formatBottles(num(n, 'caseText'), per);
  },
  // Percentages are kept as the decimal text written in the data ("14.5").
  percent: ([p]) => {
    if (typeof p !== 'number' && !(typeof p === 'string' && /^-?\d+(\.\d+)?$/.test(p))) throw new TypeError('percent 需要一个数字');
    return `${String(p)}%`;
  },
  inc: ([n]) => num(n, 'inc') + 1,
  join: ([list, sep]) => {
    if (list === undefined || list === null) return ''; // an optional list left out
    if (!Array.isArray(list)) throw new TypeError('join 需要一个列表');
    return list.map(String).join(typeof sep === 'string' ? sep : '、');
  },
  eq: ([a, b]) => a === b,
  ne: ([a, b]) => a !== b,
  gt: ([a, b]) => num(a, 'gt') > num(b, 'gt'),
  lt: ([a, b]) => num(a, 'lt') < num(b, 'lt'),
  and: (args) => args.every(Boolean),
  or: (args) => args.some(Boolean),
  not: ([a]) => !a,
};

export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS);
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;

interface HelperOptions {
  readonly data: { readonly tokens: TokenTable };
  readonly loc?: { readonly start: { readonly line: number } };
}

/** A private Handlebars with only our helpers; nothing in it reads files or the network. */
export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) {
    hb.registerHelper(name, (...all: unknown[]) => {
      const options = all.pop() as HelperOptions;
      const tokens = options.data.tokens;
      const resolve = (a: unknown): unknown =>
        typeof a === 'string' ? tokens.resolve(a) : Array.isArray(a) ? a.map(resolve) : a;
      const args = all.map(resolve);
      let out: ReturnType<Helper>;
      try {
        out = fn(args);
      } catch (e) {
        // Handlebars gives the helper call's position; the renderer reports it as the line.
        if (e instanceof Error && options.loc) Object.assign(e, { lineNumber: options.loc.start.line });
        throw e;
      }
      return typeof out === 'string' ? tokens.add(out) : out;
    });
  }
  return hb;
}

export const KNOWN_HELPERS: Readonly<Record<string, true>> = Object.fromEntries(
  [...HELPER_NAMES, ...BLOCK_HELPERS].map((n) => [n, true]),
);
