import { documentCommand } from '../generate.ts';

export const command = documentCommand({
  kind: 'allocation',
  description: '生成利益分配汇总（内部）：零售价值、单位让利、职工人均福利、中介佣金、赠品和品鉴酒、我方成本与毛利，以及逐条合规检查。\n有违规时给出警告；加 --strict 时退出码为 1。',
  options: { strict: { type: 'boolean' } },
  help: [{ flag: '--strict', text: '分配方案有违规或毛利低于政策时，退出码为 1' }],
  after: (built, args, warnings) => {
    warnings.push(...built.notices.filter((n) => n.code === 'compliance' || n.code === 'margin').map((n) => n.message));
    const { violations = 0, marginBelowPolicy = false } = built.compliance ?? {};
    return args.values['strict'] && (violations > 0 || marginBelowPolicy) ? 1 : 0;
  },
  examples: ['tuangou allocation nmg-power', 'tuangou allocation nmg-power --deal D2027-CJ-01 --strict'],
});
