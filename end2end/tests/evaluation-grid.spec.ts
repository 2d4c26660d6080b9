import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

test('a teacher evaluates the whole hold in the grid with the keyboard only', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('link', { name: 'Tal til 20' }).click();
  await page.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluering: Tal til 20' })).toBeVisible();
  await expectNoAxeViolations(page);

  const table = page.getByRole('table', { name: 'Evaluering: Tal til 20' });
  const rows = table.getByRole('row');
  const pupils = (await rows.count()) - 1;
  expect(pupils).toBe(10);
  // Start in the first cell, then only keys: a step, right, a step, down, left — for each pupil.
  await table.getByRole('button').first().focus();
  for (let i = 0; i < pupils; i++) {
    await page.keyboard.press(i % 2 === 0 ? '3' : '2');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
  }
  await expect(page.getByRole('status').filter({ hasText: 'Gemt:' })).toContainText('Gemt:');

  // Saved as we went: after a reload every cell holds its step.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluering: Tal til 20' })).toBeVisible();
  const cells = page.getByRole('table', { name: 'Evaluering: Tal til 20' }).getByRole('button');
  await expect(cells).toHaveCount(20);
  await expect(cells.filter({ hasText: '–' })).toHaveCount(0);
  await expect(cells.filter({ hasText: 'Det kan jeg' })).toHaveCount(5);
  await expect(cells.filter({ hasText: 'På vej' })).toHaveCount(5);
  await expect(cells.filter({ hasText: 'Ikke endnu' })).toHaveCount(10);
  // The hold's spread on each goal, in words beside the bars.
  const spread = page.getByRole('region', { name: 'Holdet på hvert mål' });
  await expect(spread).toContainText('Det kan jeg: 5 af 10 elever');
  await expect(spread).toContainText('På vej: 5 af 10 elever');
  await expect(spread).toContainText('Ikke endnu: 10 af 10 elever');
  await expectNoAxeViolations(page);

  // A comment beside the step, written in a form (no pointer needed), kept with the step.
  const form = page.getByRole('form', { name: 'Skriv en kommentar til en elev' });
  await form.getByLabel('Elev').selectOption({ label: 'Ida Jensen' });
  await form.getByLabel('Kommentar').fill('Tæller sikkert på fingrene');
  await form.getByRole('button', { name: 'Gem kommentaren' }).click();
  await expect(form.getByRole('status')).toHaveText('Gemt.');
  await page.reload();
  const idaRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ida Jensen' }) });
  await expect(idaRow).toContainText('Kommentar: Tæller sikkert på fingrene');
  await expect(page.getByRole('table', { name: 'Evaluering: Tal til 20' }).getByRole('button').filter({ hasText: 'Det kan jeg' })).toHaveCount(5);
  await expectNoAxeViolations(page);

  // Ida over the year: her evaluations on each goal of the forløb, in words with their days.
  await idaRow.getByRole('link', { name: 'Alt fra Ida Jensen i år' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arbejde fra Ida Jensen' })).toBeVisible();
  const unit = page.getByRole('region', { name: 'Tal til 20' });
  await expect(unit.getByRole('heading', { name: 'Udvikling på målene' })).toBeVisible();
  // Her step on the first goal, then the same step again with the comment: two evaluations (more
  // when the test is run again on the same server).
  const teachers = unit.getByRole('list', { name: /^Lærernes vurderinger/ }).first();
  await expect(teachers).toContainText(/(Det kan jeg|På vej)/);
  expect(await teachers.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(page);
});
