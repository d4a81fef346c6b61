// The templates a run may use: the user's folder (--templates) first, then the built-in ones,
// with partials from both, one renderer, and each template linted once against its view.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors.ts';
import { lintTemplate } from '../template/lint.ts';
import { findTemplate, loadPartial, loadTemplate, type Template, type TemplateBody } from '../template/load.ts';
import { TemplateRenderer } from '../template/render.ts';
import { EXTERNAL_VIEWS, VIEW_SCHEMAS } from '../views/schemas.ts';
import { furnitureTemplates } from './section.ts';

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export class TemplateSet {
  readonly folders: readonly string[];
  readonly renderer: TemplateRenderer;
  private readonly partials: ReadonlyMap<string, TemplateBody>;
  private readonly checked = new Map<string, Template>();

  constructor(userFolder?: string) {
    if (userFolder !== undefined && !existsSync(userFolder)) throw new DataError(`模板文件夹不存在：${userFolder}`);
    this.folders = userFolder === undefined ? [BUILTIN_TEMPLATES] : [userFolder, BUILTIN_TEMPLATES];
    const partials = new Map<string, TemplateBody>();
    // Built-in first, so a user's partial of the same name replaces it.
    for (const folder of [...this.folders].reverse()) {
      const dir = path.join(folder, 'partials');
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((f) => /\.(md|hbs)$/i.test(f)).sort()) {
        const partial = loadPartial(path.join(dir, f));
        partials.set(partial.name, partial);
      }
    }
    this.partials = partials;
    this.renderer = new TemplateRenderer(partials);
  }

  /** Loads and lints a template by name or path; every problem of it in one error. */
  get(nameOrPath: string): Template {
    // By the name asked for first: a mailing asks for the same template for every letter.
    const named = this.checked.get(nameOrPath);
    if (named) return named;
    const file = findTemplate(nameOrPath, this.folders);
    const cached = this.checked.get(file);
    if (cached) {
      this.checked.set(nameOrPath, cached);
      return cached;
    }
    const template = loadTemplate(file);
    const { view, audience } = template.front;
    if (audience === 'external' && !EXTERNAL_VIEWS.includes(view)) {
      throw new DataError(`${file}:1:1 模板设置错误：「${view}」视图含有内部资料，不能用于 audience: external 的模板`);
    }
    const bodies = [template, ...Object.values(furnitureTemplates(template))];
    const problems = bodies.flatMap((b) => lintTemplate(b, VIEW_SCHEMAS[view], this.partials));
    if (problems.length > 0) {
      throw new DataError(problems.map((p) => `${p.file}:${p.line}:${p.column} 模板错误：${p.message}`).join('\n'));
    }
    this.checked.set(file, template).set(nameOrPath, template);
    return template;
  }
}
