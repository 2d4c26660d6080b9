import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

test('a teacher prints login cards and an adult signs a pupil in with the typed code', async ({ page }) => {
  await signIn(page, 'anne');
  await page.getByRole('button', { name: 'Lav nye login-kort til 1.A' }).click();
  const cards = page.getByRole('list', { name: 'Login-kort' });
  await expect(cards.getByRole('listitem')).toHaveCount(10);
  const ida = cards.getByRole('listitem').filter({ hasText: 'Ida Jensen' });
  await expect(ida.getByRole('img', { name: 'QR-kode til Ida Jensen' })).toBeVisible();
  const code = (await ida.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!;
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await page.getByRole('link', { name: 'Log ind med kode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med kode' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Koden fra login-kortet').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Ida!' })).toBeVisible();
});

test('a wrong code gets a calm Danish message', async ({ page }) => {
  await page.goto('/kode');
  await page.getByLabel('Koden fra login-kortet').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('forkert');
  await expect(page.getByLabel('Koden fra login-kortet')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
