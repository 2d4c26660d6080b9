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

test('the grid is one Tab stop with a legend of the steps, and the arrows move inside it', async ({ page }) => {
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('link', { name: 'Tal til 20' }).click();
  // The grid is another build's screen: the link loads it as a new page.
  await page.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluering: Tal til 20' })).toBeVisible();

  // The legend says which number key picks which step.
  const legend = page.getByRole('region', { name: 'Trinene på målestokken' });
  await expect(legend.getByRole('listitem')).toHaveText(['1 Ikke endnu', '2 På vej', '3 Det kan jeg']);

  const table = page.getByRole('table', { name: 'Evaluering: Tal til 20' });
  const focusedLabel = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  const inGrid = () => table.evaluate((t) => t.contains(document.activeElement));

  // Tab reaches the grid once, at its first goal's cell.
  await page.getByRole('link', { name: 'Tilbage til forløbet' }).focus();
  let presses = 0;
  while (!(await inGrid()) && presses < 10) {
    await page.keyboard.press('Tab');
    presses++;
  }
  const firstRow = (await table.getByRole('rowheader').first().getByRole('link').first().textContent()) ?? '';
  expect(await focusedLabel()).toMatch(new RegExp(`^${firstRow}, `));
  // One more Tab leaves the grid: ten pupils and two goals are a single stop.
  await page.keyboard.press('Tab');
  expect(await inGrid()).toBe(false);

  // Back in with Shift+Tab, the arrows move: down a row, right a goal, and Home to the pupil's name.
  await page.keyboard.press('Shift+Tab');
  expect(await inGrid()).toBe(true);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const secondRow = (await table.getByRole('rowheader').nth(1).getByRole('link').first().textContent()) ?? '';
  const moved = await focusedLabel();
  expect(moved).toMatch(new RegExp(`^${secondRow}, `));
  await page.keyboard.press('Home');
  expect(await focusedLabel()).toBe(secondRow);
  // Leaving and coming back returns to the cell last visited.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedLabel()).toBe(secondRow);
  await expectNoAxeViolations(page);
});
