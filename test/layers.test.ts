// The import graph of src/ keeps to its layers: a module imports only its own layer and the
// layers below it, folders never import each other both ways, and no module imports itself
// back through others. The graph is read with the TypeScript compiler's own import scanner.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Layer {
  readonly name: string;
  /** Top-level folders of src/ (or files directly in it) that make up the layer. */
  readonly members: readonly string[];
  /** Layers below this one that it still may not import. */
  readonly skips?: readonly string[];
}

/** Bottom first: a module may import its own layer and the layers listed before it. */
const LAYERS: readonly Layer[] = [
  // Helpers that know nothing of the project (paths, file errors, suggestions) and the error classes.
  { name: 'base', members: ['util', 'errors.ts'] },
  // The 团购 rules as pure functions: grading, VIP, festivals, money, dates, deals.
  { name: 'domain', members: ['domain'] },
  // Reading and checking the data files: YAML, schemas, cross-file rules, the loaded data set.
  { name: 'data', members: ['data'] },
  // The backend-neutral document model and the markup parser that produces it.
  { name: 'document', members: ['document'] },
  // The embedded fonts, measuring, and the glyph checks over a document's texts.
  { name: 'fonts', members: ['fonts'] },
  // The PDF and DOCX writers: they see the document model only, never the data it was made from.
  { name: 'writers', members: ['writers'], skips: ['data'] },
  // Templates: front matter, lint, Handlebars rendering, data tokens.
  { name: 'template', members: ['template'] },
  // The view builders and the schema of the view each template kind receives.
  { name: 'views', members: ['views'] },
  // Orchestration: one document from templates and views, the mailing, spreadsheet import and export, writing files.
  { name: 'orchestration', members: ['output', 'import', 'pipeline', 'letters'] },
  // The library API every front end calls.
  { name: 'app', members: ['app'] },
  // The web studio, a front end over the library API; it never imports the command line's modules.
  { name: 'studio', members: ['studio'] },
  // The command line, the other front end; its `studio` command starts the studio.
  { name: 'front end', members: ['cli'] },
];

interface Exception {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

/** Imports against the layers above that are allowed all the same, each with why (paths under src/). */
const EXCEPTIONS: readonly Exception[] = [];

/** An import of `to` by `from`, both paths under src/ with forward slashes. */
interface Edge {
  readonly from: string;
  readonly to: string;
}

/** The specifiers a module imports: import, import type, export … from, and import(). */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

function sourceFiles(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const rel = under === '' ? e.name : `${under}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(dir, rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The imports between modules of `dir`; package imports and files outside it are left out. */
function importGraph(dir: string): Edge[] {
  return sourceFiles(dir).flatMap((from) =>
    specifiers(readFileSync(path.join(dir, from), 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ from, to: path.posix.normalize(path.posix.join(path.posix.dirname(from), s)).replace(/\.js$/, '.ts') }))
      .filter((e) => !e.to.startsWith('../')),
  );
}

/** The top-level folder of src/ a module is in (or the module itself, directly in src/). */
const unitOf = (file: string): string => file.split('/')[0]!;

function layerProblems(edges: readonly Edge[], layers: readonly Layer[], exceptions: readonly Exception[]): string[] {
  const rank = new Map(layers.flatMap((l, i) => l.members.map((m) => [m, i] as const)));
  const problems = new Set<string>();
  const used = new Set<Exception>();
  for (const { from, to } of edges) {
    for (const file of [from, to]) {
      if (!rank.has(unitOf(file))) problems.add(`src/${file}: src/${unitOf(file)} is in no layer (add it to LAYERS in test/layers.test.ts)`);
    }
    const f = rank.get(unitOf(from));
    const t = rank.get(unitOf(to));
    if (f === undefined || t === undefined) continue;
    const upward = t > f;
    const skipped = layers[f]!.skips?.includes(layers[t]!.name) ?? false;
    if (!upward && !skipped) continue;
    const exception = exceptions.find((e) => e.from === from && e.to === to);
    if (exception) {
      used.add(exception);
      continue;
    }
    const why = upward ? 'a layer above it' : `a layer ${layers[f]!.name} may not import`;
    problems.add(`src/${from} (layer ${layers[f]!.name}) imports src/${to} (layer ${layers[t]!.name}), ${why}`);
  }
  for (const e of exceptions) if (!used.has(e)) problems.add(`the exception src/${e.from} → src/${e.to} is not needed any more: remove it`);
  return [...problems];
}

/** The strongly connected components of more than one node (Tarjan), each as a cycle through them. */
function cycles(edges: readonly (readonly [string, string])[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (a === b) continue;
    next.set(a, (next.get(a) ?? new Set()).add(b));
    if (!next.has(b)) next.set(b, new Set());
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set<string>();
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      component.add(w);
      if (w === v) break;
    }
    if (component.size > 1) out.push(cycleIn(v, component, next));
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** The shortest way from `start` back to itself inside a component: [start, …, start]. */
function cycleIn(start: string, component: ReadonlySet<string>, next: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...next.get(v)!].sort()) {
      if (!component.has(w) || cameFrom.has(w)) continue;
      cameFrom.set(w, v);
      if (w === start) {
        const way = [start];
        for (let at = cameFrom.get(start)!; at !== start; at = cameFrom.get(at)!) way.unshift(at);
        return [start, ...way];
      }
      queue.push(w);
    }
  }
  throw new Error(`no cycle through ${start}`);
}

function folderCycleProblems(edges: readonly Edge[]): string[] {
  return cycles(edges.map((e) => [unitOf(e.from), unitOf(e.to)])).map((folders) => {
    const hops = folders.slice(1).map((to, i) => {
      const e = edges.find((x) => unitOf(x.from) === folders[i] && unitOf(x.to) === to)!;
      return `src/${e.from} imports src/${e.to}`;
    });
    return `src/${folders.join(' → src/')} import each other: ${hops.join('; ')}`;
  });
}

function fileCycleProblems(edges: readonly Edge[]): string[] {
  return cycles(edges.map((e) => [e.from, e.to])).map((files) => `import cycle: src/${files.join(' → src/')}`);
}

describe('the layers of src/', () => {
  const graph = importGraph(path.join(import.meta.dirname, '../src'));

  it('every module imports only its own layer and the layers below it', () => {
    expect(graph.length).toBeGreaterThan(100);
    expect(layerProblems(graph, LAYERS, EXCEPTIONS)).toEqual([]);
  });

  it('no two folders import each other', () => {
    expect(folderCycleProblems(graph)).toEqual([]);
  });

  it('no module imports itself back through other modules', () => {
    expect(fileCycleProblems(graph)).toEqual([]);
  });
});

describe('the layer check', () => {
  /** A planted graph, written `from -> to`. */
  const plant = (...imports: string[]): Edge[] =>
    imports.map((i) => {
      const [from, to] = i.split(' -> ') as [string, string];
      return { from, to };
    });

  it('reads imports, type imports, re-exports and dynamic imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "const e = await import('./e.ts');",
      "import zod from 'zod';",
    ].join('\n');
    expect(specifiers(source)).toEqual(['./a.ts', '../b/b.ts', './c.ts', './d.ts', './e.ts', 'zod']);
  });

  it('names both files and both layers of an import of a layer above', () => {
    expect(layerProblems(plant('views/build.ts -> data/schema.ts', 'writers/pdf/blocks.ts -> views/build.ts'), LAYERS, [])).toEqual([
      'src/writers/pdf/blocks.ts (layer writers) imports src/views/build.ts (layer views), a layer above it',
    ]);
  });

  it('refuses a lower layer that a layer skips: the writers never see the data', () => {
    expect(layerProblems(plant('writers/fit.ts -> data/schema.ts'), LAYERS, [])).toEqual([
      'src/writers/fit.ts (layer writers) imports src/data/schema.ts (layer data), a layer writers may not import',
    ]);
  });

  it('names a folder that is in no layer', () => {
    expect(layerProblems(plant('cli/main.ts -> sync/server.ts'), LAYERS, [])).toEqual([
      'src/sync/server.ts: src/sync is in no layer (add it to LAYERS in test/layers.test.ts)',
    ]);
  });

  it('lets the command line start the studio, and keeps the studio off the command line’s modules', () => {
    expect(layerProblems(plant('cli/commands/studio.ts -> studio/server.ts', 'studio/server.ts -> app/index.ts'), LAYERS, [])).toEqual([]);
    expect(layerProblems(plant('studio/errors.ts -> cli/hints.ts'), LAYERS, [])).toEqual([
      'src/studio/errors.ts (layer studio) imports src/cli/hints.ts (layer front end), a layer above it',
    ]);
  });

  it('lets a listed exception through, and names one no longer needed', () => {
    const exceptions = [
      { from: 'domain/deal.ts', to: 'data/schema.ts', why: 'a test' },
      { from: 'domain/vip.ts', to: 'data/schema.ts', why: 'a test' },
    ];
    expect(layerProblems(plant('domain/deal.ts -> data/schema.ts'), LAYERS, exceptions)).toEqual([
      'the exception src/domain/vip.ts → src/data/schema.ts is not needed any more: remove it',
    ]);
  });

  it('finds folders that import each other, with a file import for each way', () => {
    // The same layer, so only the cycle check can catch it.
    const planted = plant('letters/run.ts -> pipeline/document.ts', 'pipeline/pack.ts -> letters/select.ts', 'pipeline/pack.ts -> views/build.ts');
    expect(layerProblems(planted, LAYERS, [])).toEqual([]);
    expect(folderCycleProblems(planted)).toEqual([
      'src/letters → src/pipeline → src/letters import each other: src/letters/run.ts imports src/pipeline/document.ts; src/pipeline/pack.ts imports src/letters/select.ts',
    ]);
  });

  it('finds a cycle of modules inside one folder, and only the cycle', () => {
    const planted = plant(
      'views/common.ts -> views/schemas.ts',
      'views/schemas.ts -> views/envelope.ts',
      'views/envelope.ts -> views/common.ts',
      'views/envelope.ts -> views/facts.ts',
    );
    expect(folderCycleProblems(planted)).toEqual([]);
    expect(fileCycleProblems(planted)).toEqual([
      'import cycle: src/views/common.ts → src/views/schemas.ts → src/views/envelope.ts → src/views/common.ts',
    ]);
  });
});
