import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, fitsWidth } from './support';

test('a leader sees which hold plan and where elevplaner stand, and drills down to the plans', async ({ page }) => {
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  const holds = page.getByRole('table', { name: 'Hold og planlægning i år' });
  const maths = holds.getByRole('row', { name: /Matematik 1\.A/ });
  // Other tests copy forløb into Bo's årsplan and evaluate meanwhile; the shape is what holds.
  await expect(maths.getByRole('cell')).toHaveText(['Matematik', '1.A', /^\d+$/, 'Årsplan Matematik 1.A', /^[1-9]\d*$/, /^\d+ af \d+$/]);
  await expect(holds.getByRole('row', { name: /Engelsk 5\.B/ }).getByRole('cell').nth(3)).toHaveText('Ingen årsplan endnu');

  const grades = page.getByRole('table', { name: 'Elevplaner pr. klassetrin' });
  await expect(grades.getByRole('rowheader', { name: '1. klasse' })).toBeVisible();
  await expectNoAxeViolations(page);
  // No sideways scrolling of the page itself: wide tables scroll inside their own region.
  expect(await fitsWidth(page)).toBe(true);

  await page.getByText('Eleverne i 1. klasse').click();
  await page.getByRole('link', { name: 'Ida Jensen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ida Jensen');
  await page.goBack();
  await maths.getByRole('link', { name: 'Årsplan Matematik 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matematik i 1.A' })).toBeVisible();
  await expectNoAxeViolations(page);
});
