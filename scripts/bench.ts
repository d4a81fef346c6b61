// npm run bench [-- N …]: festival-letter throughput on synthetic customers built from the
// sample data's schema. Prints figures; asserts nothing (speed is never a test).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadData } from '../src/data/load.ts';
import { runMailing } from '../src/letters/run.ts';
import { printOrder } from '../src/letters/select.ts';
import { selectCustomers } from '../src/views/select.ts';
import { buildDoc } from '../src/pipeline/document.ts';
import { tracedRecords } from '../src/pipeline/glyphs.ts';
import { TemplateSet } from '../src/pipeline/templates.ts';
import { buildView, openDeal } from '../src/views/build.ts';
import { writeDocx } from '../src/writers/docx/index.ts';
import { writePdf } from '../src/writers/pdf/index.ts';
import type { Doc } from '../src/document/model.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

/** A data folder with n customers: the sample customers cloned under new ids and unit names. */
function syntheticData(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), `tuangou-bench-${n}-`));
  cpSync(path.join(ROOT, 'data'), dir, { recursive: true });
  rmSync(path.join(dir, 'deals'), { recursive: true });
  const customers = path.join(dir, 'customers');
  const samples = readdirSync(customers)
    .filter((f) => !f.startsWith('minimal'))
    .map((f) => readFileSync(path.join(customers, f), 'utf8'));
  rmSync(customers, { recursive: true });
  mkdirSync(customers);
  for (let i = 0; i < n; i++) {
    const doc = parseDocument(samples[i % samples.length]!);
    doc.set('id', `bench-${i}`);
    doc.set('name', `${String(doc.get('name'))}第${i}分部`);
    writeFileSync(path.join(customers, `bench-${i}.yaml`), doc.toString());
  }
  return dir;
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

async function bench(n: number): Promise<void> {
  const dataDir = syntheticData(n);
  const data = loadData(dataDir);
  const set = new TemplateSet();
  const template = set.get('letter');
  const customers = printOrder(selectCustomers(data, {}));
  const assetsDir = path.join(dataDir, 'assets');
  const docs: Doc[] = customers.map((customer) => {
    const deal = openDeal(data, customer, TODAY);
    const view = buildView('letter', { data, customer, ...(deal && { deal }), today: TODAY, festival: { name: '春节', year: 2027 } });
    return buildDoc(set, { parts: [{ template, view }], title: customer.name, data, traced: tracedRecords(data, customer, deal), today: TODAY });
  });
  // Warm-up: fonts read and parsed once, as in a real run.
  await writePdf(docs[0]!, { assetsDir });
  const [, pdfMs] = await timed(async () => {
    for (const d of docs) await writePdf(d, { assetsDir });
  });
  const [, docxMs] = await timed(async () => {
    for (const d of docs) await writeDocx(d, { assetsDir });
  });
  const merged = docs.slice(0, Math.min(n, 500));
  const [bytes, mergedMs] = await timed(() => writePdf({ meta: docs[0]!.meta, sections: merged.flatMap((d) => d.sections) }, { assetsDir }));
  const out = mkdtempSync(path.join(tmpdir(), 'tuangou-bench-out-'));
  const [, e2eMs] = await timed(() =>
    runMailing({ data, templates: set, customers, festival: '春节', year: 2027, today: TODAY, outDir: out, formats: ['pdf', 'docx'], resume: false }),
  );
  const printDir = path.join(out, '2027-春节');
  const printKb = readdirSync(printDir).filter((f) => f.startsWith('print-')).reduce((kb, f) => kb + statSync(path.join(printDir, f)).size / 1024, 0);
  const per = (ms: number, count = n) => (ms / count).toFixed(1);
  console.log(`\nN = ${n}（一个进程，单线程）`);
  console.log(`  单封 PDF                ${per(pdfMs)} ms/封`);
  console.log(`  单封 .docx              ${per(docxMs)} ms/封`);
  console.log(`  合并打印 PDF（${merged.length} 封一册） ${per(mergedMs, merged.length)} ms/封，${(bytes.length / 1024 / merged.length).toFixed(1)} KB/封`);
  console.log(`  单封 PDF ÷ 合并 PDF     ${(pdfMs / n / (mergedMs / merged.length)).toFixed(2)}`);
  console.log(`  letters 全流程（PDF + .docx + 打印 + 清单 + 日程） ${(e2eMs / 1000).toFixed(1)} s，${per(e2eMs)} ms/客户，打印文件 ${(printKb / n).toFixed(1)} KB/封`);
  console.log(`  峰值内存（RSS）          ${rssMb()} MB`);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}

for (const n of sizes.length > 0 ? sizes : [100, 1000]) await bench(n);
