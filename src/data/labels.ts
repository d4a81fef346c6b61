// Finds the Chinese label of the field at a path by walking the zod schema, so labels are
// defined once, beside the field, and every consumer derives them from there.
import type { z } from 'zod';
import { labels } from './fields.ts';
import type { PathSegment } from './issues.ts';

type AnySchema = z.ZodType;

interface Def {
  readonly type: string;
  readonly entries?: Readonly<Record<string, string>>;
  readonly innerType?: AnySchema;
  readonly in?: AnySchema;
  readonly element?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly options?: readonly AnySchema[];
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Steps through optional, default and transform wrappers to the schema that holds the shape. */
function unwrap(s: AnySchema): AnySchema {
  const def = defOf(s);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return s;
}

function labelOf(s: AnySchema): string | undefined {
  let cur: AnySchema | undefined = s;
  while (cur) {
    const found = labels.get(cur)?.label;
    if (found) return found;
    const def = defOf(cur);
    cur = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/** The schema of the field at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly PathSegment[]): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    const def = defOf(unwrap(cur));
    if (def.type === 'array' && typeof seg === 'number') cur = def.element;
    else if (def.type === 'object' && typeof seg === 'string') cur = def.shape && Object.hasOwn(def.shape, seg) ? def.shape[seg] : undefined;
    else if (def.type === 'union') cur = def.options?.map((o) => schemaAt(o, [seg])).find(Boolean);
    else return undefined;
  }
  return cur;
}

export function labelAt(root: AnySchema, path: readonly PathSegment[]): string {
  const s = schemaAt(root, path);
  return (s && labelOf(s)) ?? '';
}

/** The keys an object at `path` accepts, with their labels (for "did you mean" hints). */
export function fieldsAt(root: AnySchema, path: readonly PathSegment[]): { key: string; label: string }[] {
  const s = schemaAt(root, path);
  const shape = s ? defOf(unwrap(s)).shape : undefined;
  return shape ? Object.entries(shape).map(([key, f]) => ({ key, label: labelOf(f) ?? '' })) : [];
}

/** The values a field of fixed choices (oneOf, yesNo) accepts, as written in a file; undefined for any other field. */
export function choicesAt(root: AnySchema, path: readonly PathSegment[]): string[] | undefined {
  const s = schemaAt(root, path);
  const def = s && defOf(unwrap(s));
  return def?.type === 'enum' && def.entries ? Object.values(def.entries) : undefined;
}

export type SchemaKind = 'object' | 'array' | 'scalar';

/** Whether the value at a schema is an object, a list or a printable scalar. */
export function kindOf(s: AnySchema): SchemaKind {
  const type = defOf(unwrap(s)).type;
  return type === 'object' ? 'object' : type === 'array' ? 'array' : 'scalar';
}

/** The schema of one element of a list schema. */
export function elementOf(s: AnySchema): AnySchema | undefined {
  const def = defOf(unwrap(s));
  return def.type === 'array' ? def.element : undefined;
}
