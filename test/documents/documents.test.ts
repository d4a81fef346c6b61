// Every built-in document for every sample customer: it builds, has no empty tables or
// printed "undefined", and its PDF and .docx carry the same text.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSet } from '../../src/data/dataset.ts';
import { loadData } from '../../src/data/load.ts';
import type { Doc } from '../../src/document/model.ts';
import { docTexts } from '../../src/fonts/index.ts';
import { buildDoc } from '../../src/pipeline/document.ts';
import { packParts } from '../../src/pipeline/pack.ts';
import { TemplateSet } from '../../src/pipeline/templates.ts';
import { buildView, complianceIssues, openDeal, recommendedProducts } from '../../src/views/build.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { docxText, normalise, pdfPages } from '../writers/text.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = path.join(ROOT, 'data');
const TODAY = '2026-11-24';

let data: DataSet;
let set: TemplateSet;
beforeAll(() => {
  data = loadData(DATA);
  set = new TemplateSet();
});

function docFor(template: string, customerId: string): Doc {
  const customer = data.customers.get(customerId)!;
  const deal = openDeal(data, customer, TODAY);
  if (template === 'pack') {
    const parts = packParts(set, { data, customer, ...(deal && { deal }), today: TODAY });
    return buildDoc(set, { parts, title: '拜访资料包', data, traced: [], today: TODAY });
  }
  const t = set.get(template);
  const input = { data, customer, ...(deal && { deal }), today: TODAY };
  const product = template === 'product' ? recommendedProducts(input)[0] : undefined;
  const view = buildView(t.front.view, { ...input, ...(product && { product }) });
  return buildDoc(set, { parts: [{ template: t, view }], title: t.front.title, data, traced: [], today: TODAY });
}

const ids = () => [...loadData(DATA).customers.keys()];

describe.each(ids())('documents for %s', (id) => {
  // A deal that breaks a compliance rule makes no external paper (compliance.test.ts): only the internal ones.
  const kinds = () => {
    const customer = data.customers.get(id)!;
    const deal = openDeal(data, customer, TODAY);
    if (deal && complianceIssues(data, customer, deal).length > 0) return ['visit', 'card', 'allocation'];
    return ['visit', 'card', 'product', 'pack', ...(deal ? ['proposal', 'allocation'] : [])];
  };

  it('build without "undefined", "null", empty tables or empty key-value values left to chance', () => {
    for (const kind of kinds()) {
      const doc = docFor(kind, id);
      for (const { text, path: where } of docTexts(doc)) {
        expect(text, `${kind} ${where}`).not.toMatch(/undefined|null|NaN|\[object/);
      }
      for (const block of doc.sections.flatMap((s) => s.blocks)) {
        if (block.type === 'table') expect(block.rows.length, `${kind}: a table with only its header`).toBeGreaterThan(block.headerRows);
      }
    }
  });
});

describe('a customer with only the required data', () => {
  it('gets a visit sheet and cards without empty sections', () => {
    const visit = docFor('visit', 'minimal-beijiang-renshou');
    const headings = visit.sections[0]!.blocks.filter((b) => b.type === 'heading').map((b) => (b.content[0]?.type === 'text' ? b.content[0].text : ''));
    // No past visits, so no 历次拜访 section; the plan and checklists are always there.
    expect(headings).not.toContain('七、历次拜访');
    expect(headings).toContain('后续拜访计划');
    expect(() => docFor('card', 'minimal-beijiang-renshou')).not.toThrow();
  });

  it('without a deal, a proposal says how to add one', () => {
    expect(() => docFor('proposal', 'minimal-beijiang-renshou')).toThrow(/没有可用的团购方案/);
  });
});

describe('PDF and DOCX carry the same text', () => {
  const assetsDir = path.join(DATA, 'assets');
  it.each(['proposal', 'visit', 'card', 'allocation', 'product', 'pack'])('%s', async (template) => {
    const doc = docFor(template, 'mengyuan-ruye');
    const [pdf, docx] = await Promise.all([writePdf(doc, { assetsDir }), writeDocx(doc, { assetsDir })]);
    const fromPdf = normalise((await pdfPages(pdf)).join('\n'), doc);
    expect(fromPdf.length).toBeGreaterThan(200);
    expect(fromPdf).toBe(normalise(await docxText(docx), doc));
  });
});
