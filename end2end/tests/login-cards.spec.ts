import { chromium, expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { baseURL, withFakeCamera } from '../chromium';
import { expectNoAxeViolations, signIn, handOn } from './support';

// Printing cards replaces a class's codes, so the tests here take turns, and each screen size
// uses its own class.
test.describe.configure({ mode: 'serial' });

const classFor = (project: string) =>
  project === 'ipad'
    ? { name: '1.A', pupil: 'Ida Jensen', three: ['Alma Christensen', 'Oscar Andersen', 'Clara Jørgensen'] }
    : { name: '5.B', pupil: 'Sofia Kristensen', three: ['Agnes Olsen', 'Victor Thomsen', 'Nora Knudsen'] };

test('a teacher prints login cards; the typed code works on the class iPad and nowhere else', async ({ page }, info) => {
  const klass = classFor(info.project.name);
  await signIn(page, 'anne');
  await page.getByRole('button', { name: `Lav nye login-kort til ${klass.name}` }).click();
  const cards = page.getByRole('list', { name: 'Login-kort' });
  await expect(cards.getByRole('listitem')).toHaveCount(10);
  const card = cards.getByRole('listitem').filter({ hasText: klass.pupil });
  await expect(card.getByRole('img', { name: `QR-kode til ${klass.pupil}` })).toBeVisible();
  const code = (await card.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!;
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await page.getByRole('link', { name: 'Log ind med kode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med kode' })).toBeVisible();
  await expectNoAxeViolations(page);
  // A card found outside the classroom opens nothing on another device.
  await page.getByLabel('Koden fra login-kortet').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Login-kortet virker kun på din klasses iPad.');
  await expectNoAxeViolations(page);
  // The teacher makes this device the class's iPad; there the same code signs the pupil in.
  await signIn(page, 'anne');
  await page.getByRole('button', { name: `Gør til klasse-iPad for ${klass.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${klass.name}: Tryk på dit billede` })).toBeVisible();
  await page.getByRole('link', { name: 'Log ind med kode' }).click();
  await page.getByLabel('Koden fra login-kortet').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${klass.pupil.split(' ')[0]}!` })).toBeVisible();
});

test('on a class iPad three pupils sign in and out in turn with their login-card codes', async ({ page }, info) => {
  const klass = classFor(info.project.name);
  const picker = `${klass.name}: Tryk på dit billede`;
  await signIn(page, 'bo');
  await page.getByRole('button', { name: `Lav nye login-kort til ${klass.name}` }).click();
  const cards = page.getByRole('list', { name: 'Login-kort' });
  const codes: [string, string][] = [];
  for (const name of klass.three) {
    const card = cards.getByRole('listitem').filter({ hasText: name });
    codes.push([name, (await card.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!]);
  }
  await page.getByRole('button', { name: `Gør til klasse-iPad for ${klass.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: picker })).toBeVisible();

  for (const [name, code] of codes) {
    await page.getByRole('link', { name: 'Log ind med kode' }).tap();
    await page.getByLabel('Koden fra login-kortet').fill(code);
    await page.getByRole('button', { name: 'Log ind', exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: `Hej ${name.split(' ')[0]}!` })).toBeVisible();
    await handOn(page);
    await expect(page.getByRole('heading', { level: 1, name: picker })).toBeVisible();
  }
});

test('a wrong code on the class iPad gets a calm Danish message', async ({ page }, info) => {
  const klass = classFor(info.project.name);
  await signIn(page, 'bo');
  await page.getByRole('button', { name: `Gør til klasse-iPad for ${klass.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${klass.name}: Tryk på dit billede` })).toBeVisible();
  await page.getByRole('link', { name: 'Log ind med kode' }).click();
  await page.getByLabel('Koden fra login-kortet').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('forkert');
  await expect(page.getByLabel('Koden fra login-kortet')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

/**
 * A camera's view of a printed card: the card's own QR image (as the teacher printed it) drawn
 * large on a light background, as one frame of a Y4M video (4:2:0, grey), which Chromium's fake
 * camera then shows on a loop.
 */
async function cameraFileShowing(page: Page, qrSrc: string, file: string) {
  const [width, height] = [640, 480];
  const luma = await page.evaluate(
    async ({ src, width, height }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#d8d4cc';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(img, 150, 70, 340, 340);
      const rgba = ctx.getImageData(0, 0, width, height).data;
      let y = '';
      for (let i = 0; i < rgba.length; i += 4) {
        y += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
      }
      return btoa(y);
    },
    { src: qrSrc, width, height },
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`),
      Buffer.from(luma, 'base64'),
      chroma,
      chroma,
    ]),
  );
}

test('on a class iPad three pupils sign in and out in turn by showing their card to the camera', async ({ page }, info) => {
  const klass = classFor(info.project.name);
  const picker = `${klass.name}: Tryk på dit billede`;
  await signIn(page, 'anne');
  await page.getByRole('button', { name: `Lav nye login-kort til ${klass.name}` }).click();
  const cards = page.getByRole('list', { name: 'Login-kort' });
  const videos: [string, string][] = [];
  for (const name of klass.three) {
    const qr = cards.getByRole('listitem').filter({ hasText: name }).getByRole('img', { name: `QR-kode til ${name}` });
    const file = info.outputPath(`card-${videos.length}.y4m`);
    await cameraFileShowing(page, (await qr.getAttribute('src'))!, file);
    videos.push([name, file]);
  }
  await page.getByRole('button', { name: `Gør til klasse-iPad for ${klass.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: picker })).toBeVisible();
  // The iPad stays the class iPad while each child holds up a different card: the same cookies,
  // a browser whose camera sees that child's card.
  let ipad = await page.context().storageState();

  for (const [name, file] of videos) {
    const browser = await chromium.launch(withFakeCamera(file));
    try {
      const context = await browser.newContext({ ...info.project.use, baseURL, locale: 'da-DK', storageState: ipad });
      await context.grantPermissions(['camera']);
      const tablet = await context.newPage();
      await tablet.goto('/klasse');
      await expect(tablet.getByRole('heading', { level: 1, name: picker })).toBeVisible();
      await tablet.getByRole('link', { name: 'Mit kort' }).tap();
      await expect(tablet.getByRole('heading', { level: 1, name: 'Vis dit kort' })).toBeVisible();
      await expect(tablet.getByRole('heading', { level: 1, name: `Hej ${name.split(' ')[0]}!` })).toBeVisible({
        timeout: 15_000,
      });
      await handOn(tablet);
      await expect(tablet.getByRole('heading', { level: 1, name: picker })).toBeVisible();
      ipad = await context.storageState();
    } finally {
      await browser.close();
    }
  }
});

test('the card scanner screen tells the child what to do and passes axe', async ({}, info) => {
  const file = info.outputPath('empty.y4m');
  const [width, height] = [320, 240];
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`),
      Buffer.alloc(width * height, 200),
      Buffer.alloc((width * height) / 2, 128),
    ]),
  );
  const withCamera = await chromium.launch(withFakeCamera(file));
  try {
    const context = await withCamera.newContext({ ...info.project.use, baseURL, locale: 'da-DK' });
    await context.grantPermissions(['camera']);
    const page = await context.newPage();
    await page.goto('/kort');
    await expect(page.getByRole('status')).toHaveText('Hold dit kort op foran kameraet.');
    await expectNoAxeViolations(page);
  } finally {
    await withCamera.close();
  }
});

test('without a camera the scanner points to the typed code instead', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
  });
  await page.goto('/kort');
  await expect(page.getByRole('status')).toContainText('Bed en voksen om at skrive koden');
  await expect(page.getByRole('link', { name: 'Log ind med kode' })).toBeVisible();
  await expectNoAxeViolations(page);
});
