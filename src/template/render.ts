// Runs a template's Handlebars body over a view. The result is markup in which every data
// value is a token (tokens.ts); problems name the template file and line.
import type Handlebars from 'handlebars';
import { DataError } from '../errors.ts';
import { createHandlebars, KNOWN_HELPERS } from './helpers.ts';
import type { TemplateBody } from './load.ts';
import { TokenTable } from './tokens.ts';

const MAX_OUTPUT_CHARS = 2_000_000;

export interface Rendered {
  readonly markup: string;
  readonly tokens: TokenTable;
}

type Compiled = (context: unknown, options: { data: { tokens: TokenTable } }) => string;

/** One Handlebars instance per template set, with its partials and compiled bodies cached. */
export class TemplateRenderer {
  private readonly hb = createHandlebars();
  private readonly compiled = new Map<string, Compiled>();

  constructor(partials: ReadonlyMap<string, TemplateBody>) {
    for (const [name, p] of partials) {
      // Wrapped so that an error inside a partial names the partial's file and line, not the caller's.
      const run = (context: unknown, options: { data: { tokens: TokenTable } }) => located(() => this.compile(p)(context, options), p);
      this.hb.registerPartial(name, run as unknown as Handlebars.TemplateDelegate);
    }
  }

  render(template: TemplateBody, view: unknown): Rendered {
    const tokens = new TokenTable();
    const markup = located(() => this.compile(template)(tokens.wrap(view), { data: { tokens } }), template);
    if (markup.length > MAX_OUTPUT_CHARS) throw new DataError(`${template.file}: 模板生成的内容过长（超过 ${MAX_OUTPUT_CHARS} 字）`);
    return { markup, tokens };
  }

  private compile(template: TemplateBody): Compiled {
    let fn = this.compiled.get(template.file);
    if (!fn) {
      // Only template strings are compiled (never ASTs); noEscape because the output is not HTML.
      // Not strict: the linter has already checked every path against the view schema, so a
      // missing value here is an optional field left empty, which prints as nothing.
      fn = this.hb.compile(template.body, {
        strict: false,
        noEscape: true,
        knownHelpersOnly: true,
        knownHelpers: KNOWN_HELPERS,
        preventIndent: true,
      }) as unknown as Compiled;
      this.compiled.set(template.file, fn);
    }
    return fn;
  }
}

/**
 * Runs `body`; any error (Handlebars' own, a helper's, or anything thrown that is not an Error)
 * becomes a DataError naming the template's file and line. One from a partial below is already one.
 */
function located(run: () => string, template: TemplateBody): string {
  try {
    return run();
  } catch (e) {
    if (e instanceof DataError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const line = (e as { lineNumber?: number } | undefined)?.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    throw new DataError(`${template.file}:${line + template.bodyLineOffset} 模板运行出错：${translate(message.split('\n')[0] ?? '')}`, { cause: e });
  }
}

/** Handlebars' run-time messages that a template can reach, in Chinese; others as they are. */
function translate(message: string): string {
  const partial = /^The partial (.+) could not be found/.exec(message);
  if (partial) return `找不到部件「${partial[1]}」`;
  if (/Maximum call stack size exceeded/.test(message)) return '部件互相调用，绕成了圈';
  return message;
}
