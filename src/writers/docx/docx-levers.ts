// docx serialises every element's attributes by spreading them into a new object once per
// attribute: a proposal's ~2,600 attribute sets cost a quarter of its .docx render. Here each set
// is built in one pass, for identical bytes (a test renders without the lever in another process
// and compares). docx exports the class but no seam for this, so the method is replaced on its
// pinned version (9.7.1, checked by the test). Set TUANGOU_DOCX_PLAIN=1 to run docx as shipped.
import { NextAttributeComponent } from 'docx';

interface Attribute {
  readonly key: string;
  readonly value: unknown;
}

/** An attribute set as docx writes it: undefined values left out, keys in their order. */
export function attributeObject(root: Readonly<Record<string, Attribute>>): { _attr: Record<string, unknown> } {
  const attr: Record<string, unknown> = {};
  for (const { key, value } of Object.values(root)) if (value !== undefined) attr[key] = value;
  return { _attr: attr };
}

/** True when docx serialises attribute sets with `attributeObject`. */
export const docxLeversOn = (): boolean => NextAttributeComponent.prototype.prepForXml === prepForXml;

function prepForXml(this: { root: Record<string, Attribute> }) {
  return attributeObject(this.root);
}

if (process.env['TUANGOU_DOCX_PLAIN'] !== '1') (NextAttributeComponent.prototype as unknown as { prepForXml: typeof prepForXml }).prepForXml = prepForXml;
