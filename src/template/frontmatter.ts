// The front matter every template declares: what it is, who may see it, and its page.
import { z } from 'zod';
import { record, text, oneOf, list, int, yesNo } from '../data/fields.ts';

export const VIEW_KINDS = ['proposal', 'visit', 'card', 'allocation', 'letter', 'envelope', 'product', 'pack', 'labels', 'weekly-report', 'customer-report', 'greeting', 'agenda'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];
export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export const frontMatterSchema = record('模板设置', {
  title: text('标题'),
  view: oneOf('视图', VIEW_KINDS),
  audience: oneOf('读者', ['external', 'internal']),
  formats: list('输出格式', oneOf('格式', FORMATS)).min(1).optional(),
  page: record('页面', {
    size: oneOf('纸张', ['A4', 'A5', 'DL']).optional(),
    orientation: oneOf('方向', ['portrait', 'landscape']).optional(),
    margins: list('页边距（毫米：左 上 右 下）', int('毫米', { min: 0, max: 50, unit: '毫米' })).length(4, '页边距要写 4 个数：左、上、右、下').optional(),
  }).optional(),
  font: oneOf('字体', ['serif', 'sans']).optional(),
  header: z.string().optional(),
  footer: z.string().optional(),
  watermark: z.string().optional(),
  pageNumbers: yesNo('页码').optional(),
  cover: yesNo('封面').optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
