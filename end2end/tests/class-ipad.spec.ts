import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

const PICKER = '1.A: Tryk på dit billede';

test('a teacher opens a class iPad and three pupils sign in and out in turn by tapping their pictures', async ({
  page,
}) => {
  await signIn(page, 'anne');
  await page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
  await expect(page).toHaveURL(/\/klasse$/);
  await expect(page.getByRole('heading', { level: 1, name: PICKER })).toBeVisible();
  const tiles = page.getByRole('list', { name: 'Tryk på dit billede' }).getByRole('button');
  await expect(tiles).toHaveCount(10);
  for (const tile of await tiles.all()) {
    const box = (await tile.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(96);
    expect(box.height).toBeGreaterThanOrEqual(96);
  }
  await expectNoAxeViolations(page);

  for (const name of ['Ida', 'Noah', 'Freja']) {
    await page.getByRole('button', { name, exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: `Hej ${name}!` })).toBeVisible();
    await page.getByRole('button', { name: 'Færdig' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: PICKER })).toBeVisible();
  }
  // No one typed anything after the teacher handed the iPad over.
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('an adult closes the class iPad again', async ({ page }) => {
  await signIn(page, 'bo');
  await page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PICKER })).toBeVisible();
  await page.getByRole('link', { name: 'Log ind som voksen' }).click();
  await signIn(page, 'bo');
  await expect(page.getByText('Denne enhed er klasse-iPad for 1.A.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Luk klasse-iPad' }).click();
  await expect(page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' })).toBeVisible();
  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await expect(page).toHaveURL(/\/log-ind$/);
});

test('without a class iPad the picture page sends you to the adults sign-in', async ({ page }) => {
  await page.goto('/klasse');
  await expect(page).toHaveURL(/\/log-ind$/);
});
