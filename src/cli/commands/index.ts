// Every command, loaded lazily so `check` never loads the PDF or Word writers.
import type { Command } from '../command.ts';

export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<{ command: Command }>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  check: { summary: '检查数据：格式、必填项、占位内容、重复、引用', load: () => import('./check.ts') },
  customers: { summary: '列出客户及其级别、VIP 状态', load: () => import('./customers.ts') },
};
