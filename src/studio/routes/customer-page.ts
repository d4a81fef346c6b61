// 客户详情: the unit, its contacts, visits, purchases and deals, and every document for it with
// a preview in the page and PDF and .docx downloads. A document the library refuses shows why.
import { Hono } from 'hono';
import { labelAt } from '../../data/labels.ts';
import { customerSchema } from '../../data/schema.ts';
import { formatMoney } from '../../domain/money.ts';
import { AppError } from '../../errors.ts';
import type { RouteModule } from '../context.ts';
import { studioHint } from '../errors.ts';
import { html, page, type Html } from '../html.ts';
import { isInternal, internalTag } from '../internal.ts';
import { customerById, dealsOf } from '../lookup.ts';
import { buildEntry, documentEntries, documentUrl } from './documents.ts';
import { classOf, vipOf } from '../../views/facts.ts';

const label = (...path: (string | number)[]) => labelAt(customerSchema, path);

/** A term and its value, marked 内部 when no external paper may carry it. */
function fact(path: readonly (string | number)[], value: unknown): Html {
  if (value === undefined || value === '') return html``;
  const key = path.filter((p) => typeof p === 'string').join('.');
  return html`<dt>${label(...path)}${isInternal('customer', key) ? internalTag : ''}</dt><dd>${value}</dd>`;
}

export const customerPage: RouteModule = (ctx) =>
  new Hono().get('/:id', (c) => {
    const { data, customer: k } = customerById(ctx, c.req.param('id'));
    const cls = classOf(k, data.policies);
    const deals = dealsOf(data, k);
    const entries = documentEntries(data, k).map((e) => {
      try {
        const built = buildEntry(ctx, k, data, e);
        return { e, built, refusal: undefined };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return { e, built: undefined, refusal: err };
      }
    });
    const first = entries.find((x) => x.built?.formats.includes('pdf'));
    const docs = html`<div class="docs">
<ul>${entries.map(({ e, built, refusal }) =>
      built
        ? html`<li><a href="${documentUrl(k.id, e, 'pdf')}" data-preview="${documentUrl(k.id, e, 'pdf')}" target="preview">${e.title}</a>
<div class="muted">${built.formats.map((f) => html`<a href="${documentUrl(k.id, e, f, { download: true })}" download>${f === 'pdf' ? 'PDF' : 'Word'}</a> `)}</div>
${built.notices.map((n) => html`<div class="notice">${n.message}</div>`)}</li>`
        : html`<li>${e.title}<div class="error">${refusal!.message}</div>${studioHint(refusal!) ? html`<div class="hint">${studioHint(refusal!)}</div>` : ''}</li>`,
    )}</ul>
<div><div id="preview-title" class="muted">${first?.e.title ?? '没有可以预览的文书'}</div>
${first ? html`<iframe id="preview" name="preview" title="文书预览" src="${documentUrl(k.id, first.e, 'pdf')}"></iframe>` : ''}</div>
</div>`;

    const saved = c.req.query('saved') ? html`<p class="notice saved" role="status">已保存。原来的文件备份在数据文件夹的 .backup/ 里；下面的文书已按新的内容生成。</p>` : '';
    const body = html`${saved}
<p><a href="/customers">← 客户列表</a> · <a href="/customers/${k.id}/edit">编辑单位和联系人</a> · <a href="/customers/${k.id}/visits/new">记一次拜访</a></p>
<h2>单位</h2>
<dl class="facts">
${fact(['id'], k.id)}${fact(['system'], k.system)}${fact(['status'], k.status)}<dt>级别</dt><dd>${cls ?? '未分级'}</dd>
${fact(['address'], k.address)}${fact(['postcode'], k.postcode)}${fact(['phone'], k.phone)}${fact(['website'], k.website)}
${fact(['headcount'], k.headcount)}${fact(['economy'], k.economy)}${fact(['welfareEmphasis'], k.welfareEmphasis)}
${fact(['expectedAnnualPurchase'], k.expectedAnnualPurchase === undefined ? undefined : formatMoney(k.expectedAnnualPurchase))}
${fact(['chance'], k.chance)}${fact(['accountManager'], k.accountManager)}
${fact(['intermediary'], k.intermediary && `${k.intermediary.name}（${k.intermediary.relation}）`)}
${fact(['notes'], k.notes)}
</dl>
<h2>联系人</h2>
<table class="contacts"><thead><tr><th>姓名</th><th>角色</th><th>职务</th><th>办公电话</th><th>手机${internalTag}</th><th>VIP</th></tr></thead>
<tbody>${k.contacts.map((p) => html`<tr><td>${p.name}</td><td>${p.role}</td><td>${p.title ?? ''}</td><td>${p.officePhone ?? ''}</td><td>${p.mobile ?? ''}</td><td>${vipOf(k, p, data).label}</td></tr>`)}</tbody></table>
<h2>拜访记录</h2>
${(k.visits ?? []).length === 0 ? html`<p class="muted">还没有拜访记录。</p>` : html`<table class="visits"><thead><tr><th>日期</th><th>方式</th><th>拜访人</th><th>会见对象</th><th>结果</th><th>下一步</th><th>下次日期</th></tr></thead>
<tbody>${[...(k.visits ?? [])].reverse().map((v) => html`<tr><td>${v.date}</td><td>${v.mode}</td><td>${v.by}</td><td>${(v.met ?? []).join('、')}</td><td>${v.outcome}</td><td>${v.nextStep ?? ''}</td><td>${v.nextDate ?? ''}</td></tr>`)}</tbody></table>`}
<h2>购买记录</h2>
${(k.purchases ?? []).length === 0 ? html`<p class="muted">没有购买记录。</p>` : html`<table class="purchases"><thead><tr><th>日期</th><th>产品</th><th class="num">瓶数</th><th class="num">金额</th><th>经办人</th></tr></thead>
<tbody>${(k.purchases ?? []).map((p) => html`<tr><td>${p.date}</td><td>${data.products.get(p.product)?.name ?? p.product}</td><td class="num">${p.bottles}</td><td class="num">${formatMoney(p.amount)}</td><td>${p.buyer ?? ''}</td></tr>`)}</tbody></table>`}
<h2>方案</h2>
${deals.length === 0 ? html`<p class="muted">没有方案。</p>` : html`<table class="deals"><thead><tr><th>编号</th><th>场合</th><th>状态</th><th>有效期至</th><th>产品</th><th></th></tr></thead>
<tbody>${deals.map((d) => html`<tr><td>${d.id}</td><td>${d.occasion}${d.year ?? ''}</td><td>${d.status}</td><td>${d.validUntil}</td><td>${d.items.map((i) => data.products.get(i.product)?.name ?? i.product).join('、')}</td><td><a href="/customers/${k.id}/deals/${d.id}/edit">编辑</a></td></tr>`)}</tbody></table>`}
<h2 id="documents">文书</h2>
${docs}`;
    return c.html(page({ title: k.name, active: 'customers', body }));
  });
