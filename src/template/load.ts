// Reads a template: gray-matter front matter (parsed with the data's own safe YAML
// settings; JavaScript and every other engine refused) and a Handlebars body.
import { existsSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { DataError } from '../errors.ts';
import { formatIssue, type Issue } from '../data/issues.ts';
import { checkRecord } from '../data/validate.ts';
import { decodeUtf8, parseYaml } from '../data/yaml.ts';
import { frontMatterSchema, type FrontMatter } from './frontmatter.ts';
import { readRegularFile } from '../util/fs.ts';

/** Templates and partials alike. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A Handlebars body and where it came from: a partial, a furniture string, or a template's body. */
export interface TemplateBody {
  readonly file: string;
  readonly name: string;
  readonly body: string;
  /** Lines before the body, added to Handlebars line numbers so errors point into the file. */
  readonly bodyLineOffset: number;
}

export interface Template extends TemplateBody {
  readonly front: FrontMatter;
}

/** A partial: a plain Handlebars file in templates/partials/, no front matter. */
export function loadPartial(file: string): TemplateBody {
  const decoded = decodeUtf8(readRegularFile(file, MAX_TEMPLATE_BYTES), file);
  if (decoded.issue) throw new DataError(formatIssue(decoded.issue));
  return { file, name: path.basename(file).replace(/\.(md|hbs)$/i, ''), body: decoded.text ?? '', bodyLineOffset: 0 };
}

const refuse = (language: string) => () => {
  throw new DataError(`模板的头部设置只能用 YAML 写，不接受 ${language}`);
};

export function loadTemplate(file: string): Template {
  const decoded = decodeUtf8(readRegularFile(file, MAX_TEMPLATE_BYTES), file);
  if (decoded.issue) throw new DataError(formatIssue(decoded.issue));
  const source = decoded.text ?? '';

  let parsedFront: unknown;
  const issues: Issue[] = [];
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
    language: 'yaml',
    engines: {
      yaml: (s: string) => {
        const r = parseYaml(s, file);
        // gray-matter's text starts with the newline that ends the opening ---, so YAML
        // line numbers are already file line numbers.
        issues.push(...r.issues);
        if (r.source) {
          const checked = checkRecord(r.source, frontMatterSchema);
          issues.push(...checked.issues);
          parsedFront = checked.value;
        }
        return {};
      },
      javascript: refuse('JavaScript'),
      js: refuse('JavaScript'),
      coffee: refuse('CoffeeScript'),
      json: refuse('JSON'),
      toml: refuse('TOML'),
    },
  } as unknown as Parameters<typeof matter>[1]);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(`${file}:1:1 ${e.message}`);
    throw new DataError(`${file}:1:1 模板头部设置读不懂：${(e as Error).message}`, { cause: e });
  }
  if (!['yaml', 'yml'].includes(parsed.language)) {
    throw new DataError(`${file}:1:1 模板的头部设置只能用 YAML 写（---），不接受「---${parsed.language}」`);
  }
  if (parsed.matter.trim() === '' || (issues.length === 0 && parsedFront === undefined)) {
    throw new DataError(`${file}:1:1 模板缺少头部设置（--- 之间的 title、view、audience）`);
  }
  if (issues.length > 0) throw new DataError(issues.map(formatIssue).join('\n'));

  const bodyStart = source.length - parsed.content.length;
  return {
    file,
    name: path.basename(file).replace(/\.md$/i, ''),
    front: parsedFront as FrontMatter,
    body: parsed.content,
    bodyLineOffset: source.slice(0, bodyStart).split('\n').length - 1,
  };
}

/** A template by name from the user's folder first, then the built-in templates. */
export function findTemplate(nameOrPath: string, folders: readonly string[]): string {
  if (/[\\/]/.test(nameOrPath) || nameOrPath.endsWith('.md')) {
    if (existsSync(nameOrPath)) return nameOrPath;
    throw new DataError(`找不到模板文件 ${nameOrPath}`);
  }
  for (const folder of folders) {
    const candidate = path.join(folder, `${nameOrPath}.md`);
    if (existsSync(candidate)) return candidate;
  }
  throw new DataError(`找不到名为「${nameOrPath}」的模板`, { hint: `模板放在 ${folders.join(' 或 ')} 里，文件名为 ${nameOrPath}.md` });
}
