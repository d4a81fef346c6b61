// Two imports at the same time that each add a contact to one unit: both used to report success
// and one contact was gone. The second to write now finds the file changed since it planned, and
// refuses; the lock keeps two writers from interleaving at all.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { applySpreadsheetImport, openWorkspace, planSpreadsheetImport, AppError } from '../../src/app/index.ts';
import { copyData, readYaml, writeXlsx } from './helpers.ts';

const sheet = (name: string, mobile: string) => [
  ['单位名称', '联系人姓名', '手机', '联系人角色'],
  ['测试市财政局', name, mobile, '采购'],
];

it('refuses the second of two imports planned on the same file, keeping the first one’s contact', async () => {
  const { root, data } = copyData();
  const ws = openWorkspace({ data });
  const a = await planSpreadsheetImport(ws, await writeXlsx(path.join(root, 'a.xlsx'), { 客户: sheet('王五', '13800009999') }));
  const b = await planSpreadsheetImport(ws, await writeXlsx(path.join(root, 'b.xlsx'), { 客户: sheet('赵六', '13800008888') }));
  expect(applySpreadsheetImport(a).written.map((e) => e.name)).toEqual(['测试市财政局']);
  const afterA = readYaml(data, 'customers/caizheng-ju.yaml');
  let refused: unknown;
  try {
    applySpreadsheetImport(b);
  } catch (e) {
    refused = e;
  }
  expect(refused).toBeInstanceOf(AppError);
  expect((refused as AppError).code).toBe('conflict');
  expect((refused as AppError).message).toMatch(/caizheng-ju\.yaml 在你读取之后被修改过/);
  expect(readYaml(data, 'customers/caizheng-ju.yaml')).toBe(afterA);
  expect(afterA).toContain('王五');
  // Planned again on the file as it is now, the second import keeps both contacts.
  applySpreadsheetImport(await planSpreadsheetImport(ws, path.join(root, 'b.xlsx')));
  expect(readYaml(data, 'customers/caizheng-ju.yaml')).toMatch(/王五[\s\S]*赵六/);
});

it('waits for the data folder’s lock, and takes over one left by a writer that is gone', async () => {
  const { root, data } = copyData();
  const ws = openWorkspace({ data });
  writeFileSync(path.join(data, '.tuangou.lock'), '999999999\n'); // no such process
  const plan = await planSpreadsheetImport(ws, await writeXlsx(path.join(root, 'a.xlsx'), { 客户: sheet('王五', '13800009999') }));
  expect(applySpreadsheetImport(plan).written).toHaveLength(1);
  writeFileSync(path.join(data, '.tuangou.lock'), `${process.pid}\n`); // held by a live process: this one
  const again = await planSpreadsheetImport(ws, await writeXlsx(path.join(root, 'b.xlsx'), { 客户: sheet('赵六', '13800008888') }));
  let refused: unknown;
  try {
    applySpreadsheetImport(again);
  } catch (e) {
    refused = e;
  }
  expect((refused as AppError).code).toBe('locked');
  expect(readYaml(data, 'customers/caizheng-ju.yaml')).not.toContain('赵六');
});
