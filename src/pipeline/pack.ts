// The visit preparation pack: a contents page, then the visit sheet, the cards, the proposal
// (when there is a deal) and one product sheet per recommended product, each on a new page.
import { cardView, productSheetView, proposalView, recommendedProducts, visitView, type ViewInput } from '../views/build.ts';
import { companyV, customerInternalV, dateV } from '../views/common.ts';
import { packViewSchema } from '../views/schemas.ts';
import type { Part } from './document.ts';
import type { TemplateSet } from './templates.ts';

export function packParts(templates: TemplateSet, input: ViewInput): Part[] {
  const t = (name: string) => templates.get(name);
  const parts: Part[] = [
    { template: t('visit'), view: visitView(input) },
    { template: t('card'), view: cardView(input) },
    ...(input.deal ? [{ template: t('proposal'), view: proposalView(input) }] : []),
    ...recommendedProducts(input).map((product) => ({ template: t('product'), view: productSheetView({ ...input, product }) })),
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
