// A small W3C WebDriver client for WebKit: Debian's WebKitWebDriver driving WebKitGTK's
// MiniBrowser under Xvfb. Every iPad browser is WebKit and Playwright's own WebKit cannot be
// downloaded here, so the pupils' and parents' flows also run through this.
//
// Elements are found as the Playwright tests find them, by role and accessible name, and the
// role and name are WebKit's own (the WebDriver "computed role" and "computed label"), so a
// control that WebKit's accessibility tree names differently from Chromium's is not found.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** The CSS that can hold each role; WebKit then says which of them have it. */
const CANDIDATES = {
  button: 'button, [role=button], input[type=submit], input[type=button]',
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  group: 'fieldset, [role=group], details',
  list: 'ul, ol, [role=list]',
  listitem: 'li, [role=listitem]',
  region: 'section, [role=region]',
  textbox: 'input, textarea, [role=textbox]',
  img: 'img, svg, [role=img]',
  slider: '[role=slider]',
  status: '[role=status], output',
  navigation: 'nav, [role=navigation]',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Xvfb on a display it picks itself, and WebKitWebDriver on a free local port. */
export async function startDriver() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1100x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {
      await sleep(100);
    }
  }
  return {
    url,
    stop() {
      driver.kill();
      xvfb.kill();
    },
  };
}

export class WebKitPage {
  constructor(driverUrl, baseUrl) {
    this.driverUrl = driverUrl;
    this.baseUrl = baseUrl;
  }

  async call(method, path, body) {
    const res = await fetch(`${this.driverUrl}/session${this.id ? `/${this.id}` : ''}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${value?.error} ${value?.message ?? ''}`);
    return value;
  }

  /** A new browser window of `width` × `height` CSS pixels (WebKitGTK's window is at least 447 wide). */
  async open(width, height) {
    const created = await this.call('POST', '', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    this.id = created.sessionId;
    await this.call('POST', '/window/rect', { width, height });
    await this.call('POST', '/timeouts', { script: 30_000 });
  }

  async close() {
    if (this.id) await this.call('DELETE', '');
    this.id = undefined;
  }

  async goto(path) {
    await this.call('POST', '/url', { url: new URL(path, this.baseUrl).href });
  }

  async eval(script, ...args) {
    return this.call('POST', '/execute/sync', { script, args });
  }

  /** Waits (up to 10 s) until `check` returns something truthy, and returns it. */
  async waitFor(what, check) {
    let last;
    for (let i = 0; i < 100; i++) {
      try {
        const found = await check();
        if (found) return found;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`Waited 10 s for ${what}${last ? `: ${last.message}` : ''}`);
  }

  /** Visible elements of `role` whose accessible name is `name` (a string matches exactly,
   * a RegExp by test), inside `within` if given. */
  async all(role, name, within) {
    const base = within ? `/element/${within[ELEMENT]}/elements` : '/elements';
    const candidates = await this.call('POST', base, { using: 'css selector', value: CANDIDATES[role] ?? `[role=${role}]` });
    const found = [];
    for (const el of candidates) {
      const id = el[ELEMENT];
      if (!(await this.call('GET', `/element/${id}/displayed`).catch(() => false))) continue;
      if ((await this.call('GET', `/element/${id}/computedrole`)) !== role) continue;
      const label = (await this.call('GET', `/element/${id}/computedlabel`)).trim();
      if (typeof name === 'string' ? label === name : name.test(label)) found.push(el);
    }
    return found;
  }

  /** The one element of `role` named `name`, waiting for it to appear. */
  async get(role, name, within) {
    return this.waitFor(`the ${role} "${name}"`, async () => {
      const found = await this.all(role, name, within);
      if (found.length > 1) throw new Error(`${found.length} ${role}s named "${name}"`);
      return found[0];
    });
  }

  /** The form field whose accessible name (its label) is `name`. */
  async field(name, within) {
    return this.waitFor(`the field "${name}"`, async () => {
      const base = within ? `/element/${within[ELEMENT]}/elements` : '/elements';
      const inputs = await this.call('POST', base, { using: 'css selector', value: 'input, select, textarea' });
      for (const el of inputs) {
        const label = (await this.call('GET', `/element/${el[ELEMENT]}/computedlabel`)).trim();
        if (label === name) return el;
      }
      return undefined;
    });
  }

  async screenshot() {
    return Buffer.from(await this.call('GET', '/screenshot'), 'base64');
  }

  async tap(el) {
    await this.call('POST', `/element/${el[ELEMENT]}/click`, {});
  }

  async fill(el, text) {
    await this.call('POST', `/element/${el[ELEMENT]}/clear`, {});
    await this.call('POST', `/element/${el[ELEMENT]}/value`, { text });
  }

  async attribute(el, name) {
    return this.call('GET', `/element/${el[ELEMENT]}/attribute/${name}`);
  }

  async text(el) {
    return this.call('GET', `/element/${el[ELEMENT]}/text`);
  }

  /** Waits until `el`'s attribute `name` is `value`. */
  async expectAttribute(el, name, value) {
    await this.waitFor(`${name}="${value}"`, async () => (await this.attribute(el, name)) === value);
  }

  /** Whether the page fits its width without sideways scrolling. */
  async fitsWidth() {
    return this.eval('return document.documentElement.scrollWidth <= document.documentElement.clientWidth');
  }

  /** axe-core inside WebKit, with the tags the Chromium suite uses; returns the violations. */
  async axe() {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await this.eval(`if (!window.axe) { ${source} }`);
    const result = await this.call('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          rules: { 'target-size': { enabled: true } },
        }).then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))),
                (e) => done(['axe failed: ' + e]));`,
      args: [],
    });
    return result;
  }
}
