import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

test('a teacher who is also a parent switches to the parent view and back', async ({ page }) => {
  await signIn(page, 'camilla');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  await page.getByRole('button', { name: 'Skift til forælder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Karl Rasmussen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Skift til lærer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
});

test('signing out everywhere ends the session on every device', async ({ browser, page, baseURL }) => {
  const other = await browser.newContext({ baseURL });
  const phone = await other.newPage();
  await signIn(phone, 'mette');
  await expect(phone.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();

  await signIn(page, 'mette');
  await page.getByRole('button', { name: 'Log ud alle steder' }).click();
  await expect(page).toHaveURL(/\/log-ind$/);

  await phone.reload();
  await expect(phone).toHaveURL(/\/log-ind$/);
  await other.close();
});
