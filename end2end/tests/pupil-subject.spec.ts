import { expect, test, type Locator } from '@playwright/test';
import { baseURL } from '../chromium';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsForPupils,
  expectPupilTargetsAtLeast64,
  fitsWidth,
  newWeekTask,
  officeMakesClass,
  planThisWeek,
  pupilOnClassIpad,
  signIn,
} from './support';

/** The drawing of the picture inside a tile or a card: what a pupil who cannot read goes by. */
async function pictureOf(holder: Locator): Promise<string> {
  return holder.locator('svg').first().evaluate((svg) => svg.innerHTML);
}

// What the teacher plans in a subject, the pupil finds by that subject's tile, in the same
// picture the teacher's preview showed; the subject's colour carries from tile to page.
test('a pupil taps a subject’s tile and finds its task and goal, drawn as the teacher’s preview drew them', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const stamp = `${info.project.name === 'ipad' ? 'i' : 'p'}${Date.now() % 100000}`;
  const className = `Fag ${stamp}`;
  const hold = `Dansk ${stamp}`;
  const task = `Rim på kat ${stamp}`;
  const goal = `Jeg kan høre rim ${stamp}`;
  await officeMakesClass(browser, { className, grade: '1. klasse', pupils: [['Sif', `Fag${stamp}`]], hold });

  // Dorte plans on her laptop: a forløb this week with a goal the pupil evaluates and a task.
  const laptop = await browser.newContext({ baseURL, locale: 'da-DK', viewport: { width: 1280, height: 800 } });
  const teacher = await laptop.newPage();
  await signIn(teacher, 'dorte');
  await planThisWeek(teacher, hold, `Årsplan ${stamp}`, `Rim ${stamp}`);
  const newGoal = teacher.getByRole('form', { name: 'Nyt mål' });
  await newGoal.getByLabel('Mål og refleksion (eleven og læreren vurderer)').check();
  await newGoal.getByLabel('Målet med dine egne ord').fill(goal);
  await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
  await expect(teacher.getByRole('region', { name: 'Mål' }).getByText(goal, { exact: true })).toBeVisible();
  await newWeekTask(teacher, task, 'Find tre ord, der rimer på kat.');
  await teacher.getByRole('button', { name: 'Sådan ser eleven det' }).click();
  const preview = teacher.getByRole('region', { name: 'Sådan ser eleven det' });
  const previewed = preview.getByRole('listitem').filter({ hasText: task });
  await expect(previewed.getByRole('button', { name: `Læs op ${task}` })).toBeVisible();
  const teachersPicture = await pictureOf(previewed);

  // Sif, on the class iPad: her home's subject tile is a link, and opens Dansk.
  await pupilOnClassIpad(page, 'dorte', className, 'Sif');
  const subjects = page.getByRole('list', { name: 'Mine fag' });
  await expect(subjects.getByRole('link')).toHaveText(['Dansk']);
  await expectPupilTargetsAtLeast64(page);
  await subjects.getByRole('link', { name: 'Dansk' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Dansk' })).toBeVisible();
  await expect(page).toHaveTitle(/Dansk/);

  const tasks = page.getByRole('list', { name: 'Opgaver' });
  const mine = tasks.getByRole('link', { name: new RegExp(task) });
  await expect(mine).toContainText('Denne uge');
  expect(await pictureOf(mine), 'the task’s picture is the one the teacher saw').toBe(teachersPicture);
  await expect(page.getByRole('heading', { level: 2, name: goal })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Læs målet op' })).toBeVisible();
  await expectPupilTargetsAtLeast64(page);
  expect(await fitsWidth(page)).toBe(true);
  await expectNoAxeViolationsForPupils(page);

  // The frame stays: the task opens from here, and Hjem leads back.
  await mine.tap();
  await expect(page.getByRole('heading', { level: 1, name: task })).toBeVisible();
  await page.getByRole('button', { name: 'Jeg er færdig' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Godt klaret!' })).toBeVisible();
  await page.getByRole('link', { name: 'Hjem' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Sif!' })).toBeVisible();

  // An address of no subject says so, inside the same frame.
  await page.goto('/fag/ingen-fag');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine fag' })).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hjem' })).toBeVisible();
  await expectNoAxeViolationsForPupils(page);

  // Back on Dorte's home, her week across all her hold shows the task, with Sif done.
  await teacher.goto('/');
  const week = teacher.getByRole('list', { name: 'Denne uge' });
  const item = week.getByRole('listitem').filter({ hasText: task });
  await expect(item).toContainText('Hele ugen');
  await expect(item).toContainText(`(${hold}): 1 af 1 færdige, 0 afleveringer`);
  await expectNoAxeViolations(teacher);
  await item.getByRole('link', { name: task }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: task })).toBeVisible();
  await laptop.close();
});
