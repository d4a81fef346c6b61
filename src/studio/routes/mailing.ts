// 节日邮寄 (placeholder of the skeleton; the page itself is built on the studio-web branch).
import { Hono } from 'hono';
import type { RouteModule } from '../context.ts';
import { html, page } from '../html.ts';

export const mailing: RouteModule = () => new Hono().get('/', (c) => c.html(page({ title: '节日邮寄', active: 'mailing', body: html`<p class="muted">即将推出。</p>` })));
