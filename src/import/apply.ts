// Carries out an import plan: with any error nothing is written unless forcePartial, which
// writes the customers without errors. Changed files are backed up first, then each is written
// atomically; a manifest in the backup folder lists what was updated and what was created.
import { DataError } from '../errors.ts';
import path from 'node:path';
import { assertVersion, withDataLock } from '../output/data-lock.ts';
import { removeStrayTemps, writeAtomic } from '../output/write.ts';
import { backupBeforeWrite } from './backup.ts';
import type { ImportPlan, PlanEntry } from './plan.ts';

export interface Applied {
  readonly written: readonly PlanEntry[];
  /** Customers with errors that were left out. */
  readonly skipped: readonly PlanEntry[];
  readonly backupDir: string | undefined;
  /** True when errors stopped the whole import. */
  readonly blocked: boolean;
  /** Temp files a killed import left in the customers folder, removed (relative to the data folder). */
  readonly removedTemps: readonly string[];
}

export function hasErrors(plan: ImportPlan): boolean {
  return plan.sheetIssues.some((i) => i.severity === 'error') || plan.entries.some((e) => e.errors > 0);
}

export function applyPlan(plan: ImportPlan, opts: { forcePartial: boolean; now: Date }): Applied {
  const rel = (file: string) => path.relative(plan.dataDir, file).split(path.sep).join('/');
  // An import killed mid-write leaves a hidden temp file holding customer data: the next one
  // removes it (whether or not it writes anything itself) and says so.
  const removedTemps = removeStrayTemps(path.join(plan.dataDir, 'customers')).map(rel);
  const skipped = plan.entries.filter((e) => e.errors > 0);
  if (hasErrors(plan) && !opts.forcePartial) return { written: [], skipped, backupDir: undefined, blocked: true, removedTemps };
  const todo = plan.entries.filter((e) => e.errors === 0 && e.action !== 'unchanged' && e.text !== undefined);
  if (todo.length === 0) return { written: [], skipped, backupDir: undefined, blocked: false, removedTemps };

  const updates = todo.filter((e) => e.action === 'update');
  // One writer at a time, and none over a file changed since the plan read it: two imports
  // adding a contact to one unit would otherwise both succeed and one contact be gone.
  return withDataLock(plan.dataDir, () => {
    for (const e of todo) assertVersion(e.file, e.version);
    const backupDir = backupBeforeWrite(plan.dataDir, { source: plan.source, updated: updates.map((e) => e.file), created: todo.filter((e) => e.action === 'create').map((e) => e.file) }, opts.now);
    const written: PlanEntry[] = [];
    for (const e of todo) {
      try {
        writeAtomic(e.file, e.text as string, { create: e.action === 'create', private: true });
      } catch (err) {
        const done = written.length === 0 ? '之前没有写入其他文件' : `之前已写入 ${written.map((w) => w.display).join('、')}`;
        throw new DataError(`${(err as Error).message}。导入在这里停止：${done}`, {
          code: 'write',
          hint: `原文件的备份在 ${backupDir}（manifest.json 说明了如何撤销）`,
          cause: err,
        });
      }
      written.push(e);
    }
    return { written, skipped, backupDir, blocked: false, removedTemps };
  });
}
