import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, mondayOf, signIn } from './support';

/** The school year the demo school is in (it starts on 1 August), and dates in its autumn. */
function autumn() {
  const now = new Date();
  const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  const label = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  return { label, first: `${start}-09-15`, last: `${start}-09-29`, taskDay: `${start}-09-16` };
}

test('a teacher plans a forløb with an own and a Fælles Mål goal and a task for two pupils; a colleague finds it in the library and copies it', async ({
  page,
  browser,
}) => {
  // One long story across three people: more than the default 30 s on a 2-core machine.
  test.setTimeout(120_000);
  const year = autumn();
  const title = `Eventyr ${Date.now() % 100000}`;

  // Anne makes the årsplan for her dansk hold in 1.A.
  await signIn(page, 'anne');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Planlægning ${year.label}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Titel på årsplanen for Dansk 1.A').fill('Dansk i 1.A');
  await page.getByRole('button', { name: 'Opret årsplan for Dansk 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dansk i 1.A' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A forløb over three weeks.
  const newUnit = page.getByRole('form', { name: 'Nyt forløb' });
  await newUnit.getByLabel('Titel').fill(title);
  await newUnit.getByLabel('Første uge').selectOption(mondayOf(year.first));
  await newUnit.getByLabel('Sidste uge').selectOption(mondayOf(year.last));
  await newUnit.getByRole('button', { name: 'Opret forløb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Uge 38–40').first()).toBeVisible();

  // A file for the forløb: attached, listed, and downloadable by the school's staff.
  // The forløb opens at a glance; its parts open in place.
  await expect(page.getByRole('button', { name: 'Materialer' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Materialer' }).click();
  await page.getByLabel('Vedhæft en fil').setInputFiles({
    name: 'eventyr.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Der var engang en prinsesse.'),
  });
  const materials = page.getByRole('region', { name: 'Materialer' });
  const fileLink = materials.getByRole('link', { name: 'eventyr.txt' });
  await expect(fileLink).toBeVisible();
  const download = await page.request.get((await fileLink.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe('Der var engang en prinsesse.');
  expect(download.headers()['content-disposition']).toContain('attachment');

  // An own goal the pupils evaluate themselves on, with faces.
  const newGoal = page.getByRole('form', { name: 'Nyt mål' });
  await newGoal.getByLabel('Mål og refleksion (eleven og læreren vurderer)').check();
  await newGoal.getByLabel('Målet med dine egne ord').fill('Jeg kan genfortælle et eventyr');
  await newGoal.getByLabel('Tegn på læring').fill('Eleven fortæller begyndelse, midte og slutning.');
  await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
  const goals = page.getByRole('region', { name: 'Mål' });
  await expect(goals.getByText('Jeg kan genfortælle et eventyr', { exact: true })).toBeVisible();

  // A Fælles Mål goal, found by grade and a word.
  await newGoal.getByLabel('Faglige mål (læreren vurderer)').check();
  await newGoal.getByLabel('Klassetrin').selectOption({ label: '1. klasse' });
  await newGoal.getByLabel('Søgeord').fill('læse');
  await newGoal.getByRole('button', { name: 'Søg efter mål' }).click();
  const results = newGoal.getByRole('list', { name: 'Fundne mål' });
  const choose = results.getByRole('button', { name: /^Vælg: Eleven kan læse/ }).first();
  const goalText = ((await choose.getAttribute('aria-label')) ?? '').replace(/^Vælg: /, '');
  await choose.click();
  await expect(newGoal.getByRole('status')).toContainText(goalText);
  await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
  await expect(goals.getByText(goalText, { exact: true })).toBeVisible();
  await expect(goals.getByText(/Fælles Mål \(BEK nr 699/)).toBeVisible();
  await expectNoAxeViolations(page);

  // A task for two named pupils, one of them the easier variant.
  const newTask = page.getByRole('form', { name: 'Ny opgave' });
  await newTask.getByLabel('Titel').fill('Tegn eventyret');
  await newTask.getByLabel('Instruktion til eleven').fill('Tegn begyndelsen af eventyret.');
  await newTask.getByLabel('Tegn', { exact: true }).check();
  await newTask.getByLabel('Dato').fill(year.taskDay);
  // Who gets which variant is folded away for a task of the whole hold, and opens for chosen pupils.
  const variants = newTask.getByRole('button', { name: /^Differentiering/ });
  await expect(variants).toHaveAttribute('aria-expanded', 'false');
  await newTask.getByLabel('Udvalgte elever').check();
  await expect(variants).toHaveAttribute('aria-expanded', 'true');
  await newTask.getByRole('checkbox', { name: 'Ida Jensen' }).check();
  await newTask.getByRole('checkbox', { name: 'Noah Hansen' }).check();
  await newTask.getByLabel('Udgave til Noah Hansen').selectOption({ label: 'lettere' });
  await newTask.getByLabel('Lettere udgave').fill('Tegn prinsessen.');
  await newTask.getByRole('button', { name: 'Tilføj opgave' }).click();
  const tasks = page.getByRole('region', { name: 'Opgaver' });
  await expect(tasks.getByText('Ida Jensen (almindelig), Noah Hansen (lettere)')).toBeVisible();
  // The pupils' view of it, with a speaker.
  await page.getByRole('button', { name: 'Sådan ser eleven det' }).click();
  const preview = page.getByRole('region', { name: 'Sådan ser eleven det' });
  await expect(preview.getByRole('button', { name: 'Læs op Tegn eventyret' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A task is changed in place.
  await tasks.getByRole('button', { name: 'Ret opgave: Tegn eventyret' }).click();
  const editTask = page.getByRole('form', { name: 'Ret opgave: Tegn eventyret' });
  await editTask.getByLabel('Titel').fill('Tegn dit eventyr');
  await editTask.getByRole('button', { name: 'Gem opgave' }).click();
  await expect(tasks.getByText('Tegn dit eventyr', { exact: true })).toBeVisible();
  await expect(tasks.getByText('Ida Jensen (almindelig), Noah Hansen (lettere)')).toBeVisible();

  // A målestok of her own, for the whole school.
  await page.getByText('Lav din egen målestok').click();
  const newScale = page.getByRole('form', { name: 'Lav din egen målestok' });
  await newScale.getByLabel('Målestokkens navn').fill('Stjerner');
  await newScale.getByLabel('Trin, ét pr. linje').fill('Én stjerne\nTo stjerner\nTre stjerner');
  await newScale.getByRole('button', { name: 'Gem målestok' }).click();
  await expect(page.getByRole('form', { name: 'Nyt mål' }).getByLabel('Målestok')).toContainText('Stjerner');
  await expectNoAxeViolations(page);

  // Pia (pædagog on the same hold) saves the forløb while Anne is editing it: Anne's save is
  // refused with both versions shown, and she keeps hers.
  const pias = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  const pia = await pias.newPage();
  await signIn(pia, 'pia');
  // Signed in once the menu shows; only then open the forløb.
  await expect(pia.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
  await pia.goto(page.url());
  await pia.getByRole('button', { name: 'Om forløbet' }).click();
  const piasForm = pia.getByRole('form', { name: 'Om forløbet' });
  await piasForm.getByLabel('Titel').fill(`${title} (Pias)`);
  await piasForm.getByRole('button', { name: 'Gem forløb' }).click();
  await expect(piasForm.getByRole('status')).toHaveText('Gemt.');
  await pias.close();
  await page.getByRole('button', { name: 'Om forløbet' }).click();
  const annesForm = page.getByRole('form', { name: 'Om forløbet' });
  await annesForm.getByLabel('Beskrivelse').fill('Vi læser eventyr og tegner dem.');
  await annesForm.getByRole('button', { name: 'Gem forløb' }).click();
  const conflict = annesForm.getByRole('region', { name: 'En kollega har gemt forløbet imens' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText(`${title} (Pias)`)).toBeVisible();
  await expectNoAxeViolations(page);
  await conflict.getByRole('button', { name: 'Gem min version' }).click();
  await expect(annesForm.getByRole('status')).toHaveText('Gemt.');

  // Shared with the school, from the forløb's summary, where it then says so.
  await page.getByRole('button', { name: 'Del med skolens bibliotek' }).click();
  await expect(page.getByText('Delt med skolen', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fjern fra biblioteket' })).toBeVisible();

  // Bo finds it by subject and words, previews it and copies it into his own årsplan.
  const colleague = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  const bo = await colleague.newPage();
  await signIn(bo, 'bo');
  await bo.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Bibliotek' }).click();
  await expect(bo.getByRole('heading', { level: 1, name: 'Bibliotek' })).toBeVisible();
  const filters = bo.getByRole('search', { name: 'Søg i biblioteket' });
  await filters.getByLabel('Fag').selectOption({ label: 'Dansk' });
  await filters.getByLabel('Søgeord').fill(title);
  await filters.getByRole('button', { name: 'Søg' }).click();
  const found = bo.getByRole('list', { name: 'Fundne forløb' });
  await expect(found.getByRole('listitem')).toHaveCount(1);
  await expect(found.getByRole('heading', { name: title })).toBeVisible();
  await expectNoAxeViolations(bo);
  await found.getByRole('button', { name: `Se forløbet ${title}` }).click();
  const shown = bo.getByRole('region', { name: `Forløbet ${title}` });
  await expect(shown.getByText('Jeg kan genfortælle et eventyr')).toBeVisible();
  await shown.getByLabel('Kopiér til årsplanen').selectOption({ label: 'Matematik i 1.A (Matematik 1.A)' });
  await shown.getByRole('button', { name: `Kopiér ${title}` }).click();
  await expect(shown.getByRole('status')).toContainText('Forløbet er kopieret til din årsplan.');
  await expectNoAxeViolations(bo);
  await shown.getByRole('link', { name: 'Åbn kopien' }).click();
  await expect(bo.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(bo.getByText(`Kopieret fra ${title}`)).toBeVisible();
  await colleague.close();
});
