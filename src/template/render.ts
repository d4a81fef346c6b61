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
    for (const [name, p] of partials) this.hb.registerPartial(name, this.compile(p) as unknown as Handlebars.TemplateDelegate);
  }

  render(template: TemplateBody, view: unknown): Rendered {
    const tokens = new TokenTable();
    let markup: string;
    try {
      markup = this.compile(template)(tokens.wrap(view), { data: { tokens } });
    } catch (e) {
      throw new DataError(`${template.file}:${lineOf(e, template)} 模板运行出错：${(e as Error).message.split('\n')[0]}`, { cause: e });
    }
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

function lineOf(e: unknown, template: TemplateBody): number {
  const line = (e as { lineNumber?: number }).lineNumber ?? Number(/line (\d+)/.exec(String((e as Error).message))?.[1] ?? 0);
  return line + template.bodyLineOffset;
}
