import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../chromium';
import { expectNoAxeViolations, fitsWidth, officeMakesClass, planThisWeek, signIn } from './support';

/** The trail's line for `who` doing `act` to `what`, as the page's table shows it. */
function line(page: Page, who: string, role: string, act: string, what: string) {
  return page
    .getByRole('table', { name: 'Adgangslog' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: who, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: role, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: act, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: what, exact: true }) });
}

// A teacher evaluates a pupil in the grid and opens her elevplan; the pupil's father, on his
// phone, and the school's leader, on a laptop, each follow a link to the pupil's trail and find
// both, with who, role and what. A class of this run's own, so the trail holds only this story.
// Every screen at this project's size, with axe.
test('a guardian and the leader see who read and changed a pupil’s data', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const { viewport } = info.project.use;
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const className = `3.${tag}`;
  const grade = '3. klasse';
  const hold = `Dansk ${className}`;
  const pupil = `Alma Spor${tag}`;
  const device = { viewport, baseURL, locale: 'da-DK' };

  const father = { pupil, given: 'Aksel', family: `Spor${tag}`, username: `aksel${tag}`.toLowerCase(), password: 'aksels lange kode' };
  await officeMakesClass(browser, { className, grade, pupils: [['Alma', `Spor${tag}`]], guardian: father, hold });

  // Dorte evaluates Alma in the grid and opens her elevplan.
  const teachers = await browser.newContext(device);
  const dorte = await teachers.newPage();
  await signIn(dorte, 'dorte');
  await planThisWeek(dorte, hold, hold, 'Læsespor');
  const newGoal = dorte.getByRole('form', { name: 'Nyt mål' });
  await newGoal.getByLabel('Faglige mål (læreren vurderer)').check();
  await newGoal.getByLabel('Målet med dine egne ord').fill(`Jeg kan læse højt ${tag}`);
  await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
  await dorte.getByRole('link', { name: 'Evaluér forløbet' }).click();
  const grid = dorte.getByRole('table', { name: 'Evaluering: Læsespor' });
  await grid.getByRole('button').first().focus();
  await dorte.keyboard.press('2');
  await expect(dorte.getByRole('status').filter({ hasText: 'Gemt:' })).toContainText('Gemt:');
  await grid.getByRole('link', { name: pupil, exact: true }).click();
  await expect(dorte.getByRole('heading', { level: 1, name: `Elevplan for ${pupil}` })).toBeVisible();
  // A teacher does not read the trail: no link to it.
  await expect(dorte.getByRole('link', { name: `Hvem har set ${pupil}s oplysninger` })).toHaveCount(0);
  await teachers.close();

  // Her father, from her week, follows the link to the trail.
  const phones = await browser.newContext(device);
  const parent = await phones.newPage();
  await signIn(parent, father.username, father.password);
  await parent.getByRole('link', { name: `Se ugen for ${pupil}` }).click();
  await parent.getByRole('link', { name: `Hvem har set ${pupil}s oplysninger` }).click();
  await expect(parent.getByRole('heading', { level: 1, name: `Hvem har set og ændret ${pupil}s oplysninger` })).toBeVisible();
  await expect(line(parent, 'Dorte Vang', 'lærer', 'ændrede', 'Evalueringer')).toHaveCount(1);
  await expect(line(parent, 'Dorte Vang', 'lærer', 'så', 'Evalueringer')).not.toHaveCount(0);
  await expect(line(parent, 'Dorte Vang', 'lærer', 'så', 'Elevplan')).toHaveCount(1);
  // His own look at her week is on it too.
  await expect(line(parent, `Aksel Spor${tag}`, 'forælder', 'så', 'Elevens arbejde')).toHaveCount(1);
  await expectNoAxeViolations(parent);
  expect(await fitsWidth(parent)).toBe(true);
  await phones.close();

  // The leader reaches it from the pupil's elevplaner, through the overview.
  const leaders = await browser.newContext(device);
  const lene = await leaders.newPage();
  await signIn(lene, 'lene');
  await lene.getByText(`Eleverne i ${grade}`).click();
  await lene.getByRole('link', { name: pupil }).click();
  await expect(lene.getByRole('heading', { level: 1, name: `Elevplan for ${pupil}` })).toBeVisible();
  await lene.getByRole('link', { name: `Hvem har set ${pupil}s oplysninger` }).click();
  await expect(line(lene, 'Dorte Vang', 'lærer', 'ændrede', 'Evalueringer')).toHaveCount(1);
  await expect(line(lene, 'Lene Dahl', 'leder', 'så', 'Elevplan')).toHaveCount(1);
  await expectNoAxeViolations(lene);
  expect(await fitsWidth(lene)).toBe(true);
  await leaders.close();
});

test('every screen’s footer leads to the accessibility statement, signed in or not', async ({ page }) => {
  await page.goto('/log-ind');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring for Spire' })).toBeVisible();
  for (const section of [
    'Overholdelsesstatus',
    'Ikke-tilgængeligt indhold',
    'Udarbejdelse af denne erklæring',
    'Feedback og kontaktoplysninger',
    'Håndhævelsesprocedure',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  expect(await fitsWidth(page)).toBe(true);
  // And from a signed-in screen, the same footer.
  await signIn(page, 'mette');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' })).toBeVisible();
});
