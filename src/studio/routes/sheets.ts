// 导入/导出 (placeholder of the skeleton; the page itself is built on the studio-web branch).
import { Hono } from 'hono';
import type { RouteModule } from '../context.ts';
import { html, page } from '../html.ts';

export const sheets: RouteModule = () => new Hono().get('/', (c) => c.html(page({ title: '导入/导出', active: 'sheets', body: html`<p class="muted">即将推出。</p>` })));
