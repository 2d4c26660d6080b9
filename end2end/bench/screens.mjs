// Screenshots for docs/screens.md: a short tour of the screens, taken from the demo school.
// A tool, not a test: `npx playwright test` never sees it (testDir is ./tests).
//
//   cd end2end && BASE_URL=http://127.0.0.1:3000 node bench/screens.mjs
//
// Writes PNGs at device scale 1 (small files) into ../docs/screens/.

import { chromium } from '@playwright/test';
import { baseURL, launchOptions } from './launch.mjs';

const DEMO_PASSWORD = 'spire-demo'; // backend/src/demo: DEMO_PASSWORD
const OUT = new URL('../../docs/screens/', import.meta.url).pathname;

const SIZES = {
  laptop: { viewport: { width: 1280, height: 800 } },
  ipad: { viewport: { width: 810, height: 1080 }, hasTouch: true, isMobile: true },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
};

async function signedIn(browser, size, user) {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', deviceScaleFactor: 1, ...SIZES[size] });
  const page = await context.newPage();
  await page.goto('/log-ind');
  await page.getByLabel('Brugernavn').fill(user);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Log ind' }).waitFor();
  return page;
}

async function shot(page, name, fullPage = false) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
  console.error(`docs/screens/${name}.png`);
}

const browser = await chromium.launch(launchOptions);
try {
  let page = await signedIn(browser, 'laptop', 'bo');
  await page.getByRole('heading', { level: 1, name: 'Mine hold' }).waitFor();
  await shot(page, 'teacher-home-laptop');
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('slider', { name: 'Flyt Tal til 20' }).click();
  await shot(page, 'year-plan-timeline-laptop');
  await page.getByRole('heading', { name: 'Kompetenceområder i årsplanen' }).scrollIntoViewIfNeeded();
  await shot(page, 'year-plan-coverage-laptop');
  await page.getByRole('region', { name: 'Forløb', exact: true }).getByRole('link', { name: 'Tal til 20' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tal til 20' }).waitFor();
  await shot(page, 'unit-laptop');
  await page.getByRole('button', { name: 'Sådan ser eleven det' }).click();
  const preview = page.getByRole('region', { name: 'Sådan ser eleven det' });
  await preview.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await preview.screenshot({ path: `${OUT}unit-pupil-preview-laptop.png` });
  console.error('docs/screens/unit-pupil-preview-laptop.png');
  await page.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Evaluering: Tal til 20' }).waitFor();
  await page.getByRole('table').getByRole('button').first().focus();
  await shot(page, 'evaluation-grid-laptop');

  page = await signedIn(browser, 'phone', 'mette');
  await page.getByRole('heading', { level: 1, name: 'Mine børn' }).waitFor();
  await shot(page, 'parent-home-phone');
  await page.getByRole('button', { name: /^Logget ind som/ }).click();
  await shot(page, 'parent-account-menu-phone');

  page = await signedIn(browser, 'ipad', 'ida');
  await page.getByRole('heading', { level: 1, name: 'Hej Ida!' }).waitFor();
  await shot(page, 'pupil-home-ipad', true);
  await page.getByRole('list', { name: 'Mine fag' }).getByRole('link', { name: 'Matematik' }).click();
  await page.getByRole('heading', { level: 1, name: 'Matematik' }).waitFor();
  await shot(page, 'pupil-subject-ipad', true);
  await page.getByRole('link', { name: 'Hjem' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hej Ida!' }).waitFor();
  await page.getByRole('button', { name: 'Færdig', exact: true }).click();
  await shot(page, 'pupil-hand-on-ipad');
  await page.getByRole('button', { name: 'Nej, tilbage' }).click();
  await page.getByRole('link', { name: 'Hvordan gik det?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hvordan gik det?' }).waitFor();
  await shot(page, 'pupil-faces-ipad');
} finally {
  await browser.close();
}
