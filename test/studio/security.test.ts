// The studio's security rules, each through the app in-process: the token exchanged for a
// cookie, the Host header, the Origin of anything that changes something, ids never paths, the
// body size limit, and the headers that keep outside origins out.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { errorPage } from '../../src/studio/errors.ts';
import { cookieName } from '../../src/studio/security.ts';
import { dataCopy, tempDir } from '../pipeline/build.ts';
import { formValues, ORIGIN, PORT, studio, textOf, TOKEN } from './helpers.ts';

const s = studio();
const HOST = { Host: `127.0.0.1:${PORT}` };

describe('the printed link and the cookie', () => {
  it('without the cookie, only a page saying to open the printed link (401)', async () => {
    for (const path of ['/', '/customers', '/customers/mengyuan-ruye', '/customers/mengyuan-ruye/documents/proposal.pdf', '/check', '/nope']) {
      const res = await s.app.request(path, { headers: HOST });
      expect(res.status, path).toBe(401);
      const text = textOf(await res.text());
      expect(text).toContain('请打开启动工作台时终端里最后一行打印的链接');
      expect(text).not.toContain('蒙源');
    }
  });

  it('trades the token of the link for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const res = await s.app.request(`/customers?class=A&token=${TOKEN}`, { headers: HOST });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/customers?class=A');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`${cookieName(PORT)}=${TOKEN}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const next = await s.app.request('/customers?class=A', { headers: { ...HOST, Cookie: cookie.split(';')[0]! } });
    expect(next.status).toBe(200);
    expect(textOf(await next.text())).toContain('蒙源乳业集团有限公司');
  });

  it('refuses a wrong token or a wrong cookie, and sets no cookie', async () => {
    const wrong = await s.app.request(`/?token=${TOKEN.slice(0, -1)}x`, { headers: HOST });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const short = await s.app.request('/?token=x', { headers: HOST });
    expect(short.status).toBe(401);
    const cookie = await s.app.request('/', { headers: { ...HOST, Cookie: `${cookieName(PORT)}=${TOKEN}x` } });
    expect(cookie.status).toBe(401);
    // a cookie of a studio on another port is not this one's
    const other = await s.app.request('/', { headers: { ...HOST, Cookie: `${cookieName(PORT + 1)}=${TOKEN}` } });
    expect(other.status).toBe(401);
  });

  it('serves its own style sheet and script without the cookie: they hold nothing of the data', async () => {
    for (const [path, type] of [['/assets/studio.css', 'text/css'], ['/assets/studio.js', 'text/javascript']] as const) {
      const res = await s.app.request(path, { headers: HOST });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
    }
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('answers 127.0.0.1:PORT and localhost:PORT', async () => {
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `LOCALHOST:${PORT}`]) {
      expect((await s.get('/', { Host: host })).status, host).toBe(200);
    }
  });

  it('refuses any other host or port with 403, cookie or not', async () => {
    for (const host of [`evil.example:${PORT}`, '127.0.0.1', `127.0.0.1:${PORT + 1}`, `127.0.0.1.evil.example:${PORT}`, '']) {
      const res = await s.get('/customers', { Host: host });
      expect(res.status, host).toBe(403);
      expect(textOf(await res.text())).not.toContain('蒙源');
    }
    const token = await s.app.request(`/?token=${TOKEN}`, { headers: { Host: `evil.example:${PORT}` } });
    expect(token.status).toBe(403);
    expect(token.headers.get('set-cookie')).toBeNull();
  });
});

describe('the Origin of a request that changes something', () => {
  const form = { q: '1' };
  it('refuses a POST from another site, or with no Origin, with 403', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${PORT + 1}`, `https://127.0.0.1:${PORT}`, 'null']) {
      const res = await s.post('/customers/mengyuan-ruye/check', form, { Origin: origin });
      expect(res.status, origin).toBe(403);
    }
    const none = await s.app.request('/customers/mengyuan-ruye/check', {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { Host: `127.0.0.1:${PORT}`, Cookie: `${cookieName(PORT)}=${TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(none.status).toBe(403);
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await s.app.request('/customers/mengyuan-ruye', { method, headers: { Host: `127.0.0.1:${PORT}`, Cookie: `${cookieName(PORT)}=${TOKEN}`, Origin: 'http://evil.example' } });
      expect(res.status, method).toBe(403);
    }
  });

  it('refuses a cross-site POST to every route that writes or checks, and nothing is written', async () => {
    const tmp = tempDir('studio-origin');
    try {
      const data = dataCopy(tmp.dir, 'customers/mengyuan-ruye.yaml', (t) => `# 试\n${t}`);
      const own = studio({ data });
      const files = () => readdirSync(data, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${e.name}:${readFileSync(path.join(e.parentPath, e.name), 'utf8').length}`).sort();
      const before = files();
      const edit = formValues(await own.page('/customers/mengyuan-ruye/edit'));
      const deal = formValues(await own.page('/customers/mengyuan-ruye/deals/2027-chunjie-mengyuan/edit'));
      const posts: [string, Record<string, string | string[]>][] = [
        ['/customers/mengyuan-ruye/edit', { ...edit, name: '别人改的', _op: 'save' }],
        ['/customers/mengyuan-ruye/check', edit],
        ['/customers/mengyuan-ruye/deals/2027-chunjie-mengyuan/edit', { ...deal, 'items[0].cases': '1', _op: 'save' }],
        ['/customers/mengyuan-ruye/deals/2027-chunjie-mengyuan/check', deal],
        ['/customers/mengyuan-ruye/visits', { date: '2026-11-24', mode: '电话', by: '王建国', outcome: '别人记的' }],
        ['/customers/mengyuan-ruye/visits/check', { date: '2026-11-24' }],
      ];
      for (const [at, form] of posts) {
        const res = await own.post(at, form, { Origin: 'http://evil.example' });
        expect(res.status, at).toBe(403);
        const sameSite = await own.post(at, form, { Origin: `http://localhost:${PORT + 1}` });
        expect(sameSite.status, at).toBe(403);
      }
      expect(files()).toEqual(before);
    } finally {
      tmp.remove();
    }
  });

  it('lets a POST from the studio’s own origin through', async () => {
    const res = await s.post('/nowhere', form, { Origin: ORIGIN });
    expect(res.status).toBe(404);
  });
});

describe('ids, never paths', () => {
  it('answers 404 for an id that is not a customer’s, ../ included', async () => {
    for (const path of [
      '/customers/..%2Fcompany',
      '/customers/..%2F..%2Fetc%2Fpasswd',
      '/customers/%2E%2E%2Fdata',
      '/customers/mengyuan-ruye.yaml',
      '/customers/蒙源乳业集团有限公司',
      '/customers/nobody',
      '/customers/mengyuan-ruye/documents/..%2F..%2Fcompany.yaml',
      '/customers/mengyuan-ruye/documents/letter.pdf',
      '/customers/mengyuan-ruye/documents/proposal.exe',
      '/customers/..%2Fcustomers%2Fmengyuan-ruye/documents/proposal.pdf',
    ]) {
      const res = await s.get(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('answers 404 for a deal that is another customer’s', async () => {
    const res = await s.get('/customers/mengyuan-ruye/documents/proposal.pdf?deal=2027-yuandan-shuiwuju');
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain('没有方案「2027-yuandan-shuiwuju」');
  });
});

describe('data shown in pages', () => {
  it('is escaped: markup in a customer file is text on the page, never markup', async () => {
    const tmp = tempDir('studio-escape');
    try {
      const planted = '<img src=x onerror=alert(1)>"&\'';
      const data = dataCopy(tmp.dir, 'customers/mengyuan-ruye.yaml', (t) => t.replace('notes: 集团下属牧场', `notes: ${JSON.stringify(planted)}\n# 集团下属牧场`).replace(/^notes: 集团下属牧场.*$/m, ''));
      const own = studio({ data });
      for (const at of ['/customers/mengyuan-ruye', '/customers/mengyuan-ruye/edit']) {
        const page = await own.page(at);
        expect(page, at).not.toContain('<img src=x');
        expect(page, at).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
      }
    } finally {
      tmp.remove();
    }
  });
});

describe('the error page', () => {
  it('says an unexpected error in Chinese without its stack (that goes to the terminal), status 500', () => {
    const { status, body } = errorPage(new Error('secret detail at /home/x'));
    expect(status).toBe(500);
    expect(textOf(body)).toContain('工作台出了内部错误');
    expect(body).not.toContain('secret detail');
  });

  it('says an AppError’s message, escaped, with the studio’s hint for its code', () => {
    const { status, body } = errorPage(new AppError('客户「<b>x</b>」的文件有错误', { code: 'customer-invalid' }));
    expect(status).toBe(422);
    expect(body).toContain('客户「&lt;b&gt;x&lt;/b&gt;」的文件有错误');
    expect(body).toContain('<a href="/check">到数据检查页查看全部问题</a>');
    expect(errorPage(new AppError('x', { code: 'conflict' })).status).toBe(409);
  });
});

describe('limits and headers', () => {
  it('refuses a body above the upload limit with 413 before reading it', async () => {
    const small = studio({ uploadLimit: 1000 });
    const res = await small.post('/customers/mengyuan-ruye/check', { text: 'x'.repeat(2000) });
    expect(res.status).toBe(413);
    expect(textOf(await res.text())).toContain('超过');
  });

  it('sends a Content-Security-Policy allowing no outside origin, and the other security headers, on every answer', async () => {
    const answers = [await s.get('/'), await s.get('/nope'), await s.app.request('/', { headers: HOST }), await s.get('/', { Host: 'evil.example' }), await s.get('/assets/studio.css')];
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('pages load nothing from outside and carry no inline script', async () => {
    for (const path of ['/', '/customers', '/customers/mengyuan-ruye', '/check']) {
      const body = await s.page(path);
      expect(body, path).not.toMatch(/(src|href|action)="(https?:)?\/\//);
      expect(body, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(body, path).not.toMatch(/\son[a-z]+="/);
      expect(body, path).not.toMatch(/style="/);
    }
  });
});
