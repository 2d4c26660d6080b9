import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { baseURL } from '../chromium';
import { expectNoAxeViolations, fitsWidth, officeMakesClass, signIn } from './support';

// The e2e server anonymises people one day after they left (`--erase-after-days 1`, xtask):
// the leader's browser lives two days on, by naming each request's instant.
const TWO_DAYS_ON = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

// The office enrols a pupil with her father and later marks her as left. Two days on, the
// leader follows the link from her overview to the people page, fetches the pupil's archive
// (one page to keep, with her guardian), and anonymises exactly the pupil and her father after
// reviewing the list; the father can no longer sign in. Each screen at this project's size,
// with axe, the saved archive too.
test('the leader fetches a pupil’s archive and anonymises her and her father after she left', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const { viewport } = info.project.use;
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const className = `2.${tag}`;
  const grade = '2. klasse';
  const pupil = `Vera Glem${tag}`;
  const father = { pupil, given: 'Viggo', family: `Glem${tag}`, username: `viggo${tag}`.toLowerCase(), password: 'viggos lange kode' };
  const fatherName = `Viggo Glem${tag}`;
  await officeMakesClass(browser, { className, grade, pupils: [['Vera', `Glem${tag}`]], guardian: father, hold: `Dansk ${className}` });

  // The office marks her as left.
  const offices = await browser.newContext({ baseURL, locale: 'da-DK', viewport: { width: 1280, height: 800 } });
  const office = await offices.newPage();
  await signIn(office, 'ole');
  await office.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const klass = office.getByRole('region', { name: `${className} (${grade})` });
  office.once('dialog', (dialog) => dialog.accept());
  await klass.getByRole('button', { name: `Meld ud: ${pupil}` }).click();
  await expect(klass.getByText(pupil, { exact: true })).toHaveCount(0);
  await offices.close();

  // Two days on, the leader opens the people page from her overview.
  const leaders = await browser.newContext({ viewport, baseURL, locale: 'da-DK', acceptDownloads: true });
  await leaders.setExtraHTTPHeaders({ 'X-Spire-Now': TWO_DAYS_ON() });
  const lene = await leaders.newPage();
  await signIn(lene, 'lene');
  await expect(lene.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await lene.getByRole('link', { name: 'Personoplysninger' }).click();
  await expect(lene.getByRole('heading', { level: 1, name: 'Personoplysninger på Solbakken Skole' })).toBeVisible();
  await expectNoAxeViolations(lene);
  expect(await fitsWidth(lene)).toBe(true);

  // Her archive: one page, her name, her class and her father.
  await lene.getByLabel('Person').selectOption({ label: `${pupil} (har forladt skolen)` });
  const [download] = await Promise.all([
    lene.waitForEvent('download'),
    lene.getByRole('button', { name: 'Hent arkiv' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^spire-arkiv-\d+\.html$/);
  const html = await readFile(await download.path(), 'utf8');
  const archive = await leaders.newPage();
  await archive.setContent(html);
  await expect(archive.getByRole('heading', { level: 1, name: `Alt om ${pupil} i Spire` })).toBeVisible();
  await expect(archive.getByText(`${fatherName}: har adgang i Spire`)).toBeVisible();
  await expect(archive.getByRole('region', { name: 'Klasser og hold' }).getByRole('cell', { name: `Dansk ${className}` })).toBeVisible();
  await expectNoAxeViolations(archive);
  expect(await fitsWidth(archive)).toBe(true);
  await archive.close();

  // The list due holds her and her father (and whoever else left in this run): the leader keeps
  // only those two ticked, confirms she reviewed it, and anonymises them.
  const due = lene.getByRole('table', { name: /^Klar til anonymisering/ });
  await expect(due.getByRole('checkbox', { name: pupil, exact: true })).toBeChecked();
  await expect(due.getByRole('checkbox', { name: fatherName, exact: true })).toBeChecked();
  for (const box of await due.getByRole('checkbox').all()) {
    const name = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '');
    if (name !== pupil && name !== fatherName) await box.uncheck();
  }
  await lene.getByRole('checkbox', { name: 'Jeg har gennemgået listen, og det, der skal gemmes, er hentet.' }).check();
  await lene.getByRole('button', { name: 'Anonymisér de valgte' }).click();
  await expect(lene.getByRole('heading', { level: 1, name: 'Anonymiseringen er gennemført' })).toBeVisible();
  await expect(lene.getByRole('status')).toHaveText('2 personer er anonymiseret: 1 elev, 0 medarbejdere og 1 forælder.');
  await expectNoAxeViolations(lene);
  await lene.getByRole('link', { name: 'Tilbage til personoplysninger' }).click();
  await expect(lene.getByRole('option', { name: new RegExp(pupil) })).toHaveCount(0);
  await expect(lene.getByRole('option', { name: new RegExp(fatherName) })).toHaveCount(0);
  await leaders.close();

  // Her father's sign-in is gone with his name.
  const phones = await browser.newContext({ viewport, baseURL, locale: 'da-DK' });
  const parent = await phones.newPage();
  await signIn(parent, father.username, father.password);
  await expect(parent.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert');
  await phones.close();
});
