import { documentCommand, visitDateInput } from '../generate.ts';

export const command = documentCommand({
  kind: 'visit',
  description: '生成拜访准备单（内部）：客户概况、要见的人（30 天内的生日和纪念日）、拜访目的和话术、常见问题、带齐的资料、出发前检核、历次拜访和后续拜访计划。',
  ...visitDateInput('拜访日期（默认今天），生日提醒从这天算起'),
  examples: ['tuangou visit nmg-power', 'tuangou visit nmg-power --date 2026-12-01'],
});
