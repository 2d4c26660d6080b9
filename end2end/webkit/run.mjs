// The WebKit pass of the test command: the pupil's flows on a class iPad and a parent's week,
// in WebKit (every iPad browser's engine), with axe run inside it. `cargo xtask test` runs it
// after the Chromium suite against the same server; BASE_URL names it, WEBKIT_REPORT is where
// the counts go. Pupils and parents here are ones the Chromium suite only reads for, or signs
// in without changing (Freja, Mette), so the order of the two passes does not matter.

import { mkdirSync, writeFileSync } from 'node:fs';
import { startDriver, WebKitPage } from './driver.mjs';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const IPAD = [810, 1080];
// WebKitGTK's window is never narrower than 447 CSS pixels: a phone in portrait, as close as
// MiniBrowser goes (the screens' phone layout applies below 600).
const PHONE = [447, 844];

function expect(ok, what) {
  if (!ok) throw new Error(what);
}

async function expectNoAxeViolations(page, where) {
  const violations = await page.axe();
  expect(violations.length === 0, `axe on ${where}:\n  ${violations.join('\n  ')}`);
}

async function signIn(page, username) {
  await page.goto('/log-ind');
  await page.fill(await page.field('Brugernavn'), username);
  await page.fill(await page.field('Adgangskode'), 'spire-demo');
  await page.tap(await page.get('button', 'Log ind'));
}

const flows = [
  [
    "the pass's own checks can fail: axe finds an unnamed button, and a too-wide element scrolls",
    PHONE,
    async (page) => {
      await page.goto('/log-ind');
      await page.get('heading', 'Spire – Log ind');
      await page.eval(`const b = document.createElement('button'); b.id = 'unnamed'; document.body.append(b);
        const w = document.createElement('div'); w.id = 'too-wide'; w.style.width = '2000px'; w.style.height = '1em'; document.body.append(w);`);
      const violations = await page.axe();
      expect(violations.some((v) => v.startsWith('button-name')), `axe missed the unnamed button: ${violations}`);
      expect(!(await page.fitsWidth()), 'fitsWidth missed the too-wide element');
      await page.eval("document.getElementById('unnamed').remove(); document.getElementById('too-wide').remove();");
      expect(await page.fitsWidth(), 'the sign-in screen scrolls sideways');
      await expectNoAxeViolations(page, 'the sign-in screen');
    },
  ],
  [
    'iPad: a pupil signs in by picture, finishes a task, says how it went and hands the iPad on',
    IPAD,
    async (page) => {
      await signIn(page, 'anne');
      await page.tap(await page.get('button', 'Gør til klasse-iPad for 1.A'));
      await page.get('heading', '1.A: Tryk på dit billede');
      await expectNoAxeViolations(page, 'the class picture screen');
      await page.tap(await page.get('button', 'Freja'));
      await page.get('heading', 'Hej Freja!');
      await expectNoAxeViolations(page, "the pupil's home");
      expect(await page.fitsWidth(), "the pupil's home scrolls sideways");

      await page.tap((await page.all('link', 'I dag'))[0] ?? (await page.get('link', 'I dag')));
      await page.get('heading', 'I dag');
      const tasks = await page.get('list', 'Mine opgaver');
      await page.tap(await page.get('link', /Tegn 10 ting/, tasks));
      await page.get('heading', 'Tegn 10 ting');
      const done = await page.get('button', 'Jeg er færdig');
      expect((await page.attribute(done, 'aria-pressed')) === 'false', 'the task was already done');
      await page.tap(done);
      await page.expectAttribute(done, 'aria-pressed', 'true');
      await expectNoAxeViolations(page, 'a task');

      await page.tap(await page.get('link', 'Hjem'));
      await page.tap(await page.get('link', 'Hvordan gik det?'));
      await page.get('heading', 'Hvordan gik det?');
      const faces = await page.get('group', 'Hvordan gik det?: Jeg kan tælle til 20');
      await page.tap(await page.get('button', 'Det kan jeg', faces));
      await page.waitFor('"Gemt."', async () => {
        for (const status of await page.all('status', /.*/)) {
          if ((await page.text(status)).trim() === 'Gemt.') return true;
        }
        return false;
      });
      await expectNoAxeViolations(page, 'Hvordan gik det?');

      await page.tap(await page.get('button', 'Færdig'));
      const ask = await page.get('group', "Er du færdig med iPad'en?");
      await page.tap(await page.get('button', 'Ja, giv den videre', ask));
      await page.get('heading', '1.A: Tryk på dit billede');
    },
  ],
  [
    "phone: a parent reads her child's week",
    PHONE,
    async (page) => {
      await signIn(page, 'mette');
      await page.get('heading', 'Mine børn');
      await page.tap(await page.get('link', 'Se ugen for Ida Jensen'));
      await page.get('heading', 'Ugen for Ida Jensen');
      const week = await page.get('region', 'Opgaver i denne uge');
      await page.get('heading', 'Tegn 10 ting', week);
      await expectNoAxeViolations(page, "the child's week");
      expect(await page.fitsWidth(), "the child's week scrolls sideways");
    },
  ],
];

const driver = await startDriver();
let passed = 0;
let failed = 0;
try {
  for (const [name, [width, height], flow] of flows) {
    const page = new WebKitPage(driver.url, BASE_URL);
    const started = Date.now();
    try {
      await page.open(width, height);
      await flow(page);
      passed += 1;
      console.log(`  ✓ [webkit] ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    } catch (e) {
      failed += 1;
      console.log(`  ✘ [webkit] ${name}\n    ${e.message}`);
      try {
        mkdirSync('test-results', { recursive: true });
        const file = `test-results/webkit-${passed + failed}.png`;
        writeFileSync(file, await page.screenshot());
        console.log(`    screenshot: end2end/${file}`);
      } catch {
        // The window may be gone; the message above is what matters.
      }
    } finally {
      await page.close().catch(() => {});
    }
  }
} finally {
  driver.stop();
}
console.log(`  WebKit: ${passed} passed, ${failed} failed`);
if (process.env.WEBKIT_REPORT) {
  writeFileSync(process.env.WEBKIT_REPORT, JSON.stringify({ passed, failed }));
}
process.exit(failed > 0 ? 1 : 0);
