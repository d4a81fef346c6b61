// 编辑: the unit and its contacts (added, removed), and a deal (products, tiers, per-person
// allocation, discount, commission), each through readRecord / saveRecord.
import { Hono } from 'hono';
import type { DataSet } from '../../data/dataset.ts';
import { customerSchema, dealSchema } from '../../data/schema.ts';
import type { RouteModule, StudioContext } from '../context.ts';
import type { FormSpec } from '../forms.ts';
import { html } from '../html.ts';
import { customerById, dealOf, editableCustomer } from '../lookup.ts';
import { checkForm, saveForm, showForm, type RecordForm } from '../record-form.ts';

const CUSTOMER_FORM: FormSpec = {
  kind: 'customer',
  schema: customerSchema,
  fields: [
    { key: 'name' }, { key: 'system' }, { key: 'status' }, { key: 'address' }, { key: 'postcode' }, { key: 'phone' }, { key: 'website' },
    { key: 'headcount' }, { key: 'economy' }, { key: 'welfareEmphasis' }, { key: 'expectedAnnualPurchase', placeholder: '元，如 500000' }, { key: 'chance' },
    { key: 'accountManager' }, { key: 'notes', multiline: true },
  ],
  lists: [
    {
      key: 'contacts',
      item: '联系人',
      fields: [
        { key: 'name' }, { key: 'role' }, { key: 'title' }, { key: 'rank' }, { key: 'gender' }, { key: 'salutation' },
        { key: 'officePhone', placeholder: '0471-7320001' }, { key: 'homePhone' }, { key: 'mobile', placeholder: '11 位，如 13904710888' }, { key: 'wechat' }, { key: 'email' },
        { key: 'homeAddress' }, { key: 'homePostcode' }, { key: 'birthday', placeholder: '1965-08-08 或 农历三月十八' }, { key: 'anniversary' },
        { key: 'hobbies', placeholder: '用顿号分开' }, { key: 'notes', multiline: true },
      ],
    },
  ],
};

function dealForm(data: DataSet): FormSpec {
  const products = [...data.products.values()].map((p) => ({ value: p.id, text: `${p.id} ${p.name}` }));
  return {
    kind: 'deal',
    schema: dealSchema,
    fields: [
      { key: 'occasion' }, { key: 'year' }, { key: 'validUntil', placeholder: '2027-01-20' }, { key: 'status' }, { key: 'extraDiscount', placeholder: '%，如 3' },
      { key: 'commission.to' }, { key: 'commission.rate', placeholder: '%' }, { key: 'commission.agreement' }, { key: 'commission.booked' },
      { key: 'notes', multiline: true },
    ],
    lists: [
      { key: 'items', item: '产品', fields: [{ key: 'product', choices: products }, { key: 'cases' }, { key: 'bottles' }] },
      { key: 'allocation', item: '分配档', fields: [{ key: 'tier' }, { key: 'people' }, { key: 'bottlesEach' }, { key: 'product', choices: products }] },
    ],
  };
}

function customerForm(ctx: StudioContext, id: string): RecordForm {
  const { customer } = editableCustomer(ctx, id);
  const at = `/customers/${id}`;
  return {
    ref: { kind: 'customer', id },
    spec: CUSTOMER_FORM,
    title: `编辑：${customer?.name ?? id}`,
    action: `${at}/edit`,
    check: `${at}/check`,
    done: at,
    intro: html`<p><a href="${at}">← 返回客户页</a> · 客户编号 ${id}（不能在这里修改）</p>`,
  };
}

function dealRecordForm(ctx: StudioContext, id: string, dealId: string): RecordForm {
  const { data, customer } = customerById(ctx, id);
  const deal = dealOf(data, customer, dealId);
  const at = `/customers/${id}`;
  return {
    ref: { kind: 'deal', id: deal.id },
    spec: dealForm(data),
    title: `编辑方案：${deal.id}`,
    action: `${at}/deals/${deal.id}/edit`,
    check: `${at}/deals/${deal.id}/check`,
    done: at,
    intro: html`<p><a href="${at}">← 返回 ${customer.name}</a> · 方案编号 ${deal.id}（不能在这里修改）</p>`,
  };
}

export const edit: RouteModule = (ctx) =>
  new Hono()
    .get('/:id/edit', (c) => showForm(c, ctx, customerForm(ctx, c.req.param('id'))))
    .post('/:id/edit', (c) => saveForm(c, ctx, customerForm(ctx, c.req.param('id'))))
    .post('/:id/check', (c) => checkForm(c, ctx, customerForm(ctx, c.req.param('id'))))
    .get('/:id/deals/:deal/edit', (c) => showForm(c, ctx, dealRecordForm(ctx, c.req.param('id'), c.req.param('deal'))))
    .post('/:id/deals/:deal/edit', (c) => saveForm(c, ctx, dealRecordForm(ctx, c.req.param('id'), c.req.param('deal'))))
    .post('/:id/deals/:deal/check', (c) => checkForm(c, ctx, dealRecordForm(ctx, c.req.param('id'), c.req.param('deal'))));
