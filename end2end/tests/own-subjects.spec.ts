import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsForPupils,
  newClass,
  newHold,
  newPupil,
  newWeekTask,
  planThisWeek,
  pupilOnClassIpad,
  signIn,
} from './support';

// A school's own subject, from the leader who adds it to the pupil who finds it on the class
// iPad: Lene adds a tværfagligt subject and corrects it, she makes a hold in it for a class of
// this run's own, Dorte plans a forløb with goals from both spanned subjects, makes the iPad her
// class's, and Asta finds the subject and the task. (A class of its own: the demo's pupils are
// other tests', and their subjects are counted there.)
test('a leader adds a tværfagligt subject of the school’s own; a teacher plans in it with both subjects’ Fælles Mål and a pupil finds it', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(150_000);
  // A subject and hold of this run's own, so the three screen sizes never meet.
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const subject = `Udeskole ${tag}`;
  const className = `1.${tag}`;
  const hold = `${subject} ${className}`;
  const task = `Tæl bladene ${tag}`;

  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  await newClass(page, className, '1. klasse');
  await newPupil(page, 'Asta', `Skov${tag}`, className);
  const own = page.getByRole('region', { name: 'Skolens egne fag' });
  const form = own.getByRole('form', { name: 'Tilføj et fag' });
  await form.getByLabel('Fagets navn').fill(subject);
  await form.getByRole('radio', { name: 'Træ' }).check();
  await form.getByLabel('Fra klassetrin').selectOption({ label: '0. klasse' });
  await form.getByLabel('Til klassetrin').selectOption({ label: '2. klasse' });
  await form.getByRole('checkbox', { name: 'Matematik' }).check();
  await form.getByRole('checkbox', { name: 'Natur/teknologi' }).check();
  await form.getByRole('button', { name: 'Tilføj faget' }).click();
  await expect(own.getByRole('status')).toHaveText('Gemt.');
  const listed = own.getByRole('list', { name: 'Skolens egne fag' });
  await expect(listed.getByRole('listitem').filter({ hasText: subject })).toContainText('0.–2. klasse · Tværfagligt');
  await expect(listed.getByRole('listitem').filter({ hasText: subject })).toContainText('Matematik, Natur/teknologi');
  await expectNoAxeViolations(page);

  // The same name again, in other letters, is refused in Danish and adds nothing.
  await own.getByRole('form', { name: 'Tilføj et fag' }).getByLabel('Fagets navn').fill(subject.toUpperCase());
  await own.getByRole('form', { name: 'Tilføj et fag' }).getByRole('button', { name: 'Tilføj faget' }).click();
  await expect(own.getByRole('alert')).toContainText('Skolen har allerede et fag med det navn.');
  await expect(listed.getByRole('listitem').filter({ hasText: subject })).toHaveCount(1);

  // Corrected: taught up to 3. klasse.
  await own.getByRole('button', { name: `Ret ${subject}` }).click();
  const correcting = own.getByRole('form', { name: `Ret ${subject}` });
  await expect(correcting.getByLabel('Fagets navn')).toHaveValue(subject);
  await expect(correcting.getByRole('checkbox', { name: 'Matematik' })).toBeChecked();
  await expectNoAxeViolations(page);
  await correcting.getByLabel('Til klassetrin').selectOption({ label: '3. klasse' });
  await correcting.getByRole('button', { name: 'Gem rettelserne' }).click();
  await expect(listed.getByRole('listitem').filter({ hasText: subject })).toContainText('0.–3. klasse');

  // A hold in it for the class, taught by Dorte.
  await newHold(page, hold, `${subject} (0.–3. klasse)`, className, 'Dorte Vang');

  // Dorte plans a forløb in it; the goal search offers both spanned subjects' goals, each named.
  const dortes = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  const dorte = await dortes.newPage();
  await signIn(dorte, 'dorte');
  await planThisWeek(dorte, hold, subject, 'Skoven i tal');
  await expect(dorte.getByText(`${subject} · ${hold}`)).toBeVisible();

  const newGoal = dorte.getByRole('form', { name: 'Nyt mål' });
  await newGoal.getByLabel('Faglige mål (læreren vurderer)').check();
  await newGoal.getByLabel('Klassetrin').selectOption({ label: '1. klasse' });
  await newGoal.getByRole('button', { name: 'Søg efter mål' }).click();
  const results = newGoal.getByRole('list', { name: 'Fundne mål' });
  await expect(results.getByText(/^Matematik · Fælles Mål/).first()).toBeVisible();
  await expect(results.getByText(/^Natur\/teknologi · Fælles Mål/).first()).toBeVisible();
  await expect(results.getByText(/^Dansk · /)).toHaveCount(0);
  const choose = results.getByRole('button', { name: /^Vælg: / }).first();
  const goalText = ((await choose.getAttribute('aria-label')) ?? '').replace(/^Vælg: /, '');
  await choose.click();
  await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
  await expect(dorte.getByRole('region', { name: 'Mål' }).getByText(goalText, { exact: true })).toBeVisible();

  await newWeekTask(dorte, task, 'Tæl bladene på et træ i skolegården.');
  await expectNoAxeViolations(dorte);
  await dortes.close();

  // On an iPad Dorte makes it her class's iPad; Asta taps her picture and finds the subject's
  // tile and the task, named by the school's subject.
  const ipad = await browser.newContext({
    viewport: { width: 810, height: 1080 },
    hasTouch: true,
    isMobile: true,
    locale: 'da-DK',
  });
  const asta = await ipad.newPage();
  await pupilOnClassIpad(asta, 'dorte', className, 'Asta');
  await expect(asta.getByRole('list', { name: 'Mine fag' }).getByRole('listitem')).toHaveText([subject]);
  await expectNoAxeViolationsForPupils(asta);
  await asta.getByRole('link', { name: 'I dag' }).first().tap();
  const mine = asta.getByRole('list', { name: 'Mine opgaver' });
  await mine.getByRole('link', { name: new RegExp(task) }).tap();
  await expect(asta.getByRole('heading', { level: 1, name: task })).toBeVisible();
  await expect(asta.getByText(`${subject} · Skoven i tal`, { exact: true })).toBeVisible();
  await ipad.close();
});

test('the office sees the school’s own subjects but leaves adding them to the leaders', async ({ page }) => {
  await signIn(page, 'ole');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const own = page.getByRole('region', { name: 'Skolens egne fag' });
  await expect(own.getByText('Skolens ledelse tilføjer og retter skolens egne fag.')).toBeVisible();
  await expect(own.getByRole('form', { name: 'Tilføj et fag' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
