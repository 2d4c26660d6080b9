import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, recordSpeech, signIn, spoken, handOn } from './support';

test('a teacher sees the hold they teach', async ({ page }) => {
  await signIn(page, 'anne');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  const teams = page.getByRole('list', { name: 'Mine hold' });
  await expect(teams.getByRole('heading', { name: 'Dansk 1.A' })).toBeVisible();
  await expect(teams.getByRole('heading', { name: 'Dansk 5.B' })).toBeVisible();
  await expect(teams.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('Lærere: Anne Holm, Camilla Berg')).toBeVisible();
  await expect(page).toHaveTitle('Mine hold – Spire');
  await expectNoAxeViolations(page);
});

test('a pupil sees a big, icon-first home that reads itself aloud in Danish', async ({ page }) => {
  await recordSpeech(page);
  await signIn(page, 'ida');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Ida!' })).toBeVisible();
  const subjects = page.getByRole('list', { name: 'Mine fag' });
  await expect(subjects.getByRole('listitem')).toHaveText(['Dansk', 'Matematik']);

  const readAloud = page.getByRole('button', { name: 'Læs op' });
  const done = page.getByRole('button', { name: 'Færdig' });
  for (const target of [readAloud, done]) {
    const box = await target.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(64);
    expect(box!.height).toBeGreaterThanOrEqual(64);
  }
  await expectNoAxeViolations(page);

  await readAloud.tap();
  await expect(readAloud).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => spoken(page)).toHaveLength(1);
  const [utterance] = await spoken(page);
  expect(utterance.lang).toBe('da-DK');
  expect(utterance.text).toContain('Hej Ida!');
  expect(utterance.text).toContain('Matematik');

  // Færdig asks first, out loud, with a picture for each answer; "Nej, tilbage" keeps her here.
  await done.tap();
  const question = page.getByRole('group', { name: "Er du færdig med iPad'en?" });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Ja, giv den videre' })).toBeFocused();
  await expect.poll(async () => (await spoken(page)).map((u) => u.text)).toContain("Er du færdig med iPad'en?");
  await expectNoAxeViolations(page);
  await question.getByRole('button', { name: 'Nej, tilbage' }).tap();
  await expect(question).toBeHidden();
  await expect(done).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Ida!' })).toBeVisible();

  await handOn(page);
  await expect(page).toHaveURL(/\/log-ind$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/log-ind$/);
});

test('a pupil in 5.B sees their own class', async ({ page }) => {
  await signIn(page, 'sofia');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Sofia!' })).toBeVisible();
  await expect(page.getByText('5.B', { exact: true })).toBeVisible();
});

test('a parent sees their own two children and no one else', async ({ page }) => {
  await signIn(page, 'mette');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  const children = page.getByRole('list', { name: 'Mine børn' });
  await expect(children.getByRole('heading', { level: 2 })).toHaveText(['Ida Jensen', 'Lucas Jensen']);
  await expect(page.getByText('Sofia')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Læs op' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a leader sees the school in aggregates', async ({ page }) => {
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Klasser i dette skoleår' });
  // Other tests may import classes meanwhile; the demo school's two are there with their counts.
  await expect(table.getByRole('rowheader', { name: '5.B' })).toBeVisible();
  await expect(table.getByRole('row', { name: /1\.A/ }).getByRole('cell')).toHaveText(['1. klasse', '10', '2']);
  await expectNoAxeViolations(page);
});

test('signing out from an adult home returns to sign-in for good', async ({ page }) => {
  await signIn(page, 'anne');
  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await expect(page).toHaveURL(/\/log-ind$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/log-ind$/);
});
