import { readFileSync } from 'node:fs';
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
  await page.getByRole('link', { name: 'Ida Jensen', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Elevplan for Ida Jensen' })).toBeVisible();
  const idasPlans = page.url();
  await expect(page.getByRole('heading', { name: 'Elevens pakke' })).toHaveCount(0);
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

  // Ida moves school: Lene, the leader, downloads her package and prints it. Loading it back here
  // is refused: a package brings a pupil from another school, never this school's own plans.
  const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const leader = await office.newPage();
  await signIn(leader, 'lene');
  await expect(leader.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
  await leader.goto(idasPlans);
  const pack = leader.getByRole('region', { name: 'Elevens pakke' });
  const [download] = await Promise.all([
    leader.waitForEvent('download'),
    pack.getByRole('link', { name: 'Hent elevens pakke (JSON)' }).click(),
  ]);
  const file = await download.path();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.format).toBe('spire-pupil/1');
  expect(json.plans[0].versions[0].texts.status).toContain('Ida tæller sikkert til 20');
  await pack.getByLabel('Pakke (JSON-fil)').setInputFiles(file);
  await pack.getByRole('button', { name: 'Indlæs pakken' }).click();
  await expect(pack.getByRole('alert')).toContainText('Pakken er fra jeres egen skole');
  await pack.getByLabel('Pakke (JSON-fil)').setInputFiles({
    name: 'noget.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"noget andet"}'),
  });
  await pack.getByRole('button', { name: 'Indlæs pakken' }).click();
  await expect(pack.getByRole('alert')).toContainText('Filen er ikke en elevpakke fra Spire');
  await expectNoAxeViolations(leader);
  await pack.getByRole('link', { name: 'Udskriv elevens pakke' }).click();
  await expect(leader.getByRole('heading', { level: 1, name: 'Elevens pakke: Ida Jensen' })).toBeVisible();
  await expect(leader.getByRole('heading', { level: 2, name: 'Matematik' })).toBeVisible();
  await expect(leader.getByRole('columnheader', { name: 'Vurderet af' })).toBeVisible();
  await expectNoAxeViolations(leader);
  await office.close();
});
