// Static check of a template against the zod schema of the view it receives: every path,
// including those in untaken branches and in #if arguments, must exist. Handlebars' own
// strict mode only sees the branch that runs, so a misspelt field in an #else would
// otherwise surface in front of a customer months later.
import Handlebars from 'handlebars';
import type { z } from 'zod';
import { elementOf, fieldsAt, kindOf, schemaAt } from '../data/labels.ts';
import { closest } from '../util/suggest.ts';
import { HELPER_NAMES } from './helpers.ts';
import type { TemplateBody } from './load.ts';

type AST = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

export interface LintProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface Scope {
  readonly schema: z.ZodType;
  readonly inEach: boolean;
  readonly blockParams: ReadonlyMap<string, z.ZodType>;
}

const EACH_VARIABLES = new Set(['index', 'key', 'first', 'last']);
const MAX_PARTIAL_DEPTH = 5;

/**
 * Handlebars' parse error in Chinese: what is wrong and the text it stopped at. Its own message
 * is English and counts lines from the end of the front matter.
 */
function syntaxProblem(e: Error): { line: number; message: string } {
  const [first = '', near, , expecting = ''] = e.message.split('\n');
  const line = (e as { lineNumber?: number }).lineNumber ?? Number(/line (\d+)/.exec(first)?.[1] ?? 1);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(first);
  if (mismatch) return { line, message: `模板语法错误：{{#${mismatch[1]}}} 要用 {{/${mismatch[1]}}} 结束，这里写的是 {{/${mismatch[2]}}}` };
  const what = expecting.endsWith("got 'EOF'") ? '模板到结尾还有块没有用 {{/…}} 结束' : '{{ }} 写得不完整或不成对';
  const at = near?.replace(/^\.\.\./, '').trim();
  return { line, message: `模板语法错误：${what}${at ? `，停在「${at}」` : ''}` };
}

export function lintTemplate(
  template: TemplateBody,
  viewSchema: z.ZodType,
  partials: ReadonlyMap<string, TemplateBody>,
): LintProblem[] {
  const problems: LintProblem[] = [];
  lintBody(template, [{ schema: viewSchema, inEach: false, blockParams: new Map() }], partials, problems, 0);
  return problems;
}

function lintBody(
  template: TemplateBody,
  initial: Scope[],
  partials: ReadonlyMap<string, TemplateBody>,
  problems: LintProblem[],
  depth: number,
): void {
  const report = (node: AST, message: string) =>
    problems.push({
      file: template.file,
      line: node.loc.start.line + template.bodyLineOffset,
      column: node.loc.start.column + 1,
      message,
    });

  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(template.body);
  } catch (e) {
    const { line, message } = syntaxProblem(e as Error);
    problems.push({ file: template.file, line: line + template.bodyLineOffset, column: 1, message });
    return;
  }

  /** The schema a path points at, or undefined after reporting why it doesn't exist. */
  const resolve = (path: Path, scopes: Scope[]): z.ZodType | undefined | 'free' => {
    const parts = path.parts;
    const here = scopes[scopes.length - 1 - path.depth];
    if (!here) return void report(path, `「${path.original}」退出了太多层（../）`);
    if (path.data) {
      const [head, ...rest] = parts;
      if (head === 'root') return walk(path, scopes[0]!.schema, rest, '@root');
      if (head !== undefined && EACH_VARIABLES.has(head) && scopes.some((s) => s.inEach)) return 'free';
      return void report(path, `「@${head}」只能在 {{#each}} 里面用`);
    }
    const [head, ...rest] = parts;
    if (head !== undefined && !path.original.startsWith('this')) {
      for (let i = scopes.length - 1 - path.depth; i >= 0; i--) {
        const bound = scopes[i]!.blockParams.get(head);
        if (bound) return walk(path, bound, rest, head);
      }
    }
    return walk(path, here.schema, parts, '');
  };

  const walk = (path: Path, from: z.ZodType, parts: readonly string[], prefix: string): z.ZodType | undefined => {
    for (let i = 0; i < parts.length; i++) {
      const found = schemaAt(from, parts.slice(0, i + 1));
      if (!found) {
        const options = fieldsAt(from, parts.slice(0, i)).map((f) => f.key);
        const guess = closest(parts[i]!, options);
        const shown = [prefix, ...parts.slice(0, i + 1)].filter(Boolean).join('.');
        const hint = guess ? `，是否想写「${[prefix, ...parts.slice(0, i), guess].filter(Boolean).join('.')}」？` : options.length ? `；这里可用的字段：${options.join(', ')}` : '';
        report(path, `找不到字段「${shown}」${hint}`);
        return undefined;
      }
    }
    return schemaAt(from, parts);
  };

  const visitParams = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, scopes: Scope[]) => {
    for (const p of node.params) visitExpr(p, scopes);
    for (const pair of node.hash?.pairs ?? []) visitExpr(pair.value, scopes);
  };

  const visitExpr = (e: hbs.AST.Expression, scopes: Scope[]) => {
    if (e.type === 'PathExpression') resolve(e as Path, scopes);
    else if (e.type === 'SubExpression') {
      const sub = e as hbs.AST.SubExpression;
      checkHelper(sub.path as Path);
      visitParams(sub, scopes);
    }
  };

  const checkHelper = (path: Path) => {
    const name = path.original;
    if (HELPER_NAMES.includes(name)) return true;
    const guess = closest(name, HELPER_NAMES);
    report(path, `没有名为「${name}」的帮助函数${guess ? `，是否想写「${guess}」？` : `；可用：${HELPER_NAMES.join(', ')}`}`);
    return false;
  };

  const visit = (node: AST, scopes: Scope[]): void => {
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s, scopes);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const path = m.path as Path;
        if (m.params.length === 0 && HELPER_NAMES.includes(path.original)) {
          // Handlebars calls a helper before it looks up a field of the same name, so a bare
          // {{date}} inside {{#each plan}} would run the helper with no arguments.
          report(path, `「${path.original}」是帮助函数的名字，不带参数时不会取字段：要输出字段请写 {{this.${path.original}}}，要调用帮助函数请给出参数`);
          return;
        }
        if (m.params.length > 0) {
          checkHelper(path);
          visitParams(m, scopes);
          return;
        }
        const target = resolve(path, scopes);
        if (target && target !== 'free' && kindOf(target) !== 'scalar') {
          report(path, `「${path.original}」是一组数据，不能直接输出：列表请用 {{#each}}，对象请写到具体字段`);
        }
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as Path).original;
        if (name === 'if' || name === 'unless') {
          if (b.params.length !== 1) report(b, `{{#${name}}} 需要且只需要一个条件`);
          visitParams(b, scopes);
          visit(b.program, scopes);
          if (b.inverse) visit(b.inverse, scopes);
          return;
        }
        if (name === 'each' || name === 'with') {
          const arg = b.params[0];
          let inner: z.ZodType | undefined;
          if (arg?.type === 'PathExpression') {
            const target = resolve(arg as Path, scopes);
            if (target && target !== 'free') {
              if (name === 'each' && kindOf(target) !== 'array') report(arg, `{{#each}} 需要一个列表，「${(arg as Path).original}」不是列表`);
              inner = name === 'each' ? elementOf(target) : target;
            }
          } else report(b, `{{#${name}}} 需要一个字段作参数`);
          const params = new Map<string, z.ZodType>();
          if (inner && b.program.blockParams?.[0]) params.set(b.program.blockParams[0], inner);
          const child: Scope = { schema: inner ?? scopes[scopes.length - 1]!.schema, inEach: name === 'each', blockParams: params };
          if (inner || !arg) visit(b.program, [...scopes, child]);
          if (b.inverse) visit(b.inverse, scopes);
          return;
        }
        report(b, `不认识的块「{{#${name}}}」：可用 #if、#unless、#each、#with`);
        return;
      }
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        if (p.name.type !== 'PathExpression') {
          // {{> (lookup . 'x')}}: which partial runs is known only at run time, so it cannot be checked.
          report(p, '部件名要直接写出，如 {{> 名称}}；不能用 (lookup …) 等表达式算出');
          return;
        }
        const name = (p.name as Path).original;
        const partial = partials.get(name);
        if (!partial) {
          const guess = closest(name, partials.keys());
          report(p, `找不到部件「${name}」${guess ? `，是否想写「${guess}」？` : ''}（部件放在 templates/partials/ 里）`);
        } else if (depth >= MAX_PARTIAL_DEPTH) report(p, `部件嵌套超过 ${MAX_PARTIAL_DEPTH} 层`);
        else lintBody(partial, scopes, partials, problems, depth + 1);
        return;
      }
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        report(node, '模板里不支持部件块和装饰器');
        return;
      default:
        return; // content and comments
    }
  };
  visit(ast, initial);
}
