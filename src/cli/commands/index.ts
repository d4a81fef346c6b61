// Every command, loaded lazily so `check` never loads the PDF or Word writers.
import type { Command } from '../command.ts';

export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<{ command: Command }>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  check: { summary: '检查数据：格式、必填项、占位内容、重复、引用', load: () => import('./check.ts') },
  customers: { summary: '列出客户及其级别、VIP 状态', load: () => import('./customers.ts') },
  import: { summary: '从 Excel / WPS / CSV 表格导入客户（先检查，可预览，自动备份）', load: () => import('./import.ts') },
  export: { summary: '把客户导出成可以在 Excel / WPS 里修改、再导回的表格', load: () => import('./export.ts') },
  'log-visit': { summary: '记下一次拜访：结果、下一步、下次拜访日期（写进客户文件，先备份）', load: () => import('./log-visit.ts') },
  agenda: { summary: '接下来几天要做的事：到期的拜访、该去的客户、生日纪念日、到期方案、节日邮寄、VIP 申报', load: () => import('./agenda.ts') },
  proposal: { summary: '团购建议书（对外）', load: () => import('./proposal.ts') },
  visit: { summary: '拜访准备单（内部）', load: () => import('./visit.ts') },
  card: { summary: '客户信息卡（内部，保密）', load: () => import('./card.ts') },
  allocation: { summary: '利益分配汇总（内部），含合规检查', load: () => import('./allocation.ts') },
  pack: { summary: '拜访资料包：目录、拜访准备单、信息卡、建议书、产品介绍，一份打印文件', load: () => import('./pack.ts') },
  letters: { summary: '节日邮寄：批量信函、打印文件、清单和跟进日程', load: () => import('./letters.ts') },
  studio: { summary: '团购工作台：在浏览器里看客户和待办、预览文书、修改资料（只在本机）', load: () => import('./studio.ts') },
  render: { summary: '用任意模板为一个客户生成文书', load: () => import('./render.ts') },
};
