// A plain mapping as yaml's toJS gives one: the shape the import, export and YAML edits walk.
export type Rec = Record<string, unknown>;

export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
