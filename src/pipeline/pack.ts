// The visit preparation pack: a contents page, then the visit sheet, the cards, the proposal
// (when there is a deal) and one product sheet per recommended product, each on a new page.
import { buildView, recommendedProducts, type ViewInput } from '../views/build.ts';
import { companyV, customerInternalV, dateV } from '../views/common.ts';
import { packViewSchema } from '../views/schemas.ts';
import type { Part } from './document.ts';
import type { TemplateSet } from './templates.ts';

export function packParts(templates: TemplateSet, input: ViewInput): Part[] {
  const t = (name: string) => templates.get(name);
  // Each part through its view's schema, as when it is made alone: nothing internal reaches an external page.
  const part = (name: string, partInput: ViewInput = input): Part => {
    const template = t(name);
    return { template, view: buildView(template.front.view, partInput) };
  };
  const parts: Part[] = [
    part('visit'),
    part('card'),
    ...(input.deal ? [part('proposal')] : []),
    ...recommendedProducts(input).map((product) => part('product', { ...input, product })),
  ];
  const contents = packViewSchema.parse({
    today: dateV(input.today),
    visitDate: dateV(input.visitDate ?? input.today),
    company: companyV(input.data.company, input.data.dir),
    customer: customerInternalV(input.customer, input.data.policies),
    parts: parts.map((p, i) => ({
      no: i + 1,
      title: p.template.front.view === 'product' ? `产品介绍：${(p.view as { product: { name: string } }).product.name}` : p.template.front.title,
      audience: p.template.front.audience === 'external' ? '对外' : '内部',
    })),
  });
  return [{ template: t('pack'), view: contents }, ...parts];
}
