import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fitsWidth, officeMakesClass, signIn } from './support';

/** The school year the demo school is in, as its screens name it ("2026/27"). */
function schoolYear() {
  const now = new Date();
  const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return { start, label: `${start}/${String((start + 1) % 100).padStart(2, '0')}` };
}

/** The Monday of ISO week `week` of `year`. */
function mondayOfWeek(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday;
}

const day = (date: Date, plus = 0) => {
  const d = new Date(date);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().slice(0, 10);
};

/** "uge 33–36" → [33, 36]. */
async function weeksOf(page: Page, name: string): Promise<[number, number]> {
  const text = (await page.getByRole('slider', { name }).getAttribute('aria-valuetext')) ?? '';
  const [, first, last] = /^uge (\d+)(?:–(\d+))?$/.exec(text) ?? [];
  return [Number(first), Number(last ?? first)];
}

test('the leader sets efterårsferie and the teachers see it on their årsplan', async ({ page }, testInfo) => {
  // Holidays are the school's, one row for every test: set them from one screen size only.
  test.skip(testInfo.project.name !== 'laptop', 'the leader sets the year once, on a laptop');
  const year = schoolYear();
  await signIn(page, 'lene');
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await page.goto('/administration');
  const form = page.getByRole('form', { name: `${year.label} (nu)` });
  const autumn = form.getByRole('group', { name: `Efterårsferie ${year.label}` });
  const week43 = mondayOfWeek(year.start, 43);
  await autumn.getByLabel('Første feriedag').fill(day(week43));
  await autumn.getByLabel('Sidste feriedag').fill(day(week43, 4));
  await form.getByRole('button', { name: `Gem skoleår ${year.label}` }).click();
  await expect(form.getByRole('status')).toHaveText('Gemt.');
  await expectNoAxeViolations(page);

  // Bo's demo årsplan now shows week 43 as the holiday.
  await page.context().clearCookies();
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  const weeks = page.getByRole('list', { name: 'Skoleårets uger' });
  await expect(weeks.getByText('uge 43, efterårsferie')).toHaveCount(1);
  await expect(weeks.getByText('uge 42', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Året uge for uge' }).getByText('Efterårsferie: uge 43')).toBeVisible();
});

test('a teacher places and resizes a forløb on the timeline by keyboard, and it stays where she put it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const tag = `${testInfo.project.name[0].toUpperCase()}${Date.now() % 100000}`;
  const className = `3.${tag}`;
  const hold = `Natur/teknologi ${className}`;
  const unit = `Vand ${tag}`;

  // The office makes the class and Dorte's hold.
  await officeMakesClass(browser, {
    className,
    grade: '3. klasse',
    pupils: [],
    hold,
    subject: 'Natur/teknologi (1.–6. klasse)',
  });

  // Dorte makes the årsplan and a forløb in weeks 36–39.
  await signIn(page, 'dorte');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByLabel(`Titel på årsplanen for ${hold}`).fill(hold);
  await page.getByRole('button', { name: `Opret årsplan for ${hold}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: hold })).toBeVisible();
  const newUnit = page.getByRole('form', { name: 'Nyt forløb' });
  await newUnit.getByLabel('Titel').fill(unit);
  const { start } = schoolYear();
  await newUnit.getByLabel('Første uge').selectOption(day(mondayOfWeek(start, 36)));
  await newUnit.getByLabel('Sidste uge').selectOption(day(mondayOfWeek(start, 39)));
  await newUnit.getByRole('button', { name: 'Opret forløb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: unit })).toBeVisible();
  await page.getByRole('link', { name: 'Tilbage til årsplanen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: hold })).toBeVisible();

  const timeline = page.getByRole('region', { name: 'Året uge for uge' });
  const [first, last] = await weeksOf(page, `Flyt ${unit}`);
  expect([first, last]).toEqual([36, 39]);
  await expectNoAxeViolations(page);
  expect(await fitsWidth(page)).toBe(true);

  // Two weeks later by the arrow key on the forløb, then a week longer by its last end.
  await timeline.getByRole('slider', { name: `Flyt ${unit}` }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(timeline.getByRole('slider', { name: `Flyt ${unit}` })).toHaveAttribute(
    'aria-valuetext',
    `uge ${first + 2}–${last + 2}`,
  );
  await timeline.getByRole('slider', { name: `Sidste uge for ${unit}` }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(timeline.getByRole('slider', { name: `Sidste uge for ${unit}` })).toHaveAttribute(
    'aria-valuetext',
    `uge ${last + 3}`,
  );
  // And a week shorter from the front.
  await timeline.getByRole('slider', { name: `Første uge for ${unit}` }).focus();
  await page.keyboard.press('ArrowRight');
  const placed = `uge ${first + 3}–${last + 3}`;
  await expect(timeline.getByRole('status')).toHaveText(`${unit} ligger nu i ${placed}.`);
  await expectNoAxeViolations(page);

  // It stays there: after a reload, and on the forløb's own screen.
  await page.reload();
  await expect(timeline.getByRole('slider', { name: `Flyt ${unit}` })).toHaveAttribute('aria-valuetext', placed);
  await timeline.getByRole('slider', { name: `Flyt ${unit}` }).click();
  await page.getByRole('group', { name: unit }).getByRole('button', { name: 'En uge længere' }).click();
  await expect(timeline.getByRole('status')).toHaveText(`${unit} ligger nu i uge ${first + 3}–${last + 4}.`);
  await page.getByRole('link', { name: `Åbn ${unit}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: unit })).toBeVisible();
  await expect(page.getByText(`Uge ${first + 3}–${last + 4}`).first()).toBeVisible();
  // Its own form names the same weeks, as weeks.
  await page.getByRole('button', { name: 'Om forløbet' }).click();
  const details = page.getByRole('form', { name: 'Om forløbet' });
  await expect(details.getByLabel('Første uge')).toHaveValue(day(mondayOfWeek(start, first + 3)));
  await expect(details.getByLabel('Sidste uge')).toHaveValue(day(mondayOfWeek(start, last + 4)));
  await expectNoAxeViolations(page);
});
