import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, newClass, newPupil, signIn } from './support';

test('a leader staffs a hold with two teachers and a pædagog, adds a pupil from another class, and a pupil who joins the class mid-year is in it', async ({
  page,
}, info) => {
  // Several forms on the school's whole roster, which the other tests keep growing.
  test.setTimeout(90_000);
  // Classes and pupils of this run's own, so runs never meet in the shared database.
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const [own, other] = [`7.${tag}`, `8.${tag}`];
  // Historie: one of the subjects beyond the seven Spire began with.
  const team = `Historie ${own}`;
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  await newClass(page, own, '7. klasse');
  await newClass(page, other, '8. klasse');
  await newPupil(page, 'Alma', `Sø${tag}`, own);
  await newPupil(page, 'Bertil', `Å${tag}`, other);

  const newTeam = page.getByRole('form', { name: 'Nyt hold' });
  await newTeam.getByLabel('Holdets navn, fx Dansk 2.C').fill(team);
  await newTeam.getByLabel('Fag').selectOption({ label: 'Historie (3.–9. klasse)' });
  await newTeam.getByLabel('Klasse').selectOption({ label: own });
  await newTeam.getByLabel('Lærer').selectOption({ label: 'Dorte Vang' });
  await newTeam.getByRole('button', { name: 'Opret hold' }).click();
  await page.getByRole('link', { name: `Elever og lærere på ${team}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: team })).toBeVisible();

  const teachers = page.getByRole('region', { name: 'Lærere og pædagoger' });
  const addTeacher = page.getByRole('form', { name: 'Tilføj lærer eller pædagog' });
  for (const name of ['Camilla Berg', 'Pia Lund']) {
    await addTeacher.getByLabel('Lærer eller pædagog').selectOption({ label: name });
    await addTeacher.getByRole('button', { name: 'Tilføj til holdet' }).click();
    await expect(teachers.getByText(new RegExp(`^${name} \\(`))).toBeVisible();
  }
  await expect(teachers.getByText('Pia Lund (pædagog)')).toBeVisible();

  const pupils = page.getByRole('region', { name: 'Elever' });
  await expect(pupils.getByText(`Alma Sø${tag}, ${own}`)).toBeVisible();
  const addPupil = page.getByRole('form', { name: 'Tilføj elev' });
  await addPupil.getByLabel('Elev').selectOption({ label: `Bertil Å${tag}` });
  await addPupil.getByRole('button', { name: 'Tilføj eleven' }).click();
  await expect(pupils.getByText(`Bertil Å${tag}, ${other}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Camilla stops teaching the hold: the history keeps that she did.
  await teachers.getByRole('button', { name: 'Tag Camilla Berg af holdet' }).click();
  await expect(teachers.getByRole('listitem').filter({ hasText: 'Camilla Berg' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Historik' }).getByText(/Camilla Berg blev taget af holdet$/)).toBeVisible();

  // A pupil who joins the class mid-year joins its hold.
  await page.goto('/administration');
  await newPupil(page, 'Cecilie', `Ø${tag}`, own);
  await page.getByRole('link', { name: `Elever og lærere på ${team}` }).click();
  await expect(pupils.getByText(`Cecilie Ø${tag}, ${own}`)).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Arkivér holdet' }).click();
  await expect(page.getByText('Holdet er arkiveret.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj eleven' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Hent holdet tilbage' }).click();
  await expect(page.getByRole('button', { name: 'Tilføj eleven' })).toBeVisible();
});

test('a teacher opens her own hold from her home, and a teacher of another hold is refused', async ({ page, browser, baseURL }) => {
  await signIn(page, 'anne');
  await page.getByRole('link', { name: 'Elever og lærere på Dansk 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dansk 1.A' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lærere og pædagoger' }).getByText('Anne Holm (lærer)')).toBeVisible();
  await expectNoAxeViolations(page);
  const url = page.url();

  const other = await browser.newContext({ baseURL });
  const dorte = await other.newPage();
  await signIn(dorte, 'dorte');
  await expect(dorte.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  await dorte.goto(url);
  await expect(dorte.getByRole('alert')).toContainText('Du har ikke adgang til dette.');
  await other.close();
});

test('the school office opens a hold from the administration and sees who teaches it and who is in it', async ({ page }) => {
  await signIn(page, 'ole');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  await page.getByRole('link', { name: 'Elever og lærere på Dansk 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dansk 1.A' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lærere og pædagoger' }).getByText('Anne Holm (lærer)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Elever' }).getByText('Ida Jensen, 1.A')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Tilføj lærer eller pædagog' })).toBeVisible();
  await expectNoAxeViolations(page);
});
