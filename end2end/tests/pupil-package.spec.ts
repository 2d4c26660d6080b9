import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, signIn } from './support';

// The office sends a pupil's records on to a new school from the screens, not by typing an
// address; taking a pupil off the roll stands apart from moving them, and asks first.
test('the office downloads a pupil’s package from the administration screen', async ({ page }) => {
  // A download and two confirmations on the administration screen took 21 s on a loaded CI run.
  test.setTimeout(60_000);
  await signIn(page, 'ole');
  await expect(page.getByRole('heading', { level: 1, name: /^Overblik/ })).toBeVisible();
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Administration/ })).toBeVisible();
  const classSection = page.getByRole('region', { name: '1.A (1. klasse)' });
  const pupil = classSection.getByRole('listitem').filter({ hasText: 'Ida Jensen' }).first();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    pupil.getByRole('link', { name: 'Hent elevpakke for Ida Jensen' }).click(),
  ]);
  const saved = await download.path();
  const pack = JSON.parse(readFileSync(saved!, 'utf8'));
  expect(`${pack.pupil.given_name} ${pack.pupil.family_name}`).toBe('Ida Jensen');
  expect(pack.school).toBe('Solbakken Skole');

  // Meld ud asks before anything happens; declining changes nothing.
  page.once('dialog', (dialog) => dialog.dismiss());
  await pupil.getByRole('button', { name: 'Meld ud: Ida Jensen' }).click();
  await expect(pupil.getByRole('button', { name: 'Meld ud: Ida Jensen' })).toBeVisible();
  await expectNoAxeViolations(page);
});
