// First-screen load time per audience, in Debian's Chromium under slow-4G-like throttling and a
// 4× CPU slowdown. A benchmark, not a test: `npx playwright test` never sees it (testDir is ./tests).
//
//   cd end2end && BASE_URL=http://127.0.0.1:3000 node bench/first-screen.mjs [--runs N] [--warmup N] [--only NAME,…]
//
// Each run is a fresh browser context (cold HTTP cache) that starts from a storageState saved once,
// unthrottled, before measuring (signed-in people, the class iPad's device cookie). Measured: from
// starting `page.goto` until the screen's first tile/control, found by role and name, is visible
// and enabled. Human-readable lines go to stderr; one JSON object goes to stdout at the end.

import { chromium } from '@playwright/test';
import { baseURL, launchOptions } from './launch.mjs';

const DEMO_PASSWORD = 'spire-demo'; // backend/src/demo: DEMO_PASSWORD
const CLASS_PICKER = '1.A: Tryk på dit billede'; // tests/support.ts

const BUDGET_MS = 3000;
// Slow 4G as Lighthouse throttles it: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up; CPU 4× slower.
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
const CPU_SLOWDOWN = 4;

const IPAD = { viewport: { width: 810, height: 1080 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };
const LAPTOP = { viewport: { width: 1280, height: 800 } };

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const RUNS = Number(option('runs', '5'));
// Loads per scenario measured and thrown away first (the browser's and server's first-use costs).
const WARMUP = Number(option('warmup', '1'));
const ONLY = option('only', '')
  .split(',')
  .filter(Boolean);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a positive whole number');
if (!Number.isInteger(WARMUP) || WARMUP < 0) throw new Error('--warmup takes a whole number');

const log = (line) => process.stderr.write(`${line}\n`);

async function signIn(page, username) {
  await page.goto('/log-ind');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

/** Signs `username` in once, unthrottled, waits for `ready`, and returns the context's storageState. */
async function signedIn(browser, device, username, ready) {
  const context = await browser.newContext({ ...device, baseURL, locale: 'da-DK' });
  const page = await context.newPage();
  await signIn(page, username);
  await ready(page).waitFor({ state: 'visible' });
  const state = await context.storageState();
  await context.close();
  return state;
}

const scenarios = [
  {
    name: 'pupil-class-ipad-signed-out',
    label: 'pupil, class iPad, signed out',
    device: IPAD,
    path: '/klasse',
    // A teacher turns this browser into 1.A's class iPad; only the device cookie is left.
    async setup(browser) {
      const context = await browser.newContext({ ...IPAD, baseURL, locale: 'da-DK' });
      const page = await context.newPage();
      await signIn(page, 'anne');
      await page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
      await page.getByRole('heading', { level: 1, name: CLASS_PICKER }).waitFor();
      const state = await context.storageState();
      await context.close();
      return state;
    },
    target: (page) => page.getByRole('list', { name: 'Tryk på dit billede' }).getByRole('button').first(),
  },
  {
    name: 'adult-sign-in-phone',
    label: 'parent or teacher, signed out, phone (sign-in form)',
    device: PHONE,
    path: '/log-ind',
    target: (page) => page.getByRole('button', { name: 'Log ind', exact: true }),
    setup() {
      return undefined;
    },
  },
  {
    name: 'pupil-signed-in',
    label: 'pupil, signed in (Ida)',
    device: IPAD,
    path: '/',
    target: (page) => page.getByRole('link', { name: 'I dag', exact: true }).first(),
    setup(browser) {
      return signedIn(browser, IPAD, 'ida', this.target);
    },
  },
  {
    name: 'parent-phone',
    label: 'parent, phone (Mette)',
    device: PHONE,
    path: '/',
    target: (page) => page.getByRole('link', { name: /^Se ugen for / }).first(),
    setup(browser) {
      return signedIn(browser, PHONE, 'mette', this.target);
    },
  },
  {
    name: 'teacher-staff-app',
    label: 'teacher, staff app, laptop (Anne)',
    device: LAPTOP,
    path: '/',
    target: (page) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }),
    setup(browser) {
      return signedIn(browser, LAPTOP, 'anne', this.target);
    },
  },
].filter((s) => ONLY.length === 0 || ONLY.includes(s.name));

// Marks the moment Trunk's loader has instantiated the wasm and run its start (the app mounted).
function markAppStarted() {
  addEventListener('TrunkApplicationStarted', () => {
    window.__benchAppStarted = performance.now();
  });
}

/**
 * Waits until `target` is visible and enabled. `locator.waitFor` would do, but it retries after
 * 0, 20, 50, 100, 100, then every 500 ms, so a screen that is ready after 3 s may be seen up to half
 * a second late. This asks every ~15 ms instead. Each ask runs on the page's main thread, so while
 * the app is busy (wasm start, first render) it is answered only when a tap would be handled too.
 */
async function usable(target, started) {
  while (performance.now() - started < 60_000) {
    if ((await target.isVisible()) && (await target.isEnabled({ timeout: 1000 }).catch(() => false))) return;
    await new Promise((f) => setTimeout(f, 15));
  }
  throw new Error(`not usable within 60 s: ${target}`);
}

/** One cold load of the scenario's first screen. */
async function measure(browser, scenario, storageState) {
  const context = await browser.newContext({ ...scenario.device, baseURL, locale: 'da-DK', storageState });
  const page = await context.newPage();
  await page.addInitScript(markAppStarted);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const urls = new Map();
  const bytes = { total: 0, byPath: {} };
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength;
    const path = new URL(urls.get(e.requestId) ?? baseURL).pathname;
    bytes.byPath[path] = (bytes.byPath[path] ?? 0) + e.encodedDataLength;
  });

  const target = scenario.target(page);
  const started = performance.now();
  await page.goto(scenario.path, { waitUntil: 'commit' });
  await usable(target, started);
  const ms = performance.now() - started;

  // Where the time went, from the page's own clock (0 = navigation start).
  const phases = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const end = (re) => Math.max(0, ...res.filter((r) => re.test(r.name)).map((r) => r.responseEnd));
    const api = res.filter((r) => new URL(r.name).pathname.startsWith('/api/'));
    return {
      htmlDone: nav.responseEnd,
      wasmDownloaded: end(/_bg\.wasm$/),
      appStarted: window.__benchAppStarted ?? null,
      apiCalls: api.map((r) => ({
        path: new URL(r.name).pathname,
        start: Math.round(r.startTime),
        end: Math.round(r.responseEnd),
      })),
    };
  });
  await context.close();
  return { ms, bytes, phases };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => (x == null ? null : Math.round(x));

const browser = await chromium.launch(launchOptions);
const report = {
  baseURL,
  runs: RUNS,
  warmupRuns: WARMUP,
  budgetMs: BUDGET_MS,
  network: { latencyMs: NETWORK.latency, downloadKbps: 1600, uploadKbps: 750 },
  cpuSlowdown: CPU_SLOWDOWN,
  chromium: browser.version(),
  scenarios: {},
};
try {
  for (const scenario of scenarios) {
    const state = await scenario.setup(browser);
    for (let i = 0; i < WARMUP; i++) {
      const run = await measure(browser, scenario, state);
      log(`${scenario.name} warm-up: ${round(run.ms)} ms (not counted)`);
    }
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await measure(browser, scenario, state);
      runs.push(run);
      const p = run.phases;
      log(
        `${scenario.name} #${i + 1}: ${round(run.ms)} ms, ${run.bytes.total} B` +
          ` (html ${round(p.htmlDone)}, wasm ${round(p.wasmDownloaded)}, app ${round(p.appStarted)},` +
          ` api ${p.apiCalls.map((a) => `${a.path} ${a.start}–${a.end}`).join(', ') || 'none'})`,
      );
    }
    const ms = runs.map((r) => r.ms);
    const med = median(ms);
    const last = runs[runs.length - 1];
    const result = {
      label: scenario.label,
      path: scenario.path,
      viewport: scenario.device.viewport,
      medianMs: round(med),
      maxMs: round(Math.max(...ms)),
      runsMs: ms.map(round),
      budgetRatio: Number((med / BUDGET_MS).toFixed(2)),
      withinBudget: med <= BUDGET_MS,
      bytesTransferred: { median: median(runs.map((r) => r.bytes.total)), byPath: last.bytes.byPath },
      // Medians in ms since navigation start (page clock), to see what dominates.
      phasesMedianMs: {
        htmlDone: round(median(runs.map((r) => r.phases.htmlDone))),
        wasmDownloaded: round(median(runs.map((r) => r.phases.wasmDownloaded))),
        appStarted: round(median(runs.map((r) => r.phases.appStarted ?? NaN))),
        apiDone: round(median(runs.map((r) => Math.max(0, ...r.phases.apiCalls.map((a) => a.end))))),
      },
      apiCalls: last.phases.apiCalls.map((a) => a.path),
    };
    report.scenarios[scenario.name] = result;
    log(
      `${scenario.label}: median ${result.medianMs} ms, max ${result.maxMs} ms, ` +
        `${result.budgetRatio} of the ${BUDGET_MS} ms budget, ${result.bytesTransferred.median} B over the wire`,
    );
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
