import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

const HEADER = 'klasse,klassetrin,fornavn,efternavn,forælder_fornavn,forælder_efternavn,forælder_adgang';

function csv(lines: string[]) {
  return { name: 'elever.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\n')) };
}

test('a leader imports a roster after a dry run, moves a pupil and marks one as left', async ({ page }, info) => {
  // A long flow with three axe scans of the school's whole roster, which other tests keep growing.
  test.setTimeout(60_000);
  // Each run imports classes and pupils of its own, so runs never meet in the shared database
  // (a pupil named like one already in another class would be refused as a possible duplicate).
  const tag = `${info.project.name === 'ipad' ? 'I' : 'P'}${Date.now() % 100000}`;
  const [small, big] = [`2.${tag}`, `3.${tag}`];
  await signIn(page, 'lene');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration: Solbakken Skole' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '1.A (1. klasse)' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Vælg CSV-fil').setInputFiles(
    csv([
      `${small},2,Otto,Lind${tag},Eva,Lind${tag},ja`,
      `${small},2,Maja,Lind${tag},Eva,Lind${tag},ja`,
      `${big},3,Bilal,Haddad${tag},Samira,Haddad${tag},nej`,
    ]),
  );
  await expect(page.getByText('Ingen fejl i filen.')).toBeVisible();
  await expect(page.getByText(`${small}, ${big}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `${small} (2. klasse)` })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Gennemfør import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importen er gennemført.' })).toBeVisible();
  const smallClass = page.getByRole('region', { name: `${small} (2. klasse)` });
  await expect(smallClass.getByText(`Otto Lind${tag}`, { exact: true })).toBeVisible();

  await smallClass.getByLabel(`Ny klasse for Otto Lind${tag}`).selectOption({ label: big });
  // Before it moves him, the screen says what it does to his hold.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain(`Flyt Otto Lind${tag} til ${big}?`);
    void dialog.accept();
  });
  await smallClass.getByRole('button', { name: `Flyt Otto Lind${tag}` }).click();
  const bigClass = page.getByRole('region', { name: `${big} (3. klasse)` });
  await expect(bigClass.getByText(`Otto Lind${tag}`, { exact: true })).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await bigClass.getByRole('button', { name: `Meld ud: Bilal Haddad${tag}` }).click();
  await expect(bigClass.getByText(`Bilal Haddad${tag}`, { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a roster file with a bad line changes nothing and names the line', async ({ page }) => {
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  await page.getByLabel('Vælg CSV-fil').setInputFiles(csv(['4.X,4,Asta,Berg,,,', '4.X,14,Ib,Berg,,,']));
  const problems = page.getByRole('table', { name: 'Fejl i filen – intet er ændret' });
  await expect(problems.getByRole('row', { name: /3/ })).toContainText('Klassetrin skal være et tal fra 0 til 10.');
  await expect(page.getByRole('button', { name: 'Gennemfør import' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a teacher cannot open the administration', async ({ page }) => {
  await signIn(page, 'anne');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  await page.goto('/administration');
  await expect(page.getByRole('alert')).toContainText('Du har ikke adgang til dette.');
  await expectNoAxeViolations(page);
});

test('what a leader has begun typing for one pupil stays while another form saves', async ({ page }, info) => {
  const tag = `${info.project.name === 'ipad' ? 'k' : 'q'}${Date.now() % 100000}`;
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  const newClass = page.getByRole('form', { name: 'Ny klasse' });
  await newClass.getByLabel('Klassens navn, fx 2.C').fill(`4.${tag}`);
  await newClass.getByLabel('Klassetrin').selectOption({ label: '4. klasse' });
  await newClass.getByRole('button', { name: 'Opret klasse' }).click();
  const newPupil = page.getByRole('form', { name: 'Ny elev' });
  await newPupil.getByLabel('Fornavn').fill('Asta');
  await newPupil.getByLabel('Efternavn').fill(`Holm${tag}`);
  await newPupil.getByLabel('Klasse').selectOption({ label: `4.${tag}` });
  await newPupil.getByRole('button', { name: 'Tilføj elev' }).click();
  const classSection = page.getByRole('region', { name: `4.${tag} (4. klasse)` });
  await expect(classSection.getByText(`Asta Holm${tag}`, { exact: true })).toBeVisible();
  // Once saved, a form is empty for the next entry.
  await expect(newPupil.getByLabel('Fornavn')).toHaveValue('');

  await classSection.getByText(`Tilknyt forælder til Asta Holm${tag}`).click();
  const guardian = classSection.getByRole('group').filter({ hasText: `Tilknyt forælder til Asta Holm${tag}` });
  await guardian.getByLabel('Fornavn').fill('Jonas');

  await newClass.getByLabel('Klassens navn, fx 2.C').fill(`5.${tag}`);
  await newClass.getByLabel('Klassetrin').selectOption({ label: '5. klasse' });
  await newClass.getByRole('button', { name: 'Opret klasse' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `5.${tag} (5. klasse)` })).toBeVisible();
  await expect(newClass.getByLabel('Klassens navn, fx 2.C')).toHaveValue('');
  await expect(guardian.getByLabel('Fornavn')).toHaveValue('Jonas');
  await expect(guardian.getByLabel('Adgangskode (valgfrit)')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a leader creates a class, a pupil, a teacher and a hold, and links a guardian who can then sign in', async ({
  page,
  browser,
  baseURL,
}, info) => {
  // Five forms on the school's whole roster, which the other tests keep growing.
  test.setTimeout(60_000);
  const tag = `${info.project.name === 'ipad' ? 'i' : 'p'}${Date.now() % 100000}`;
  const className = `6.${tag}`;
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');

  const newClass = page.getByRole('form', { name: 'Ny klasse' });
  await newClass.getByLabel('Klassens navn, fx 2.C').fill(className);
  await newClass.getByLabel('Klassetrin').selectOption({ label: '6. klasse' });
  await newClass.getByRole('button', { name: 'Opret klasse' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${className} (6. klasse)` })).toBeVisible();

  const newPupil = page.getByRole('form', { name: 'Ny elev' });
  await newPupil.getByLabel('Fornavn').fill('Vilma');
  await newPupil.getByLabel('Efternavn').fill(`Sand${tag}`);
  await newPupil.getByLabel('Klasse').selectOption({ label: className });
  await newPupil.getByRole('button', { name: 'Tilføj elev' }).click();
  const classSection = page.getByRole('region', { name: `${className} (6. klasse)` });
  await expect(classSection.getByText(`Vilma Sand${tag}`, { exact: true })).toBeVisible();

  const newStaff = page.getByRole('form', { name: 'Ny medarbejder' });
  await newStaff.getByLabel('Fornavn').fill('Kim');
  await newStaff.getByLabel('Efternavn').fill(`Storm${tag}`);
  await newStaff.getByLabel('Rolle').selectOption({ label: 'lærer' });
  await newStaff.getByLabel('Brugernavn').fill(`kim${tag}`);
  await newStaff.getByLabel('Adgangskode').fill('en lang nok kode');
  await newStaff.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  await expect(page.getByRole('region', { name: 'Medarbejdere' }).getByText(`Kim Storm${tag} – lærer`)).toBeVisible();

  const newTeam = page.getByRole('form', { name: 'Nyt hold' });
  await newTeam.getByLabel('Holdets navn, fx Dansk 2.C').fill(`Musik ${className}`);
  await newTeam.getByLabel('Fag').selectOption({ label: 'Musik (1.–6. klasse)' });
  await newTeam.getByLabel('Klasse').selectOption({ label: className });
  await newTeam.getByLabel('Lærer').selectOption({ label: `Kim Storm${tag}` });
  await newTeam.getByRole('button', { name: 'Opret hold' }).click();
  await expect(page.getByRole('region', { name: 'Hold i dette skoleår' }).getByText(`Musik ${className}`)).toBeVisible();

  await classSection.getByText(`Tilknyt forælder til Vilma Sand${tag}`).click();
  const guardian = classSection.getByRole('group').filter({ hasText: `Tilknyt forælder til Vilma Sand${tag}` });
  await guardian.getByLabel('Fornavn').fill('Hanne');
  await guardian.getByLabel('Efternavn').fill(`Sand${tag}`);
  await guardian.getByLabel('Brugernavn (valgfrit)').fill(`hanne${tag}`);
  await guardian.getByLabel('Adgangskode (valgfrit)').fill('en lang nok kode');
  await expectNoAxeViolations(page);
  await guardian.getByRole('button', { name: 'Tilknyt forælder' }).click();
  await expect(classSection.getByText(`Forældre: Hanne Sand${tag}`)).toBeVisible();

  const other = await browser.newContext({ baseURL });
  const parent = await other.newPage();
  await signIn(parent, `hanne${tag}`, 'en lang nok kode');
  await expect(parent.getByRole('heading', { level: 2, name: `Vilma Sand${tag}` })).toBeVisible();
  await other.close();
});

test('the office sets the first and last day of next school year, and a wrong date is explained', async ({ page }) => {
  // Two saves, two axe scans and three reloads, with a possible retry on conflict: on a loaded
  // 2-core CI machine the phone run took 32 s, past the default 30 s.
  test.setTimeout(60_000);
  const now = new Date();
  const current = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  const next = `${current + 1}/${String((current + 2) % 100).padStart(2, '0')}`;
  await signIn(page, 'ole');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const years = page.getByRole('region', { name: 'Skoleår' });
  await expect(years.getByRole('heading', { level: 3, name: `${current}/${String((current + 1) % 100).padStart(2, '0')} (nu)` })).toBeVisible();
  const form = years.getByRole('form', { name: next });

  // Both screen sizes save the same year's dates at the same time, so one save may meet the
  // other's and be refused as a conflict; the office then does what the message says: reload
  // the page and save again.
  const first = form.getByLabel(`Første skoledag ${next}`);
  const last = form.getByLabel(`Sidste skoledag ${next}`);
  const save = async (firstDay: string, lastDay: string, outcome: ReturnType<typeof form.getByRole>) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await first.fill(firstDay);
      await last.fill(lastDay);
      await form.getByRole('button', { name: `Gem skoleår ${next}` }).click();
      const conflict = form.getByRole('alert').filter({ hasText: 'En anden har gemt ændringer imens' });
      await expect(outcome.or(conflict)).toBeVisible();
      if (!(await conflict.isVisible())) return;
      await page.reload();
    }
  };
  await save(`${current + 1}-08-09`, `${current + 2}-06-25`, form.getByRole('status'));
  await expect(form.getByRole('status')).toHaveText('Gemt.');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(first).toHaveValue(`${current + 1}-08-09`);
  const wrong = form.getByRole('alert').filter({ hasText: 'Sidste skoledag skal være en dato i maj, juni eller juli' });
  await save(`${current + 1}-08-09`, `${current + 1}-12-20`, wrong);
  await expect(wrong).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(last).toHaveValue(`${current + 2}-06-25`);
});

test('the office finds a pupil by name, and looks at one class at a time', async ({ page }) => {
  await signIn(page, 'ole');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
  await page.goto('/administration');
  const find = page.getByRole('search', { name: 'Find elever' });
  await expect(page.getByRole('heading', { level: 2, name: '5.B (5. klasse)' })).toBeVisible();

  await find.getByLabel('Søg efter en elev').fill('noah han');
  await expect(page.getByRole('heading', { level: 2, name: '1.A (1. klasse)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '5.B (5. klasse)' })).toBeHidden();
  const firstA = page.getByRole('region', { name: '1.A (1. klasse)' });
  await expect(firstA.getByText('Noah Hansen', { exact: true })).toBeVisible();
  await expect(firstA.getByText('Ida Jensen', { exact: true })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Viser 1 af \d+ elever$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await find.getByLabel('Søg efter en elev').fill('');
  await find.getByLabel('Vis klasse').selectOption({ label: '5.B' });
  await expect(page.getByRole('heading', { level: 2, name: '5.B (5. klasse)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '1.A (1. klasse)' })).toBeHidden();
  await expect(page.getByRole('region', { name: '5.B (5. klasse)' }).getByText('Lucas Jensen', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
