import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

// The planning screens at tablet and phone size: Bo's årsplan and forløb come with the demo
// school; these tests only read, so they never meet the laptop flow's writes.

test('a teacher reads the årsplan week by week and the forløb with its pupil preview', async ({ page }) => {
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Planlægning / })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matematik i 1.A' })).toBeVisible();
  const weeks = page.getByRole('region', { name: 'Året uge for uge' });
  await expect(weeks.getByRole('slider', { name: 'Flyt Tal til 20' })).toHaveAttribute('aria-valuetext', /^uge 36/);
  await expectNoAxeViolations(page);

  await page.getByRole('region', { name: 'Forløb', exact: true }).getByRole('link', { name: 'Tal til 20' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tal til 20' })).toBeVisible();
  await page.getByRole('button', { name: 'Sådan ser eleven det' }).click();
  const preview = page.getByRole('region', { name: 'Sådan ser eleven det' });
  await expect(preview.getByRole('button', { name: 'Læs op Tæl blyanter' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await expect(page.getByRole('table', { name: 'Evaluering: Tal til 20' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a teacher browses the library and previews a shared forløb', async ({ page }) => {
  await signIn(page, 'anne');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Bibliotek' }).click();
  const found = page.getByRole('list', { name: 'Fundne forløb' });
  await found.getByRole('button', { name: 'Se forløbet Tal til 20' }).click();
  await expect(page.getByRole('region', { name: 'Forløbet Tal til 20' }).getByText('Jeg kan tælle til 20')).toBeVisible();
  await expectNoAxeViolations(page);
});

// Their build has no planning screens at all (the server refuses the calls too: see the HTTP
// authorization matrix), so a typed or bookmarked address finds nothing.
test('pupils and parents are not let into planning', async ({ page }) => {
  for (const [user, home] of [
    ['ida', 'Hej Ida!'],
    ['mette', 'Mine børn'],
  ]) {
    await signIn(page, user);
    await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
    for (const path of ['/planlaegning', '/bibliotek', '/evaluering/1', '/elevplaner/1']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Planlægning' })).toHaveCount(0);
    }
    await expectNoAxeViolations(page);
    await page.context().clearCookies();
  }
});
