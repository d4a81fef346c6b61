// One template + one view → one document section: renders the body and the page
// furniture (header, footer, watermark) and parses the markup into blocks.
import type { FrontMatter } from '../template/frontmatter.ts';
import type { Template, TemplateBody } from '../template/load.ts';
import type { TemplateRenderer } from '../template/render.ts';
import { parseMarkup } from '../document/markup.ts';
import type { PageSetup, Section } from '../document/model.ts';

const DEFAULT_MARGINS: Record<PageSetup['size'], PageSetup['margins']> = {
  A4: [25, 25, 25, 22],
  A5: [15, 15, 15, 15],
  DL: [12, 10, 12, 10],
};

/** The front matter's page-furniture strings as small templates of their own. */
export function furnitureTemplates(t: Template): Partial<Record<'header' | 'footer' | 'watermark', TemplateBody>> {
  const out: Partial<Record<'header' | 'footer' | 'watermark', TemplateBody>> = {};
  for (const key of ['header', 'footer', 'watermark'] as const) {
    const body = t.front[key];
    if (body !== undefined) out[key] = { file: `${t.file}（${key}）`, name: `${t.name}-${key}`, body, bodyLineOffset: 0 };
  }
  return out;
}

export function buildSection(renderer: TemplateRenderer, template: Template, view: unknown): Section {
  const { markup, tokens } = renderer.render(template, view);
  const blocks = parseMarkup(markup, tokens, template.file);
  const furniture: Partial<Record<'header' | 'footer' | 'watermark', string>> = {};
  for (const [key, t] of Object.entries(furnitureTemplates(template))) {
    const r = renderer.render(t, view);
    const text = r.tokens.resolve(r.markup).trim();
    if (text !== '') furniture[key as keyof typeof furniture] = text;
  }
  return { ...pageOf(template.front), blocks, ...furniture };
}

function pageOf(front: FrontMatter): Omit<Section, 'blocks'> {
  const size = front.page?.size ?? 'A4';
  const margins = front.page?.margins;
  return {
    page: {
      size,
      orientation: front.page?.orientation ?? (size === 'DL' ? 'landscape' : 'portrait'),
      margins: margins ? [margins[0]!, margins[1]!, margins[2]!, margins[3]!] : DEFAULT_MARGINS[size],
    },
    font: front.font ?? 'serif',
    audience: front.audience,
    pageNumbers: front.pageNumbers ?? size !== 'DL',
    ...(front.cover && { cover: true }),
  };
}
