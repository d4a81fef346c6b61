// The style sheet and the small script every page loads, served by the studio itself: no CDN,
// no web font, nothing from outside (it works with no network at all).
import { Hono } from 'hono';
import type { RouteModule } from './context.ts';

const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #8b1a1a; --bg: #f6f8fa; --bad: #b42318; --warn: #9a6700; --ok: #1a7f37; --internal: #6e40c9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); background: #fff; }
header.top { display: flex; align-items: center; gap: 2em; padding: .6em 1.5em; background: var(--accent); color: #fff; }
header.top .brand { font-weight: bold; font-size: 1.1em; letter-spacing: .1em; }
header.top nav a { color: #fbe9e9; text-decoration: none; margin-right: 1.2em; padding: .2em 0; }
header.top nav a.active, header.top nav a:hover { color: #fff; border-bottom: 2px solid #fff; }
main { padding: 1em 1.5em 3em; max-width: 1280px; }
h1 { font-size: 1.4em; margin: .3em 0 .8em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .6em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
h3 { font-size: 1em; margin: 1.2em 0 .4em; }
a { color: #0b57a4; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border-bottom: 1px solid var(--line); padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
table.by-class { width: auto; min-width: 24em; }
.agenda td:nth-child(-n+2), .visits td:nth-child(-n+3), .visits td:last-child, .purchases td:first-child, .deals td:nth-child(-n+4), .issues td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 1em; margin-bottom: 1em; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .8em 1em; min-width: 14em; background: #fff; }
.card .big { font-size: 1.8em; font-weight: bold; }
.muted { color: var(--muted); }
.overdue { color: var(--bad); font-weight: 600; }
.error, .error-box .message { color: var(--bad); }
.warning { color: var(--warn); }
.ok { color: var(--ok); }
.error-box { border: 1px solid var(--bad); background: #fff5f5; padding: .8em 1em; border-radius: 6px; white-space: pre-line; }
.notice { border-left: 4px solid var(--warn); background: #fff8e6; padding: .4em .8em; margin: .4em 0; }
.refused { font-size: 1.1em; }
.tag-internal { display: inline-block; font-size: .75em; color: #fff; background: var(--internal); border-radius: 3px; padding: 0 .4em; margin-left: .4em; vertical-align: middle; }
form.filters { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: end; margin-bottom: 1em; padding: .8em; background: var(--bg); border-radius: 6px; }
form.filters label { display: flex; flex-direction: column; font-size: .9em; color: var(--muted); }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=search], input[type=date], select, textarea { padding: .25em .4em; border: 1px solid var(--line); border-radius: 4px; min-width: 8em; }
textarea { width: 100%; min-height: 4em; }
button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .35em 1em; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--ink); border: 1px solid var(--line); }
button[disabled] { opacity: .5; cursor: not-allowed; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1em; padding: .6em 1em 1em; }
legend { font-weight: 600; padding: 0 .4em; }
.field { display: grid; grid-template-columns: 10em minmax(0, 40em); gap: .2em 1em; align-items: start; margin: .2em 0; padding: .15em .4em; border-left: 3px solid transparent; }
.field.internal { border-left-color: var(--internal); background: #f8f5fd; }
.field input[type=text], .field select, .field textarea { width: 100%; }
.field > label { padding-top: .25em; }
.field .field-error { grid-column: 2; color: var(--bad); font-size: .9em; min-height: 0; }
.field .field-error:empty, .field .field-warning:empty { display: none; }
.field .field-warning { grid-column: 2; color: var(--warn); font-size: .9em; }
.actions { margin: .8em 0; display: flex; gap: .6em; align-items: center; flex-wrap: wrap; }
fieldset.item { background: #fcfcfd; }
label.remove { display: block; text-align: right; color: var(--muted); font-size: .9em; }
label.check { margin-right: 1em; white-space: nowrap; }
.notice.saved { border-left-color: var(--ok); background: #eefbf1; }
.field.has-error input, .field.has-error select, .field.has-error textarea { border-color: var(--bad); background: #fff5f5; }
.docs { display: grid; grid-template-columns: 18em 1fr; gap: 1em; }
.docs ul { list-style: none; padding: 0; margin: 0; }
.docs li { padding: .4em 0; border-bottom: 1px solid var(--line); }
.docs iframe { width: 100%; height: 80vh; border: 1px solid var(--line); border-radius: 4px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.5em; margin: 0; }
dl.facts dt { white-space: nowrap; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.status-bar { margin: .6em 0; min-height: 1.6em; }
`;

// Live checking of edit forms and the preview reload after a save; each form opts in with
// data-check="<url>" (fields named by their data path) and the preview with data-preview.
const JS = `
'use strict';
(function () {
  function debounce(fn, ms) { var t; return function () { clearTimeout(t); t = setTimeout(fn, ms); }; }
  function showIssues(form, issues) {
    form.querySelectorAll('.field').forEach(function (f) {
      f.classList.remove('has-error');
      f.querySelectorAll('.field-error, .field-warning').forEach(function (e) { e.textContent = ''; });
    });
    var general = form.querySelector('.form-errors');
    if (general) general.textContent = '';
    var errors = 0;
    issues.forEach(function (i) {
      var error = i.severity === 'error';
      if (error) errors++;
      var box = form.querySelector('.field[data-field="' + CSS.escape(i.field) + '"]');
      var slot = box && box.querySelector(error ? '.field-error' : '.field-warning');
      if (slot) {
        if (error) box.classList.add('has-error');
        slot.textContent = (slot.textContent ? slot.textContent + '；' : '') + i.message;
      } else if (general && error) {
        var line = document.createElement('div');
        line.textContent = (i.label ? i.label + '：' : '') + i.message + '（' + i.where + (i.field ? ' ' + i.field : '') + '）';
        general.appendChild(line);
      }
    });
    // Nothing is saved while an error stands: the server refuses it too.
    form.querySelectorAll('button.save').forEach(function (b) { b.disabled = errors > 0; });
  }
  document.querySelectorAll('form[data-check]').forEach(function (form) {
    var run = debounce(function () {
      var body = new URLSearchParams(new FormData(form));
      fetch(form.getAttribute('data-check'), { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (res) { if (res) showIssues(form, res.issues); })
        .catch(function () {});
    }, 300);
    form.addEventListener('input', run);
    form.addEventListener('change', run);
  });
  document.querySelectorAll('[data-confirm]').forEach(function (el) {
    el.addEventListener('click', function (ev) { if (!confirm(el.getAttribute('data-confirm'))) ev.preventDefault(); });
  });
  document.querySelectorAll('a[data-preview]').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      var frame = document.getElementById('preview');
      if (!frame) return;
      ev.preventDefault();
      frame.setAttribute('src', a.getAttribute('data-preview'));
      var title = document.getElementById('preview-title');
      if (title) title.textContent = a.textContent;
    });
  });
})();
`;

export const assets: RouteModule = () =>
  new Hono()
    .get('/studio.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
    .get('/studio.js', (c) => c.body(JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
