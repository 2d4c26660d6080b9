import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

// After a page change inside a build, the new screen's heading takes focus (so a screen reader
// reads where the person arrived) and the document's title names the screen.
test('moving to another screen focuses its heading and names it in the title', async ({ page }) => {
  await signIn(page, 'anne');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Planlægning/ });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Planlægning.* – Spire$/);

  // And back home: the home's heading, not the link that was clicked, has focus.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forside' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeFocused();
  await expect(page).toHaveTitle('Mine hold – Spire');
  await expectNoAxeViolations(page);
});

// Every hold card on the teacher's home opens the hold's årsplan (a screen of another build).
test('a hold card on the teacher’s home opens that hold’s årsplan', async ({ page }) => {
  await signIn(page, 'bo');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Matematik 1.A' }) });
  await card.getByRole('link', { name: /^Åbn årsplan: / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Matematik i 1\.A/ })).toBeVisible();
  await expect(page).toHaveURL(/\/aarsplan\/\d+$/);
  await expectNoAxeViolations(page);
});
