import { devices, expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

test('a teacher writes an elevplan, publishes it after the preview, and the parent reads it on a phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('link', { name: 'Tal til 20' }).click();
  await page.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await page.getByRole('link', { name: 'Ida Jensen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Elevplan for Ida Jensen' })).toBeVisible();
  const parts = page.getByRole('region', { name: 'Det skal elevplanen indeholde' });
  await expect(parts.getByRole('listitem').filter({ hasText: 'Matematik' })).toContainText('mangler');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start elevplan i Matematik' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Elevplan: Matematik – Ida Jensen' })).toBeVisible();
  await page.getByLabel('Status').fill('Ida tæller sikkert til 20 og er glad for at regne.');
  await page.getByLabel('Mål', { exact: true }).fill('Tælle til 100 og lægge små tal sammen.');
  await page.getByLabel('Opfølgning').fill('Spil gerne terningespil derhjemme.');
  await page.getByRole('checkbox', { name: /Jeg kan tælle til 20/ }).check();
  await page.getByRole('button', { name: 'Gem elevplanen' }).click();
  await expect(page.getByRole('form', { name: 'Skriv planen' }).getByRole('status')).toHaveText('Gemt.');
  await expect(parts.getByRole('listitem').filter({ hasText: 'Matematik' })).toContainText('mangler');

  await page.getByRole('button', { name: 'Se den som forældre ser den' }).click();
  const preview = page.getByRole('region', { name: 'Se den som forældre ser den' });
  await expect(preview.getByRole('heading', { name: 'Matematik' })).toBeVisible();
  await expect(preview).toContainText('Ida tæller sikkert til 20');
  await expect(preview).toContainText('Jeg kan tælle til 20');
  await expect(preview).toContainText('Forhåndsvisning – ikke offentliggjort endnu');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(page.getByRole('region', { name: 'Se og offentliggør' }).getByRole('status')).toHaveText(
    'Offentliggjort som version 1',
  );

  // Mette, Ida's mother, on her phone.
  const phone = await browser.newContext({ ...devices['iPhone 13'], viewport: { width: 390, height: 844 } });
  const parent = await phone.newPage();
  await signIn(parent, 'mette');
  await parent.getByRole('link', { name: 'Samlet elevplan for Ida Jensen' }).tap();
  await expect(parent.getByRole('heading', { level: 1, name: 'Samlet elevplan for Ida Jensen' })).toBeVisible();
  await expect(parent.getByRole('heading', { level: 2, name: 'Matematik' })).toBeVisible();
  await expect(parent.getByRole('main')).toContainText('Ida tæller sikkert til 20');
  await expect(parent.getByRole('main')).toContainText('Version 1');
  await expectNoAxeViolations(parent);
  await phone.close();
});
