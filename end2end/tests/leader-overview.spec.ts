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

// The office shares the leader's overview but may not open an årsplan, a pupil's plans or the
// people page: every link it is shown leads somewhere it may see.
test('the office is shown no link it would be refused at', async ({ page }) => {
  await signIn(page, 'ole');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  const holds = page.getByRole('table', { name: 'Hold og planlægning i år' });
  await expect(holds.getByRole('row', { name: /Matematik 1\.A/ }).getByRole('cell', { name: 'Årsplan Matematik 1.A' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Årsplan / })).toHaveCount(0);
  await page.getByText('Eleverne i 1. klasse').click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Ida Jensen (1.A)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ida Jensen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Personoplysninger' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const hrefs = await page.getByRole('link').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? '').filter((h) => h.startsWith('/')),
  );
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of new Set(hrefs)) {
    await page.goto(href);
    await expect(page.getByRole('main')).toBeVisible();
    // The screen has asked the server for what it shows, and shown the answer.
    await page.waitForLoadState('networkidle');
    await expect(page.getByText('Du har ikke adgang til dette.'), href).toHaveCount(0);
  }
});
