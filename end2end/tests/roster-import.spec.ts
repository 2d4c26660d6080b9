import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

const PUPILS = 'klasse;klassetrin;fornavn;efternavn;uni_id;forælder_fornavn;forælder_efternavn;forælder_uni_id';

/** A file as Excel in a Danish locale saves "CSV (semikolonsepareret)": Windows-1252, whose
 * letters æ, ø and å are the same bytes as Latin-1's. */
function excelCsv(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'latin1') };
}

test('a leader imports staff and pupils by UNI-ID from Excel, and next year a pupil moves up instead of being duplicated', async ({
  page,
}, info) => {
  // Three imports, each checked before it is applied, on the school's whole roster.
  test.setTimeout(90_000);
  // Each run has people and classes of its own, so runs never meet in the shared database.
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const id = tag.toLowerCase();
  const [second, third] = [`2.${tag}`, `3.${tag}`];
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  const file = page.getByLabel('Vælg CSV-fil');

  await file.setInputFiles(
    excelCsv('personale.csv', ['fornavn;efternavn;rolle;uni_id', `Nanna;Krog${tag};Lærer;nk${id}`]),
  );
  await expect(page.getByText('Ingen fejl i filen.')).toBeVisible();
  await page.getByRole('button', { name: 'Gennemfør import' }).click();
  await expect(page.getByText('Importen er gennemført.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: `UNI-ID for Nanna Krog${tag}` })).toHaveValue(`nk${id}`);

  await file.setInputFiles(
    excelCsv('elever.csv', [PUPILS, `${second};2;Søren;Ærø${tag};sa${id};Åse;Ærø${tag};aa${id}`]),
  );
  await expect(page.getByText('Ingen fejl i filen.')).toBeVisible();
  await expect(page.getByText(second, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Gennemfør import' }).click();
  await expect(page.getByText('Importen er gennemført.')).toBeVisible();
  const secondClass = page.getByRole('region', { name: `${second} (2. klasse)` });
  await expect(secondClass.getByText(`Søren Ærø${tag}`, { exact: true })).toBeVisible();

  // Next year's file names the class 3.<tag>: the UNI-ID says Søren moves, and the leader sees
  // it before anything changes.
  await file.setInputFiles(excelCsv('elever-naeste-aar.csv', [PUPILS, `${third};3;Søren;Ærø${tag};SA${id};;;`]));
  await expect(page.getByText(`Søren Ærø${tag}: fra ${second} til ${third}`)).toBeVisible();
  await expect(page.getByRole('region', { name: `${third} (3. klasse)` })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Gennemfør import' }).click();
  await expect(page.getByText('Importen er gennemført.')).toBeVisible();
  const thirdClass = page.getByRole('region', { name: `${third} (3. klasse)` });
  await expect(thirdClass.getByText(`Søren Ærø${tag}`, { exact: true })).toBeVisible();
  await expect(secondClass.getByText(`Søren Ærø${tag}`, { exact: true })).toHaveCount(0);
});

test('a line that could be a pupil already in another class is refused with its line named', async ({ page }) => {
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  // Ida Jensen is in 1.A without a UNI-ID: a line putting an Ida Jensen in 5.B may be her.
  await page.getByLabel('Vælg CSV-fil').setInputFiles(excelCsv('elever.csv', [PUPILS, '5.B;5;Ida;Jensen;;;;']));
  const problems = page.getByRole('table', { name: 'Fejl i filen – intet er ændret' });
  await expect(problems.getByRole('row', { name: /^2 fornavn/ })).toContainText(
    'En person med samme navn findes allerede et andet sted på skolen.',
  );
  await expect(page.getByRole('button', { name: 'Gennemfør import' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
