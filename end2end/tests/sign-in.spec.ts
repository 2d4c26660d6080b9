import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

test('the sign-in page offers the demo logins and passes axe', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/log-ind$/);
  await expect(page.getByRole('heading', { level: 1, name: /Log ind/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demo-skole' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log ind som Anne Holm (lærer)' })).toBeVisible();
  await expect(page.getByLabel('Brugernavn')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('Adgangskode')).toHaveAttribute('autocomplete', 'current-password');
  await expectNoAxeViolations(page);
});

test('a wrong password gets a calm Danish message and no session', async ({ page }) => {
  await signIn(page, 'anne', 'forkert-kode');
  await expect(page.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert');
  await expect(page).toHaveURL(/\/log-ind$/);
  await expectNoAxeViolations(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/log-ind$/);
});

test('a demo login button signs in with one tap', async ({ page }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Log ind som Lene Dahl (leder)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
});

test('an unknown address says so in Danish and passes axe', async ({ page }) => {
  await page.goto('/findes-ikke');
  await expect(page.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Til forsiden' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('someone already signed in is taken from the sign-in page to their home', async ({ page }) => {
  await signIn(page, 'mette');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await page.goto('/log-ind');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test('after a wrong password both fields are marked invalid and point at the message', async ({ page }) => {
  await signIn(page, 'anne', 'forkert-kode');
  const message = page.getByRole('alert');
  await expect(message).toBeVisible();
  for (const label of ['Brugernavn', 'Adgangskode']) {
    const field = page.getByLabel(label);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Brugernavn eller adgangskode er forkert/);
  }
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto('/log-ind');
  // The page is an app: wait until it has drawn before moving through it.
  await expect(page.getByRole('heading', { level: 1, name: /Log ind/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Spring til indhold' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('a failed UNI-Login sign-in is explained in Danish on the sign-in page', async ({ page }) => {
  await page.goto('/log-ind?fejl=uni-login');
  await expect(page.getByRole('alert')).toContainText('Log ind med UNI-Login lykkedes ikke');
  await expectNoAxeViolations(page);
});
