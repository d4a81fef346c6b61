// One record's edit form as three handlers: the form (GET), the live check as the user types
// (POST …/check, JSON), and the save (POST): checked as `check` words it, nothing saved while an
// error stands, refused with an offer to reload when the file changed since the form was opened.
import type { Context } from 'hono';
import { checkRecordEdit, readRecord, saveRecord, type RecordRef } from '../app/records.ts';
import { AppError } from '../errors.ts';
import type { StudioContext } from './context.ts';
import { applyForm, fieldIssues, formFields, stateOfForm, stateOfRecord, withItemAdded, type FieldIssue, type FormSpec, type FormState, type PostedForm } from './forms.ts';
import { html, page, type Html } from './html.ts';

export interface RecordForm {
  readonly ref: RecordRef;
  readonly spec: FormSpec;
  readonly title: string;
  /** The form's own address (it posts to itself) and the live check's. */
  readonly action: string;
  readonly check: string;
  /** Where a save leads: the customer's page. */
  readonly done: string;
  /** Above the fields: what the record is, links back. */
  readonly intro: Html;
}

function render(c: Context, f: RecordForm, state: FormState, issues: readonly FieldIssue[], banner: Html | '' = '', status: 200 | 409 | 422 = 200) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  // First in the form as well as last: Enter in a field saves, not the first list's 添加 button.
  const actions = html`<div class="actions"><button type="submit" class="save" name="_op" value="save"${errors > 0 ? html` disabled` : ''}>保存</button> <a class="button secondary" href="${f.done}">取消</a>
<span class="muted">保存前检查全部内容、备份原文件；文件里的注释和格式保持原样。</span></div>`;
  const body = html`${f.intro}${banner}
<form method="post" action="${f.action}" data-check="${f.check}" class="record-form" novalidate>
${actions}
${formFields(f.spec, state, issues)}
${actions}
</form>`;
  return c.html(page({ title: f.title, active: 'customers', body }), status);
}

export function showForm(c: Context, ctx: StudioContext, f: RecordForm) {
  const rec = readRecord(ctx.ws, f.ref);
  return render(c, f, stateOfRecord(f.spec, rec), fieldIssues(rec.issues));
}

/** The issues of the record with the form's values, each at the form's field; nothing written. */
export async function checkForm(c: Context, ctx: StudioContext, f: RecordForm) {
  const state = stateOfForm(f.spec, (await c.req.parseBody({ all: true })) as PostedForm);
  let formIndex: ReadonlyMap<string, readonly number[]> = new Map();
  const issues = checkRecordEdit(ctx.ws, {
    ...f.ref,
    change: (v) => {
      const applied = applyForm(f.spec, state, v);
      formIndex = applied.formIndex;
      return applied.value;
    },
  });
  return c.json({ issues: fieldIssues(issues, formIndex) });
}

export async function saveForm(c: Context, ctx: StudioContext, f: RecordForm) {
  const body = (await c.req.parseBody({ all: true })) as PostedForm;
  const state = stateOfForm(f.spec, body);
  const op = typeof body['_op'] === 'string' ? body['_op'] : 'save';
  if (op.startsWith('add:')) {
    const list = f.spec.lists.find((l) => `add:${l.key}` === op);
    return render(c, f, list ? withItemAdded(state, list.key) : state, []);
  }
  let formIndex: ReadonlyMap<string, readonly number[]> = new Map();
  try {
    saveRecord(ctx.ws, {
      ...f.ref,
      version: state.version,
      change: (v) => {
        const applied = applyForm(f.spec, state, v);
        formIndex = applied.formIndex;
        return applied.value;
      },
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'conflict') {
      const banner = html`<div class="error-box conflict" role="alert"><p class="message">没有保存：这个文件在你打开表单之后被改过（别人或文本编辑器改的），保存会覆盖那些修改。</p>
<p><a class="button" href="${f.action}">重新载入</a> <span class="muted">重新载入后显示文件现在的内容，你这次填写的内容不会保留。</span></p></div>`;
      return render(c, f, state, [], banner, 409);
    }
    const issues = fieldIssues(e.issues, formIndex);
    const banner = html`<div class="error-box" role="alert"><p class="message">${e.issues.length > 0 ? `有 ${e.issues.filter((i) => i.severity === 'error').length} 处错误，没有保存。请看标红的项。` : e.message}</p></div>`;
    return render(c, f, state, issues, banner, 422);
  }
  return c.redirect(`${f.done}?saved=1`, 303);
}
