// The studio's edit forms on a copy of the sample data: errors at the field as check words
// them, while typing and on save, with the file untouched; a save that keeps the file's
// comments, makes a backup and shows in the next preview; a conflict refused with a reload.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dataCopy, tempDir } from '../pipeline/build.ts';
import { pdfPages } from '../writers/text.ts';
import { fieldError, formValues, studio, textOf, type Studio } from './helpers.ts';

const COMMENT = '# 客户编号，勿改';
const MOBILE_ERROR = '应为 11 位手机号（可带 +86），如 13812345678';

describe('the edit forms', () => {
  let tmp: ReturnType<typeof tempDir>;
  let data: string;
  let s: Studio;
  let file: string;
  const read = () => readFileSync(file, 'utf8');
  const yaml = () => parse(read(), { schema: 'failsafe' });
  beforeEach(() => {
    tmp = tempDir('studio-edit');
    data = dataCopy(tmp.dir, 'customers/mengyuan-ruye.yaml', (t) => t.replace('id: mengyuan-ruye', `id: mengyuan-ruye ${COMMENT}`));
    file = path.join(data, 'customers/mengyuan-ruye.yaml');
    s = studio({ data });
  });
  afterEach(() => tmp.remove());

  const form = async (at = '/customers/mengyuan-ruye/edit') => formValues(await s.page(at));

  it('shows the unit and every contact with the file’s values, the internal fields marked 内部', async () => {
    const page = await s.page('/customers/mengyuan-ruye/edit');
    const values = formValues(page);
    expect(values['name']).toBe('蒙源乳业集团有限公司');
    expect(values['system']).toBe('实力企业');
    expect(values['contacts[1].mobile']).toBe('15147106612');
    expect(values['contacts[0].hobbies']).toBe('草原越野、收藏老酒');
    expect(values['_count.contacts']).toBe('3');
    expect(values['_version']).toMatch(/^[0-9a-f]{8,}$/);
    expect(page).toMatch(/data-field="contacts\[1\]\.mobile">\s*<label for="[^"]+">手机<span class="tag-internal"/);
    expect(page).toMatch(/data-field="contacts\[1\]\.notes">\s*<label for="[^"]+">备注<span class="tag-internal"/);
    expect(page).toMatch(/data-field="name">\s*<label for="in-name">单位名称<\/label>/);
    expect(page).toMatch(/data-field="address">\s*<label for="in-address">单位地址<\/label>/);
  });

  it('checks the form as it is typed: a wrong mobile named at its field as check words it, the file untouched', async () => {
    const before = read();
    const values = await form();
    const res = await s.post('/customers/mengyuan-ruye/check', { ...values, 'contacts[1].mobile': '1514710661' });
    expect(res.status).toBe(200);
    const { issues } = (await res.json()) as { issues: { field: string; label: string; severity: string; message: string }[] };
    expect(issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ field: 'contacts[1].mobile', label: '手机', message: MOBILE_ERROR })]);
    const clean = await s.post('/customers/mengyuan-ruye/check', values);
    expect(((await clean.json()) as { issues: unknown[] }).issues).toEqual([]);
    expect(read()).toBe(before);
  });

  it('refuses a save while an error stands: the error at the field, the typed values kept, nothing written', async () => {
    const before = read();
    const values = await form();
    const res = await s.post('/customers/mengyuan-ruye/edit', { ...values, 'contacts[1].mobile': '1514710661', _op: 'save' });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(fieldError(page, 'contacts[1].mobile')).toBe(MOBILE_ERROR);
    expect(formValues(page)['contacts[1].mobile']).toBe('1514710661');
    expect(textOf(page)).toContain('有 1 处错误，没有保存');
    expect(read()).toBe(before);
    expect(existsSync(path.join(data, '.backup'))).toBe(false);
  });

  it('saves a corrected value: the comments kept, a backup made, the new document in the next preview', async () => {
    const values = await form();
    const res = await s.post('/customers/mengyuan-ruye/edit', { ...values, 'contacts[1].mobile': '15147106699', name: '蒙源乳业集团股份有限公司', _op: 'save' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/customers/mengyuan-ruye?saved=1');
    const text = read();
    expect(text).toContain(`id: mengyuan-ruye ${COMMENT}`);
    expect(text).toContain('    mobile: "15147106699"');
    expect(text).toContain('name: 蒙源乳业集团股份有限公司');
    expect(yaml().contacts[0].mobile).toBe('13904710888');
    const [backup] = readdirSync(path.join(data, '.backup'));
    expect(readFileSync(path.join(data, '.backup', backup!, 'customers/mengyuan-ruye.yaml'), 'utf8')).toContain('15147106612');
    expect(textOf(await s.page('/customers/mengyuan-ruye?saved=1'))).toContain('已保存');
    const pdf = await s.get('/customers/mengyuan-ruye/documents/proposal.pdf?deal=2027-chunjie-mengyuan');
    expect((await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join('')).toContain('蒙源乳业集团股份有限公司');
  });

  it('changes only what was changed: a form saved as shown leaves the file as it was', async () => {
    const before = read();
    const res = await s.post('/customers/mengyuan-ruye/edit', { ...(await form()), _op: 'save' });
    expect(res.status).toBe(303);
    expect(read()).toBe(before);
  });

  it('refuses a save when the file changed on disk since the form was opened, offering to reload', async () => {
    const values = await form();
    const edited = read().replace('economy: 好', 'economy: 较好');
    writeFileSync(file, edited);
    const res = await s.post('/customers/mengyuan-ruye/edit', { ...values, 'contacts[1].mobile': '15147106699', _op: 'save' });
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(textOf(page)).toContain('没有保存：这个文件在你打开表单之后被改过');
    expect(page).toContain('<a class="button" href="/customers/mengyuan-ruye/edit">重新载入</a>');
    expect(read()).toBe(edited);
    expect(formValues(await s.page('/customers/mengyuan-ruye/edit'))['economy']).toBe('较好');
  });

  it('adds a contact (a blank block first, nothing saved) and removes one', async () => {
    const added = await s.post('/customers/mengyuan-ruye/edit', { ...(await form()), _op: 'add:contacts' });
    expect(added.status).toBe(200);
    const page = await added.text();
    const values = formValues(page);
    expect(values['_count.contacts']).toBe('4');
    expect(values['contacts[3].name']).toBe('');
    expect(yaml().contacts).toHaveLength(3);
    const saved = await s.post('/customers/mengyuan-ruye/edit', { ...values, 'contacts[3].name': '苏日娜', 'contacts[3].role': '办公室主任', 'contacts[3].mobile': '13847100001', _remove: 'contacts[2]', _op: 'save' });
    expect(saved.status).toBe(303);
    expect(yaml().contacts.map((k: { name: string }) => k.name)).toEqual(['张振邦', '其木格', '苏日娜']);
    expect(yaml().contacts[2]).toEqual({ name: '苏日娜', role: '办公室主任', mobile: '13847100001' });
  });

  it('names an error at the form’s own field when removing a contact moved the others up', async () => {
    const res = await s.post('/customers/mengyuan-ruye/check', { ...(await form()), _remove: 'contacts[0]', 'contacts[2].mobile': '123' });
    const { issues } = (await res.json()) as { issues: { field: string; message: string }[] };
    expect(issues.find((i) => i.message === MOBILE_ERROR)?.field).toBe('contacts[2].mobile');
  });

  it('refuses to remove the last contact, as check words it', async () => {
    const res = await s.post('/customers/mengyuan-ruye/edit', { ...(await form()), _remove: ['contacts[0]', 'contacts[1]', 'contacts[2]'], _op: 'save' });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('至少需要一位联系人');
    expect(yaml().contacts).toHaveLength(3);
  });

  it('edits a deal: a product’s cases checked at the field, saved with the file’s comments kept', async () => {
    const at = '/customers/mengyuan-ruye/deals/2027-chunjie-mengyuan/edit';
    const values = await form(at);
    expect(values['items[1].product']).toBe('NX52-JC');
    expect(values['items[1].cases']).toBe('270');
    expect(values['allocation[2].people']).toBe('810');
    const page = await s.page(at);
    expect(page).toMatch(/data-field="commission.rate">\s*<label for="[^"]+">佣金比例（%）<span class="tag-internal"/);
    const bad = await s.post(at.replace('/edit', '/check'), { ...values, 'items[1].cases': '二百' });
    const { issues } = (await bad.json()) as { issues: { field: string; severity: string }[] };
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual(['items[1].cases']);
    const saved = await s.post(at, { ...values, 'items[1].cases': '280', _op: 'save' });
    expect(saved.status).toBe(303);
    const deal = parse(readFileSync(path.join(data, 'deals/2027-chunjie-mengyuan.yaml'), 'utf8'), { schema: 'failsafe' });
    expect(deal.items[1]).toEqual({ product: 'NX52-JC', cases: '280' });
    expect(readFileSync(path.join(data, 'deals/2027-chunjie-mengyuan.yaml'), 'utf8')).toContain('# 总量 1680 瓶，达到 600 瓶档，额外折让上限 5%');
  });

  it('opens no deal of another customer, and no customer but by its id', async () => {
    expect((await s.get('/customers/mengyuan-ruye/deals/2027-yuandan-shuiwuju/edit')).status).toBe(404);
    expect((await s.post('/customers/mengyuan-ruye/deals/2027-yuandan-shuiwuju/edit', { _op: 'save' })).status).toBe(404);
    expect((await s.get('/customers/..%2Fpolicies/edit')).status).toBe(404);
    expect((await s.post('/customers/..%2Fpolicies/edit', { _op: 'save' })).status).toBe(404);
  });

  describe('记一次拜访', () => {
    it('offers the unit’s people, today and the account manager', async () => {
      const values = await form('/customers/mengyuan-ruye/visits/new');
      expect(values['date']).toBe('2026-11-24');
      expect(values['by']).toBe('王建国');
      expect(values['mode']).toBe('登门');
      const page = await s.page('/customers/mengyuan-ruye/visits/new');
      for (const name of ['张振邦', '其木格', '刘海军']) expect(page).toContain(`<input type="checkbox" name="met" value="${name}">`);
    });

    it('names the wrong fields as the user types and on save, writing nothing', async () => {
      const before = read();
      const values = { date: '2026-11-30', mode: '登门', by: '王建国', met: ['其木格'], outcome: '', nextStep: '', nextDate: '2026-11-20' };
      const res = await s.post('/customers/mengyuan-ruye/visits/check', values);
      const { issues } = (await res.json()) as { issues: { field: string; message: string }[] };
      expect(issues.map((i) => i.field).sort()).toEqual(['date', 'nextDate', 'outcome']);
      expect(issues.find((i) => i.field === 'date')!.message).toContain('晚于今天（2026-11-24）');
      const saved = await s.post('/customers/mengyuan-ruye/visits', values);
      expect(saved.status).toBe(422);
      expect(fieldError(await saved.text(), 'date')).toContain('晚于今天');
      expect(read()).toBe(before);
    });

    it('appends the visit, keeping the file’s comments, and shows it on the customer’s page', async () => {
      const res = await s.post('/customers/mengyuan-ruye/visits', {
        date: '2026-11-24', mode: '电话', by: '王建国', met: ['其木格', '刘海军'], outcome: '确认春节送货批次', nextStep: '送合同', nextDate: '2026-12-01',
      });
      expect(res.status).toBe(303);
      expect(read()).toContain(COMMENT);
      expect(yaml().visits.at(-1)).toEqual({ date: '2026-11-24', mode: '电话', by: '王建国', met: '其木格、刘海军', outcome: '确认春节送货批次', nextStep: '送合同', nextDate: '2026-12-01' });
      expect(textOf(await s.page('/customers/mengyuan-ruye'))).toContain('确认春节送货批次');
    });
  });
});

describe('a customer file with errors', () => {
  it('opens in the edit form with its errors at the fields, so it can be fixed there', async () => {
    const tmp = tempDir('studio-broken');
    try {
      const data = dataCopy(tmp.dir, 'customers/qcxq-shuiwuju.yaml', (t) => t.replace(/mobile: "?(1\d{10})"?/, 'mobile: "1234"'));
      const s = studio({ data });
      const check = await s.page('/check');
      expect(check).toMatch(/<a href="\/customers\/qcxq-shuiwuju\/edit#field-contacts-\d+-mobile">手机<\/a>/);
      const detail = await s.get('/customers/qcxq-shuiwuju');
      expect(detail.status).toBe(422);
      expect(textOf(await detail.text())).toContain('到数据检查页查看全部问题');
      const page = await s.page('/customers/qcxq-shuiwuju/edit');
      const field = /href="\/customers\/qcxq-shuiwuju\/edit#field-contacts-(\d+)-mobile"/.exec(check)![1]!;
      expect(fieldError(page, `contacts[${field}].mobile`)).toBe(MOBILE_ERROR);
      const values = formValues(page);
      const fixed = await s.post('/customers/qcxq-shuiwuju/edit', { ...values, [`contacts[${field}].mobile`]: '13904710000', _op: 'save' });
      expect(fixed.status).toBe(303);
      expect((await s.get('/customers/qcxq-shuiwuju')).status).toBe(200);
    } finally {
      tmp.remove();
    }
  });
});
