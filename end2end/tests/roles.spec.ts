import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

test('a teacher who is also a parent switches to the parent view and back', async ({ page }) => {
  await signIn(page, 'camilla');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  // Switching role is in the account menu, behind who is signed in.
  const account = page.getByRole('button', { name: /^Logget ind som Camilla/ });
  await expect(account).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Skift til forælder' })).toBeHidden();
  await account.click();
  await expect(account).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Skift til forælder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Karl Rasmussen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /^Logget ind som Camilla/ }).click();
  await page.getByRole('button', { name: 'Skift til lærer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
});

test('signing out everywhere ends the session on every device', async ({ browser, page, baseURL }) => {
  const other = await browser.newContext({ baseURL });
  const phone = await other.newPage();
  await signIn(phone, 'mette');
  await expect(phone.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();

  await signIn(page, 'mette');
  await page.getByRole('button', { name: /^Logget ind som Mette/ }).click();
  await page.getByRole('button', { name: 'Log ud alle steder' }).click();
  await expect(page).toHaveURL(/\/log-ind$/);

  await phone.reload();
  await expect(phone).toHaveURL(/\/log-ind$/);
  await other.close();
});

test('the header is one calm line: signing out everywhere waits in the account menu, and Escape folds it away', async ({ page }) => {
  await signIn(page, 'mette');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByRole('button', { name: 'Log ud', exact: true })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Log ud alle steder' })).toBeHidden();
  // At most a sixth of the screen, phone included (it was 40 % of a phone's first screen).
  const box = await header.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.height <= viewport.height / 6).toBeTruthy();

  const account = header.getByRole('button', { name: /^Logget ind som Mette/ });
  await account.click();
  await expect(header.getByRole('button', { name: 'Log ud alle steder' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Skift adgangskode' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(header.getByRole('button', { name: 'Log ud alle steder' })).toBeHidden();
  await expect(account).toBeFocused();
  await expectNoAxeViolations(page);
});
