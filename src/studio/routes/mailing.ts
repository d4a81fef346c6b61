// 节日邮寄: choose the festival, year and customers, see how many letters and when to mail them,
// run the mailing in the background (one at a time) with a progress bar and a cancel button,
// then the manifest and the files to download. Files are served by name from the run's own
// folder, never from a path the request gives.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import { Hono } from 'hono';
import { mailingCustomers, mailingYear, runFestivalMailing, type Mailing } from '../../app/mailing.ts';
import { SYSTEMS } from '../../data/schema.ts';
import { CLASSES, type CustomerClass } from '../../domain/classify.ts';
import { formatChineseDate, type IsoDate } from '../../domain/dates.ts';
import { FESTIVALS, nextFestival, type Festival } from '../../domain/festivals.ts';
import { AppError, UsageError } from '../../errors.ts';
import { notMadeIn, type ManifestRow } from '../../letters/batch.ts';
import { writerCount } from '../../pipeline/writers.ts';
import { readRegular } from '../../util/fs.ts';
import { planFor } from '../../views/facts.ts';
import type { RouteModule, StudioContext } from '../context.ts';
import { disposition } from '../disposition.ts';
import { fieldAnchor } from '../forms.ts';
import { html, page, type Html } from '../html.ts';
import { Jobs, type Job } from '../jobs.ts';

const STATUSES = ['现有', '潜在'] as const;

/** What a mailing is asked for: the form's fields, checked. */
export interface MailingRequest {
  readonly festival: Festival;
  /** Absent: the festival's next occurrence. */
  readonly year: number | undefined;
  readonly classes: readonly CustomerClass[];
  readonly systems: readonly string[];
  readonly status: readonly string[];
  readonly vipOnly: boolean;
  readonly labels: boolean;
}

/** A run as its page needs it, after the end: not the data it read. */
interface Outcome {
  readonly folder: string;
  readonly rows: readonly ManifestRow[];
  readonly files: readonly string[];
  readonly mailingDate: IsoDate;
  readonly mailingPast: boolean;
  readonly mailDaysBefore: number;
  readonly cancelled: boolean;
  readonly removed: readonly string[];
}

interface Label {
  readonly request: MailingRequest;
  readonly year: number;
  /** The folder the run writes: a later run of the same festival and year writes over it. */
  readonly folder: string;
}

type MailingJob = Job<Outcome, Label>;

/** The form's values: every field may repeat (checkboxes); a value outside its choices is refused. */
export function mailingRequest(values: (name: string) => readonly string[]): MailingRequest {
  const one = (name: string) => values(name).find((v) => v.trim() !== '')?.trim();
  const festival = one('festival') ?? '';
  if (!(FESTIVALS as readonly string[]).includes(festival)) throw new UsageError(`请选择节日：${FESTIVALS.join('、')}`);
  const yearText = one('year');
  if (yearText !== undefined && !/^\d{4}$/.test(yearText)) throw new UsageError(`年份要写四位数字，如 2027，收到：${yearText}`);
  const pick = <T extends string>(name: string, label: string, choices: readonly T[]): T[] => {
    const given = values(name).filter((v) => v !== '');
    const wrong = given.filter((v) => !(choices as readonly string[]).includes(v));
    if (wrong.length > 0) throw new UsageError(`${label}只能选 ${choices.join('、')}，收到：${wrong.join('、')}`);
    return choices.filter((c) => given.includes(c));
  };
  return {
    festival: festival as Festival,
    year: yearText === undefined ? undefined : Number(yearText),
    classes: pick('class', '级别', CLASSES),
    systems: pick('system', '所属系统', SYSTEMS),
    status: pick('status', '客户状态', STATUSES),
    vipOnly: values('vip').includes('1'),
    labels: values('labels').includes('1'),
  };
}

/** The API's selection: an empty choice means every customer, as no option does on the command line. */
const selection = (r: MailingRequest) => ({
  classes: r.classes.length > 0 ? r.classes : undefined,
  systems: r.systems.length > 0 ? r.systems : undefined,
  status: r.status.length > 0 ? r.status : undefined,
  vipOnly: r.vipOnly,
});

/**
 * What the page offers before anything is chosen: the festival whose mailing date comes next
 * (one whose date is already past only when all of them are).
 */
function nextMailing(ctx: StudioContext): Festival {
  const today = ctx.today();
  const { policies } = ctx.ws.usableData();
  const plans = FESTIVALS.map((f) => planFor(f, nextFestival(f, today).year, today, policies));
  const open = plans.filter((p) => !p.mailingPast);
  return (open.length > 0 ? open : plans).reduce((a, b) => (b.mailingDate < a.mailingDate ? b : a)).festival;
}

const checkbox = (name: string, value: string, on: boolean, text: string) =>
  html`<label class="choice"><input type="checkbox" name="${name}" value="${value}"${on ? html` checked` : ''}> ${text}</label>`;

/** The request as hidden fields, so one button can start (or resume) exactly what the page showed. */
const hidden = (r: MailingRequest, year: number) => html`<input type="hidden" name="festival" value="${r.festival}">
<input type="hidden" name="year" value="${year}">
${r.classes.map((v) => html`<input type="hidden" name="class" value="${v}">`)}
${r.systems.map((v) => html`<input type="hidden" name="system" value="${v}">`)}
${r.status.map((v) => html`<input type="hidden" name="status" value="${v}">`)}
${r.vipOnly ? html`<input type="hidden" name="vip" value="1">` : ''}
${r.labels ? html`<input type="hidden" name="labels" value="1">` : ''}`;

/**
 * The look of the 节日邮寄 and 导入/导出 pages beyond the studio's shared style sheet (the studio
 * branch owns that one): the mailing form, progress bar, manifest and import plan.
 */
const PAGES_CSS = `
.mailing-form { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: flex-end; padding: .8em 1em; background: var(--bg); border-radius: 6px; }
.mailing-form > label { display: flex; flex-direction: column; font-size: .9em; color: var(--muted); }
.mailing-form fieldset { margin: 0; padding: .2em .8em .5em; background: #fff; }
.mailing-form legend { font-size: .9em; }
label.choice { display: inline-flex; align-items: center; gap: .25em; margin-right: .9em; white-space: nowrap; }
.mailing-preview { border: 1px solid var(--line); border-radius: 6px; padding: .4em 1em .8em; margin: 1em 0; }
.mailing-preview .letters { font-size: 1.3em; color: var(--accent); }
.mailing-preview form { display: inline-block; margin-right: .8em; }
.job progress { display: block; width: 100%; max-width: 40em; height: 1.4em; margin: .6em 0 .2em; accent-color: var(--accent); }
.summary { font-size: 1.05em; }
ul.downloads { padding-left: 1.2em; }
ul.downloads li { margin: .25em 0; }
tr.failed-row { background: #fff5f5; }
tr.skipped-row { background: #fff8e6; }
table.issues tr.error td:first-child, table.plan tr.error td:first-child { color: var(--bad); font-weight: 600; }
table.issues tr.warning td:first-child { color: var(--warn); }
table.issues td.cell { font-family: ui-monospace, monospace; }
form.upload { display: flex; gap: 1em; align-items: center; padding: .8em 1em; background: var(--bg); border-radius: 6px; margin: .6em 0; }
`;

/** The link to PAGES_CSS, first in the body of these pages (the layout's head is the studio's). */
export const pagesStyle = html`<link rel="stylesheet" href="/mailing/pages.css">`;

function form(r: MailingRequest): Html {
  return html`<form class="mailing-form" method="get" action="/mailing">
<label>节日<select name="festival">${FESTIVALS.map((f) => html`<option${f === r.festival ? html` selected` : ''}>${f}</option>`)}</select></label>
<label>年份<input type="text" name="year" inputmode="numeric" size="6" value="${r.year ?? ''}" placeholder="最近一次"></label>
<fieldset><legend>级别</legend>${CLASSES.map((v) => checkbox('class', v, r.classes.includes(v), v))}</fieldset>
<fieldset><legend>所属系统</legend>${SYSTEMS.map((v) => checkbox('system', v, r.systems.includes(v), v))}</fieldset>
<fieldset><legend>客户状态</legend>${STATUSES.map((v) => checkbox('status', v, r.status.includes(v), v))}</fieldset>
<fieldset><legend>其他</legend>${checkbox('vip', '1', r.vipOnly, '只寄有 VIP 或符合 VIP 条件联系人的客户')}${checkbox('labels', '1', r.labels, '打印 A4 地址标签（代替 DL 信封）')}</fieldset>
<button type="submit">查看</button>
</form>
<p class="muted">不勾选某一项时不按它筛选。</p>`;
}

/** How many letters, and when to mail them, before anything is written. */
function preview(ctx: StudioContext, r: MailingRequest, busy: MailingJob | undefined): Html {
  const today = ctx.today();
  let year: number;
  try {
    year = mailingYear(r.festival, r.year, today);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return html`<div class="error-box"><p class="message">${e.message}</p>${e.hint ? html`<p class="hint">${e.hint}：年份不填即可</p>` : ''}</div>`;
  }
  const data = ctx.ws.usableData();
  const customers = mailingCustomers(data, selection(r));
  const noPostcode = customers.filter((c) => !c.postcode).length;
  const plan = planFor(r.festival, year, today, data.policies);
  const broken = data.rejectedCustomers.size;
  const letters = customers.length - noPostcode;
  const start = busy
    ? html`<p class="notice">另一次节日邮寄正在进行：<a href="/mailing/jobs/${busy.id}">查看进度</a>。它结束后才能开始新的。</p>`
    : customers.length === 0
      ? html`<p class="notice">没有客户符合所选的条件，没有信函要寄。</p>`
      : letters === 0
        ? html`<p class="notice">选中的客户都缺少邮编，没有信函能寄：请先在客户资料里填上邮编。</p>`
        : startForms(r, year, letters, notMadeIn(mailingFolder(ctx, r.festival, year)));
  return html`<section class="mailing-preview">
<p class="summary"><strong>${year}年${r.festival}</strong>（${formatChineseDate(plan.festivalDate)}）：<strong class="letters">${letters}</strong> 封信函${noPostcode > 0 ? `，另有 ${noPostcode} 个客户缺少邮编，会跳过` : ''}。</p>
<p>应在 <strong class="mail-date">${formatChineseDate(plan.mailingDate)}</strong> 寄出（节日前 ${data.policies.festivalLead.mailDaysBefore} 天），首次拜访在 ${formatChineseDate(plan.firstVisitFrom)} 至 ${formatChineseDate(plan.firstVisitTo)}，共至少 ${plan.minVisits} 次拜访。</p>
${plan.mailingPast ? html`<p class="notice">寄出日期已经过了，请尽快寄出；跟进日程从今天算起。</p>` : ''}
${broken > 0 ? html`<p class="notice">有 ${broken} 个客户文件有错误读不进来，清单里记为失败：<a href="/check">到数据检查页改正</a>。</p>` : ''}
<p class="muted">输出在 ${mailingFolder(ctx, r.festival, year)}，每个客户一封信（PDF 和 .docx），另有合并打印文件、${r.labels ? '地址标签' : '信封'}、清单和跟进日程。</p>
${start}
</section>`;
}

const mailingFolder = (ctx: StudioContext, festival: Festival, year: number): string => path.join(ctx.outDir, `${year}-${festival}`);

/** Start; or, where a stopped run (cancelled, or the studio closed) left letters unmade, resume it first. */
function startForms(r: MailingRequest, year: number, letters: number, notMade: number): Html {
  const button = (resume: boolean, text: string, primary: boolean) =>
    html`<form method="post" action="/mailing/jobs">${hidden(r, year)}${resume ? html`<input type="hidden" name="resume" value="1">` : ''}<button type="submit" class="${primary ? 'primary' : 'secondary'}">${text}</button></form>`;
  if (notMade === 0) return button(false, `生成 ${letters} 封信函`, true);
  return html`<p class="notice">上次在这个文件夹里的生成中途停止，还有 ${notMade} 个客户的信函没有生成。接着做只生成还没有的，已写好的不再重写。</p>
${button(true, '接着上次做', true)}${button(false, `全部重新生成 ${letters} 封`, false)}`;
}

const STATE_WORDS = { running: '正在生成', done: '已完成', cancelled: '已取消', failed: '没有完成' } as const;

/**
 * Where a failed row's problem can be fixed: the first field its issues name, in the row's
 * customer form (a customer file may be named otherwise than its id) or in the deal file's form.
 */
export function fixLink(row: ManifestRow): string {
  const customer = `/customers/${encodeURIComponent(row.id)}`;
  for (const issue of row.issues ?? []) {
    const at = /(?:^|[/\\])(customers|deals)[/\\]([^/\\]+)\.ya?ml$/.exec(issue.file);
    if (!at || issue.field === '') continue;
    return `${customer}${at[1] === 'deals' ? `/deals/${encodeURIComponent(at[2]!)}` : ''}/edit#${fieldAnchor(issue.field)}`;
  }
  return customer;
}

/** The files a visitor may download: what the run wrote directly in its folder (volumes, manifest, follow-up). */
function downloads(o: Outcome): string[] {
  return o.files.filter((f) => path.dirname(f) === o.folder).map((f) => path.basename(f));
}

const KINDS: readonly (readonly [RegExp, string])[] = [
  [/^print-(\d+)\.pdf$/, '合并打印文件 第 $1 册'],
  [/^envelopes-(\d+)\.pdf$/, '信封 第 $1 册'],
  [/^labels-(\d+)\.pdf$/, '地址标签 第 $1 册'],
  [/^manifest\.csv$/, '清单（Excel 可打开）'],
  [/^follow-up\.csv$/, '跟进日程（Excel 可打开）'],
  [/^follow-up\.ics$/, '跟进日程（日历文件，可导入手机或 Outlook 日历）'],
];
const fileTitle = (name: string): string => {
  for (const [re, text] of KINDS) if (re.test(name)) return name.replace(re, text).replace(/第 0*(\d+) 册/, '第 $1 册');
  return name;
};

function jobPage(job: MailingJob, superseded: MailingJob | undefined): Html {
  const { request: r, year } = job.label;
  const head = html`<p><strong>${year}年${r.festival}</strong> · ${STATE_WORDS[job.state]} · 开始于 ${job.startedAt.toLocaleTimeString('zh-CN', { hour12: false })}</p>`;
  if (job.state === 'running') {
    const total = job.total ?? 0;
    return html`${head}
<div class="job" data-status="/mailing/jobs/${job.id}/status">
<progress max="${Math.max(total, 1)}" value="${job.done}"></progress>
<p class="progress-text">已处理 <span class="done">${job.done}</span> / <span class="total">${total || '…'}</span> 个客户</p>
<form method="post" action="/mailing/jobs/${job.id}/cancel"><button type="submit">取消</button></form>
<p class="muted">取消后，已经开始写的信写完就停；清单里列出没有生成的客户，之后可以接着做。</p>
</div>
<noscript><meta http-equiv="refresh" content="2"></noscript>
<script src="/mailing/progress.js" defer></script>`;
  }
  const o = job.result;
  if (!o) {
    // Stopped before the first letter: a problem every letter would have had, or a cancel.
    const e = job.error;
    const message = e instanceof AppError ? e.message : '节日邮寄出了内部错误，详细信息已打印在启动工作台的终端里。';
    return html`${head}<div class="error-box"><p class="message">${message}</p>${e instanceof AppError && e.hint ? html`<p class="hint">${e.hint}</p>` : ''}</div>
<p>这次一封信也没有写。${job.state === 'failed' ? html`<a href="/check">到数据检查页查看</a> · ` : ''}<a href="${formLink(r)}">回到节日邮寄</a></p>`;
  }
  const count = (p: string) => o.rows.filter((x) => x.status.startsWith(p)).length;
  const notes = [
    ...(o.mailingPast ? [`按提前 ${o.mailDaysBefore} 天邮寄，应在 ${formatChineseDate(o.mailingDate)} 寄出，这个日期已经过了，请尽快寄出；跟进日程已从今天算起。`] : []),
    ...(o.cancelled ? ['已取消：清单里标为“已取消”的客户没有生成信函，可以接着做。'] : []),
    ...(o.rows.length === 0 ? ['没有客户符合所选的条件，没有信函要寄。'] : []),
    ...(o.removed.length > 0 ? [`删除了上次运行留在这里的 ${o.removed.map((f) => path.basename(f)).join('、')}，免得重复打印。`] : []),
  ];
  const files = downloads(o);
  const letters = o.rows.filter((x) => x.status === 'ok').length;
  const resume = o.cancelled
    ? html`<form method="post" action="/mailing/jobs">${hidden(r, year)}<input type="hidden" name="resume" value="1"><button type="submit" class="primary">接着做</button></form>`
    : '';
  // Problems first: they are what the page is read for; the rest in print order.
  const rows = [...o.rows.filter((x) => x.status.startsWith('failed')), ...o.rows.filter((x) => x.status.startsWith('skipped')), ...o.rows.filter((x) => x.status === 'ok')];
  return html`${head}
<p class="summary"><span class="ok">${letters} 封信函已生成</span>，${count('skipped')} 个跳过，<span class="${count('failed') > 0 ? 'error' : ''}">${count('failed')} 个失败</span>。</p>
${o.mailingPast ? '' : html`<p>应在 <strong>${formatChineseDate(o.mailingDate)}</strong> 寄出。</p>`}
${notes.map((n) => html`<p class="notice">${n}</p>`)}
${resume}
${
  superseded
    ? html`<p class="notice">之后的一次生成（<a href="/mailing/jobs/${superseded.id}">${superseded.startedAt.toLocaleTimeString('zh-CN', { hour12: false })}</a>）写在同一个文件夹里，这次的文件已被它替换，请从那里下载。</p>`
    : html`<h2>下载</h2><ul class="downloads">
${letters > 0 ? html`<li><a href="/mailing/jobs/${job.id}/letters.zip" download>全部信函（${letters} 封，PDF 和 .docx，一个 zip 文件）</a></li>` : ''}
${files.map((f) => html`<li><a href="/mailing/jobs/${job.id}/files/${f}" download>${fileTitle(f)}</a> <span class="muted">${f}</span></li>`)}
</ul>
<p class="muted">文件在 ${o.folder}</p>`
}
<h2>清单</h2>
<table class="manifest">
<thead><tr><th>客户编号</th><th>单位名称</th><th>收信人</th><th>地址</th><th>邮编</th><th>状态</th></tr></thead>
<tbody>
${rows.map((x) => {
  const failed = x.status.startsWith('failed');
  const status = x.status === 'ok' ? html`<span class="ok">已生成</span>` : failed ? html`<a class="error" href="${fixLink(x)}">${x.status.replace(/^failed: /, '失败：')}</a>` : html`<span class="warning">${x.status.replace(/^skipped: /, '跳过：')}</span>`;
  return html`<tr class="${x.status === 'ok' ? 'ok-row' : failed ? 'failed-row' : 'skipped-row'}"><td>${x.id}</td><td>${x.unit}</td><td>${x.recipient}</td><td>${x.address}</td><td>${x.postcode}</td><td>${status}</td></tr>\n`;
})}
</tbody></table>
<p><a href="${formLink(r)}">回到节日邮寄</a></p>`;
}

/** The form page showing this request again. */
function formLink(r: MailingRequest): string {
  const q = new URLSearchParams({ festival: r.festival, ...(r.year ? { year: String(r.year) } : {}), ...(r.vipOnly ? { vip: '1' } : {}), ...(r.labels ? { labels: '1' } : {}) });
  for (const [name, values] of [['class', r.classes], ['system', r.systems], ['status', r.status]] as const) for (const v of values) q.append(name, v);
  return `/mailing?${q}`;
}

function history(jobs: readonly MailingJob[]): Html {
  if (jobs.length === 0) return html``;
  return html`<h2>这次打开工作台以来的邮寄</h2><ul class="jobs">${jobs.map(
    (j) => html`<li><a href="/mailing/jobs/${j.id}">${j.label.year}年${j.label.request.festival}</a> · ${STATE_WORDS[j.state]} · ${j.startedAt.toLocaleTimeString('zh-CN', { hour12: false })}</li>`,
  )}</ul>`;
}

/** A newer run writing (or that wrote) the same folder, replacing this one's files; one stopped before its first letter wrote nothing. */
function supersededBy(jobs: Jobs<Outcome, Label>, job: MailingJob): MailingJob | undefined {
  const newestFirst = jobs.list();
  const newer = newestFirst.slice(0, newestFirst.indexOf(job));
  return newer.find((j) => j.label.folder === job.label.folder && (j.state === 'running' || j.result !== undefined));
}


const TYPES: Readonly<Record<string, string>> = { '.pdf': 'application/pdf', '.csv': 'text/csv; charset=utf-8', '.ics': 'text/calendar; charset=utf-8' };

/** Far above any print volume (250 letters ≈ a few MB). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The letters as one zip, file by file as the download is read: a thousand letters are never all in memory. */
function zipOf(folder: string, names: readonly string[], date: Date): ReadableStream<Uint8Array> {
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      if (next === names.length) return zip.end();
      const name = names[next++]!;
      // Already compressed (PDF streams, .docx is a zip): stored as they are.
      const entry = new ZipPassThrough(name);
      entry.mtime = date;
      zip.add(entry);
      entry.push(await readFile(path.join(folder, name)), true);
    },
  });
}


/** A finished job's outcome, while its files are still its own. */
function filesOf(jobs: Jobs<Outcome, Label>, job: MailingJob): Outcome | undefined {
  return job.result && !supersededBy(jobs, job) ? job.result : undefined;
}

const PROGRESS_JS = `// Polls the running mailing's status and moves the progress bar; reloads the page when it ends.
(function () {
  var box = document.querySelector('[data-status]');
  if (!box) return;
  var bar = box.querySelector('progress'), done = box.querySelector('.done'), total = box.querySelector('.total');
  function poll() {
    fetch(box.getAttribute('data-status'), { headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.total !== null) { bar.max = Math.max(s.total, 1); total.textContent = s.total; }
        bar.value = s.done; done.textContent = s.done;
        if (s.state === 'running') setTimeout(poll, 400); else location.reload();
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  setTimeout(poll, 400);
})();
`;

export const mailing: RouteModule = (ctx) => {
  const jobs = new Jobs<Outcome, Label>({ cancelled: (o) => o.cancelled });
  ctx.stoppers.push(async () => {
    const job = jobs.running();
    if (!job) return undefined;
    job.cancel();
    await job.finished;
    return { kind: 'mailing', folder: job.result?.folder, done: job.done, total: job.total };
  });

  const start = (r: MailingRequest, resume: boolean) => {
    const today = ctx.today();
    const year = mailingYear(r.festival, r.year, today);
    const folder = mailingFolder(ctx, r.festival, year);
    return jobs.start({ request: { ...r, year }, year, folder }, async ({ signal, progress }) => {
      const count = mailingCustomers(ctx.ws.usableData(), selection(r)).length;
      const m: Mailing = await runFestivalMailing(ctx.ws, {
        festival: r.festival,
        year,
        today,
        outDir: ctx.outDir,
        formats: ['pdf', 'docx'],
        ...selection(r),
        labels: r.labels,
        resume,
        // Writer processes even for a few letters: the server stays free for pages and the
        // progress bar, and documents previewed in this process meanwhile never share a
        // layout's font state with a letter.
        jobs: Math.max(2, writerCount(count)),
        signal,
        onProgress: progress,
      });
      return {
        folder: m.folder,
        rows: m.rows,
        files: m.files,
        mailingDate: m.mailingDate,
        mailingPast: m.mailingPast,
        mailDaysBefore: m.data.policies.festivalLead.mailDaysBefore,
        cancelled: m.cancelled,
        removed: m.removed,
      };
    });
  };

  return new Hono()
    .get('/', (c) => {
      const given = new URL(c.req.url).searchParams.has('festival');
      const r = given ? mailingRequest((n) => c.req.queries(n) ?? []) : mailingRequest((n) => (n === 'festival' ? [nextMailing(ctx)] : []));
      const body = html`${pagesStyle}${form(r)}${preview(ctx, r, jobs.running())}${history(jobs.list())}`;
      return c.html(page({ title: '节日邮寄', active: 'mailing', body }));
    })
    .get('/progress.js', (c) => c.body(PROGRESS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/pages.css', (c) => c.body(PAGES_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
    .post('/jobs', async (c) => {
      const body = await c.req.parseBody({ all: true });
      const values = (n: string): string[] => [body[n] ?? []].flat().filter((v): v is string => typeof v === 'string');
      const started = start(mailingRequest(values), values('resume').includes('1'));
      if ('busy' in started) {
        const b = html`<p class="notice">另一次节日邮寄正在进行，它结束后才能开始新的：<a href="/mailing/jobs/${started.busy.id}">查看进度</a></p>`;
        return c.html(page({ title: '节日邮寄', active: 'mailing', body: html`${pagesStyle}${b}` }), 409);
      }
      return c.redirect(`/mailing/jobs/${started.job.id}`, 303);
    })
    .get('/jobs/:id', (c) => {
      const job = jobs.get(c.req.param('id'));
      if (!job) return c.notFound();
      return c.html(page({ title: '节日邮寄', active: 'mailing', body: html`${pagesStyle}${jobPage(job, supersededBy(jobs, job))}` }));
    })
    .get('/jobs/:id/status', (c) => {
      const job = jobs.get(c.req.param('id'));
      if (!job) return c.notFound();
      return c.json({ state: job.state, done: job.done, total: job.total ?? null });
    })
    .post('/jobs/:id/cancel', (c) => {
      const job = jobs.get(c.req.param('id'));
      if (!job) return c.notFound();
      job.cancel();
      return c.redirect(`/mailing/jobs/${job.id}`, 303);
    })
    .get('/jobs/:id/files/:name', (c) => {
      const job = jobs.get(c.req.param('id'));
      const o = job && filesOf(jobs, job);
      const name = c.req.param('name');
      // Only a name the run itself wrote into its folder: never a path taken from the request.
      if (!job || !o || !downloads(o).includes(name)) return c.notFound();
      const bytes = readRegular(path.join(o.folder, name), MAX_FILE_BYTES);
      if (!Buffer.isBuffer(bytes)) throw new AppError(`读不出 ${name}：${bytes.reason}`, { code: 'write' });
      const type = TYPES[path.extname(name)] ?? 'application/octet-stream';
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': type, 'Content-Disposition': disposition('attachment', `${job.label.year}-${job.label.request.festival}-${name}`) });
    })
    .get('/jobs/:id/letters.zip', (c) => {
      const job = jobs.get(c.req.param('id'));
      const o = job && filesOf(jobs, job);
      if (!job || !o) return c.notFound();
      const names = o.rows.filter((x) => x.status === 'ok').flatMap((x) => x.files);
      const name = `${job.label.year}-${job.label.request.festival}-信函.zip`;
      return c.body(zipOf(o.folder, names, job.startedAt), 200, { 'Content-Type': 'application/zip', 'Content-Disposition': disposition('attachment', name) });
    });
};
