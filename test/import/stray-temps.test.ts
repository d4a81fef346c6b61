// An import killed with SIGKILL between writing a customer file's temp copy and renaming it
// leaves a hidden file with customer data in the customers folder: the next import removes it
// and says so.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyData, tuangou, writeXlsx } from './helpers.ts';

const SHEET = [
  ['联系人姓名', '单位名称', '手机'],
  ['张伟', '测试市财政局', '13900001111'],
];

describe('temp files a killed import left behind', () => {
  it('are removed by the next import, which names them; a running process keeps its own', async () => {
    const { root, data } = copyData();
    const customers = path.join(data, 'customers');
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // has exited
    const stray = `.caizheng-ju.yaml.${gone}.0123abcd.tmp`;
    const live = `.yidong.yaml.${process.pid}.0123abcd.tmp`;
    for (const f of [stray, live]) writeFileSync(path.join(customers, f), 'name: 测试市财政局\n');
    await writeXlsx(path.join(root, 'in.xlsx'), { 客户: SHEET });

    // A preview writes nothing, and removes nothing either.
    const preview = await tuangou(['import', 'in.xlsx', '--data', data, '--dry-run'], root);
    expect(preview.stdout).not.toContain('临时文件');
    expect(readdirSync(customers)).toContain(stray);

    const r = await tuangou(['import', 'in.xlsx', '--data', data, '--json'], root);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notices).toEqual([`删除了上次被中断的导入留下的临时文件：customers/${stray}`]);
    expect(readdirSync(customers).filter((f) => f.endsWith('.tmp'))).toEqual([live]);
  });

  it('are removed and reported even when the import itself writes nothing', async () => {
    const { root, data } = copyData();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const stray = `.kehu-123456.yaml.${gone}.89abcdef.tmp`;
    writeFileSync(path.join(data, 'customers', stray), 'name: 某单位\n');
    await writeXlsx(path.join(root, 'in.xlsx'), { 客户: [SHEET[0]!, ['张伟', '测试市财政局', '123']] });
    const r = await tuangou(['import', 'in.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`提示：删除了上次被中断的导入留下的临时文件：customers/${stray}\n`);
    expect(r.stdout).toContain('没有写入任何文件');
    expect(readdirSync(path.join(data, 'customers')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
