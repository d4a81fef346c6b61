import { countBySeverity, formatIssue, type Issue } from '../../data/issues.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { DATA_HELP, DATA_OPTION, dataDir, JSON_HELP, JSON_OPTION, type Command } from '../command.ts';

export const command: Command = {
  usage: '[--data DIR] [--json]',
  description: '读取全部数据文件，检查格式、必填项、占位内容（同上、不详……）、电话和邮编格式、重复记录和引用，一次列出所有问题。\n有错误时退出码为 1，只有警告时为 0。',
  options: { ...DATA_OPTION, ...JSON_OPTION },
  help: [DATA_HELP, JSON_HELP],
  examples: ['tuangou check', 'tuangou check --data ~/团购资料 --json'],
  async run(args, io) {
    const report = openWorkspace({ data: dataDir(args, io) }).check();
    const { errors, warnings } = report;
    if (args.values['json']) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const [file, list] of groupByFile(report.issues)) {
        const c = countBySeverity(list);
        io.stdout(`${file}（${c.errors} 个错误，${c.warnings} 个警告）\n`);
        for (const issue of list) io.stdout(`  ${formatIssue(issue)}\n`);
      }
      const verdict = errors === 0 ? '数据可以使用' : '请修正错误后再生成文书';
      io.stdout(`\n共检查 ${report.files} 个文件：${errors} 个错误，${warnings} 个警告。${verdict}。\n`);
    }
    return errors === 0 ? 0 : 1;
  },
};

function groupByFile(issues: readonly Issue[]): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) groups.set(i.file, [...(groups.get(i.file) ?? []), i]);
  return groups;
}
