import { chromium, expect, test, type Page } from '@playwright/test';
import { baseURL, withFakeMicrophone } from '../chromium';
import {
  CLASS_PICKER,
  expectNoAxeViolations,
  expectNoAxeViolationsForPupils,
  expectPupilTargetsAtLeast64,
  recordSpeech,
  signIn,
  signInByPicture,
  spoken,
  fitsWidth,
  handOn,
} from './support';

// Each screen size has its own pupils of 1.A, so tests running side by side never share one.
const pupils = (project: string) =>
  project === 'ipad'
    ? { day: 'Ida', user: 'ida', reading: 'Oscar', retry: 'William', voice: 'Clara' }
    : { day: 'Noah', user: 'noah', reading: 'Alma', retry: 'Ella', voice: 'Emil' };

// A 2 × 2 PNG: small, real, decodable.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

async function openToday(page: Page) {
  await page.getByRole('link', { name: 'I dag' }).first().tap();
  await expect(page.getByRole('heading', { level: 1, name: 'I dag' })).toBeVisible();
}

test('a pupil signs in by picture, hears today’s task, adds a photo and a drawing, says how it went, and signs out', async ({
  page,
}, info) => {
  const { day } = pupils(info.project.name);
  await recordSpeech(page);
  await signInByPicture(page, day);

  const menu = page.getByRole('list', { name: 'Hvad vil du?' });
  await expect(menu.getByRole('link')).toHaveText(['I dag', 'Mine mål', 'Hvordan gik det?', 'Mit arbejde']);
  for (const tile of await menu.getByRole('link').all()) {
    const box = (await tile.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(96);
    expect(box.height).toBeGreaterThanOrEqual(96);
  }
  await expectPupilTargetsAtLeast64(page);
  await expectNoAxeViolationsForPupils(page);

  // I dag: a picture timeline; the task reads itself aloud when opened.
  await openToday(page);
  const tasks = page.getByRole('list', { name: 'Mine opgaver' });
  await expect(tasks.getByRole('link', { name: /Tegn 10 ting/ })).toBeVisible();
  await expect(tasks.getByRole('link', { name: /Find tal i klassen/ })).toContainText('Denne uge');
  await expectPupilTargetsAtLeast64(page);
  await expectNoAxeViolationsForPupils(page);
  await tasks.getByRole('link', { name: /Tegn 10 ting/ }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Tegn 10 ting' })).toBeVisible();
  const instruction = 'Tegn 10 ting, du kan lide. Tæl dem bagefter.';
  await expect.poll(async () => (await spoken(page)).map((u) => u.text)).toContain(instruction);
  await page.getByRole('button', { name: 'Læs opgaven op' }).tap();
  await expect
    .poll(async () => (await spoken(page)).filter((u) => u.text === instruction && u.lang === 'da-DK').length)
    .toBe(2);
  await expect(page.getByRole('link', { name: 'Talbilleder til 20' })).toHaveAttribute('target', '_blank');

  // A photo, through the camera's file input.
  const work = page.getByRole('region', { name: 'Vis hvad du har lavet' });
  await work.getByLabel('Tag et billede').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');

  // A drawing, made by taps alone: dots with the pen, a line from two taps.
  await work.getByRole('button', { name: 'Tegn', exact: true }).tap();
  await expectPupilTargetsAtLeast64(page);
  await expectNoAxeViolationsForPupils(page);
  const canvas = work.getByRole('img', { name: 'Din tegning' });
  await work.getByRole('button', { name: 'Rød', exact: true }).tap();
  await canvas.tap({ position: { x: 40, y: 40 } });
  await canvas.tap({ position: { x: 80, y: 60 } });
  await work.getByRole('button', { name: 'Streg', exact: true }).tap();
  await canvas.tap({ position: { x: 30, y: 100 } });
  await canvas.tap({ position: { x: 150, y: 120 } });
  await work.getByRole('button', { name: 'Gem tegningen' }).tap();
  await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');

  const done = page.getByRole('button', { name: 'Jeg er færdig' });
  await done.tap();
  await expect(done).toHaveAttribute('aria-pressed', 'true');
  // A small celebration, which keeps still for a pupil whose iPad asks for less motion.
  const celebration = page.getByRole('status').filter({ hasText: 'Godt klaret!' });
  await expect(celebration).toBeVisible();
  const motion = () => celebration.evaluate((el) => getComputedStyle(el.firstElementChild!).animationName);
  expect(await motion()).toBe('celebrate');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await motion()).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expectNoAxeViolationsForPupils(page);
  // The task's "Jeg er færdig" is not the iPad's "Færdig": it does not ask to hand the iPad on,
  // and the two never look alike (a green tick, a purple waving hand).
  await expect(page.getByRole('group', { name: "Er du færdig med iPad'en?" })).toBeHidden();
  const background = (name: string, exact: boolean) =>
    page.getByRole('button', { name, exact }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background('Jeg er færdig', true)).not.toBe(await background('Færdig', true));

  // Mit arbejde holds both, with the task they belong to.
  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Mit arbejde' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Mit arbejde' })).toBeVisible();
  const pictures = page.getByRole('img', { name: 'Billede du har lavet: Tegn 10 ting' });
  await expect.poll(() => pictures.count()).toBeGreaterThanOrEqual(2);
  await expectPupilTargetsAtLeast64(page);
  await expectNoAxeViolationsForPupils(page);

  // Hvordan gik det?: the goal is read aloud, a face says its meaning and is kept.
  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Hvordan gik det?' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Hvordan gik det?' })).toBeVisible();
  const goal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jeg kan tælle til 20' }) });
  await goal.getByRole('button', { name: 'Læs målet op' }).tap();
  await goal.getByRole('group', { name: 'Hvordan gik det?: Jeg kan tælle til 20' }).getByRole('button', { name: 'Det kan jeg' }).tap();
  await expect(goal.getByRole('status')).toHaveText('Gemt.');
  // The faces are drawings, the same on every iPad, not emoji that depend on its fonts.
  await expect(goal.getByRole('group', { name: 'Hvordan gik det?: Jeg kan tælle til 20' })).not.toContainText(/[😟🙂😀😐😢]/u);
  const said = (await spoken(page)).map((u) => u.text);
  expect(said).toContain('Jeg kan tælle til 20');
  expect(said).toContain('Det kan jeg');
  await expectPupilTargetsAtLeast64(page);
  await expectNoAxeViolationsForPupils(page);

  // Færdig hands the iPad to the next pupil.
  await handOn(page);
  await expect(page.getByRole('heading', { level: 1, name: CLASS_PICKER })).toBeVisible();
});

test('the task that is done stays done on the timeline, and help is spoken', async ({ page }, info) => {
  const { user } = pupils(info.project.name);
  await recordSpeech(page);
  await signIn(page, user);
  await openToday(page);
  await page.getByRole('link', { name: /Find tal i klassen/ }).tap();
  const done = page.getByRole('button', { name: 'Jeg er færdig' });
  await done.tap();
  await expect(done).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'I dag' }).last().tap();
  await expect(page.getByRole('link', { name: /Find tal i klassen/ })).toContainText('færdig');

  const help = page.getByRole('button', { name: 'Hjælp', exact: true });
  await help.tap();
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  const helpText = 'Her er dine opgaver i dag og i denne uge. Tryk på en opgave for at se og høre, hvad du skal.';
  await expect(page.getByText(helpText)).toBeVisible();
  await expect.poll(async () => (await spoken(page)).map((u) => u.text)).toContain(helpText);
  await expectNoAxeViolationsForPupils(page);
});

test('the word being read is marked where the device reports words', async ({ page }, info) => {
  const { user } = pupils(info.project.name);
  // A voice that reports reaching the word "10" (offset 5) and then stays there.
  await page.addInitScript(() => {
    window.speechSynthesis.getVoices = () => [{ lang: 'da-DK' }] as unknown as SpeechSynthesisVoice[];
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      setTimeout(() => u.onboundary?.({ name: 'word', charIndex: 5 } as SpeechSynthesisEvent), 10);
    };
  });
  await signIn(page, user);
  await openToday(page);
  await page.getByRole('link', { name: /Tegn 10 ting/ }).tap();
  await expect(page.getByText('10', { exact: true })).toHaveClass(/spoken-now/);
  await expect(page.getByText('ting,', { exact: true })).not.toHaveClass(/spoken-now/);
});

test('a device without a voice still reads aloud, with Danish spoken by the server', async ({ page }, info) => {
  const { user } = pupils(info.project.name);
  await page.addInitScript(() => {
    window.speechSynthesis.getVoices = () => [];
  });
  await signIn(page, user);
  const spokenByServer = page.waitForResponse((r) => r.url().includes('/tale?tekst='));
  await page.getByRole('button', { name: 'Læs op', exact: true }).tap();
  const res = await spokenByServer;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('audio/wav');
  expect(decodeURIComponent(res.url())).toContain(`Hej ${user === 'ida' ? 'Ida' : 'Noah'}!`);
});

test('reading settings chosen on one iPad apply at the next sign-in on another', async ({ browser }, info) => {
  const { reading } = pupils(info.project.name);
  const { viewport, deviceScaleFactor } = info.project.use;
  const device = () =>
    browser.newContext({ viewport, deviceScaleFactor, hasTouch: true, isMobile: true, baseURL, locale: 'da-DK' });
  const first = await device();
  const page = await first.newPage();
  await signInByPicture(page, reading);
  await page.getByRole('link', { name: 'Læsning' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Sådan læser jeg' })).toBeVisible();
  await page.getByRole('group', { name: 'Tekststørrelse' }).getByRole('button', { name: 'Mest' }).tap();
  await page.getByRole('group', { name: 'Afstand mellem bogstaver' }).getByRole('button', { name: 'Mere' }).tap();
  await page.getByRole('group', { name: 'Baggrund' }).getByRole('button', { name: 'Creme' }).tap();
  await page.getByRole('group', { name: 'Skrifttype' }).getByRole('button', { name: 'OpenDyslexic' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-tint', 'cream');
  await expectPupilTargetsAtLeast64(page);
  await expectNoAxeViolationsForPupils(page);
  await first.close();

  const second = await device();
  const other = await second.newPage();
  await signInByPicture(other, reading);
  const html = other.locator('html');
  await expect(html).toHaveAttribute('data-text-size', 'most');
  await expect(html).toHaveAttribute('data-letter-spacing', 'more');
  await expect(html).toHaveAttribute('data-tint', 'cream');
  await expect(html).toHaveAttribute('data-font', 'dyslexic');
  await expectNoAxeViolationsForPupils(other);
  // No horizontal scrolling, even with the largest text.
  expect(await fitsWidth(other)).toBe(true);
  await second.close();
});

test('work whose sending fails is kept, sent again, and arrives exactly once', async ({ page }, info) => {
  const { retry } = pupils(info.project.name);
  await signInByPicture(page, retry);
  await openToday(page);
  await page.getByRole('link', { name: /Tegn 10 ting/ }).tap();
  const work = page.getByRole('region', { name: 'Vis hvad du har lavet' });

  // First: the network drops before the server hears anything.
  let calls = 0;
  await page.route('**/api/add_work', async (route) => {
    calls += 1;
    if (calls === 1) return route.abort('internetdisconnected');
    // Then: the server stores it but the answer is lost on the way back.
    if (calls === 2) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  const words = `Jeg tegnede ${info.project.name} ${Date.now()}`;
  await work.getByRole('button', { name: 'Skriv', exact: true }).tap();
  await work.getByLabel('Skriv her').fill(words);
  await work.getByRole('button', { name: 'Gem teksten' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Ikke sendt endnu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Prøv igen nu' })).toBeVisible();
  await expectNoAxeViolationsForPupils(page);
  // Retried on its own every few seconds (the second try stores it, the third is told it is there).
  await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Prøv igen nu' })).toBeHidden();
  expect(calls).toBeGreaterThanOrEqual(3);

  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Mit arbejde' }).tap();
  await expect(page.getByText(words, { exact: true })).toHaveCount(1);
  await page.reload();
  await expect(page.getByText(words, { exact: true })).toHaveCount(1);
});

test('a pupil records a voice note for a task and hears it in Mit arbejde', async ({}, info) => {
  const { voice } = pupils(info.project.name);
  const { viewport, deviceScaleFactor } = info.project.use;
  const browser = await chromium.launch(withFakeMicrophone());
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch: true, isMobile: true, baseURL, locale: 'da-DK' });
    await context.grantPermissions(['microphone']);
    const page = await context.newPage();
    await signInByPicture(page, voice);
    await openToday(page);
    await page.getByRole('link', { name: /Tegn 10 ting/ }).tap();
    const work = page.getByRole('region', { name: 'Vis hvad du har lavet' });
    await work.getByRole('button', { name: 'Indtal', exact: true }).tap();
    await work.getByRole('button', { name: 'Start optagelse' }).tap();
    await expect(work.getByText('Optager …', { exact: false })).toBeVisible();
    await page.waitForTimeout(1200);
    await work.getByRole('button', { name: 'Stop optagelse' }).tap();
    await work.getByRole('button', { name: 'Gem lyden' }).tap();
    await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');
    await expectNoAxeViolationsForPupils(page);
    await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
    await page.getByRole('link', { name: 'Mit arbejde' }).tap();
    const note = page.getByRole('listitem').filter({ hasText: 'Lydoptagelse' });
    await expect(note.getByRole('heading', { name: 'Tegn 10 ting' })).toBeVisible();
    const src = await note.locator('audio').getAttribute('src');
    const res = await page.request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^audio\//);
    await expectNoAxeViolationsForPupils(page);
  } finally {
    await browser.close();
  }
});

test('pupil screens fit portrait, landscape and a 320 px wide screen without sideways scrolling', async ({ page }, info) => {
  const { user } = pupils(info.project.name);
  await signIn(page, user);
  await expect(page.getByRole('list', { name: 'Hvad vil du?' })).toBeVisible();
  const fits = () => fitsWidth(page);
  for (const path of ['/', '/i-dag', '/mit-arbejde', '/laesning']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const size of [{ width: 1080, height: 810 }, { width: 810, height: 1080 }, { width: 320, height: 640 }]) {
      await page.setViewportSize(size);
      expect(await fits(), `${path} at ${size.width}×${size.height}`).toBe(true);
      await expectPupilTargetsAtLeast64(page);
    }
  }
});

test('a parent chooses reading settings from their home too', async ({ page }) => {
  await signIn(page, 'maria');
  await page.getByRole('link', { name: 'Sådan læser jeg' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Sådan læser jeg' })).toBeVisible();
  await page.getByRole('group', { name: 'Afstand mellem linjer' }).getByRole('button', { name: 'Mere' }).tap();
  await expect(page.locator('html')).toHaveAttribute('data-line-height', 'more');
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Afstand mellem linjer' }).getByRole('button', { name: 'Normal' }).tap();
  await expect(page.locator('html')).toHaveAttribute('data-line-height', 'normal');
});
