import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  newClass,
  newHold,
  newPupil,
  newWeekTask,
  planThisWeek,
  pupilOnClassIpad,
  signIn,
} from './support';

// A 2 × 2 PNG: small, real, decodable.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

// What a pupil hands in reaches the teacher's screen for the task: Dorte gives her class a task,
// Bertil hands in a photo on the class iPad and taps "Jeg er færdig", and Dorte sees him done with
// the photo while Cille is not yet. The leader is refused the screen: a portfolio is not an
// overview. (A class of this run's own, so no other test's pupils are counted.)
test('a teacher finds what came in on her home and sees on the task’s screen who is done and the photo a pupil handed in', async ({
  page,
  browser,
  baseURL,
}, info) => {
  test.setTimeout(120_000);
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const className = `2.${tag}`;
  const hold = `Dansk ${className}`;
  const task = `Tegn dit hus ${tag}`;

  // The office makes the class, its pupils and Dorte's hold, on a laptop.
  const offices = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  const office = await offices.newPage();
  await signIn(office, 'lene');
  await expect(office.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await office.goto('/administration');
  await newClass(office, className, '2. klasse');
  await newPupil(office, 'Bertil', `Bo${tag}`, className);
  await newPupil(office, 'Cille', `Bo${tag}`, className);
  await newHold(office, hold, 'Dansk (0.–9. klasse)', className, 'Dorte Vang');

  // Dorte, at this project's screen size, plans a forløb with a task for the whole hold.
  await signIn(page, 'dorte');
  await planThisWeek(page, hold, hold, 'Mit hjem');
  await newWeekTask(page, task, 'Tag et billede af din tegning.');
  await page.getByRole('link', { name: `Se elevernes arbejde: ${task}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${task}: elevernes arbejde` })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('0 af 2 er færdige');
  await expectNoAxeViolations(page);
  const returnsUrl = page.url();

  // Bertil, on the class iPad, hands in a photo and says he is done.
  const ipad = await browser.newContext({
    viewport: { width: 810, height: 1080 },
    hasTouch: true,
    isMobile: true,
    locale: 'da-DK',
  });
  const bertil = await ipad.newPage();
  await pupilOnClassIpad(bertil, 'dorte', className, 'Bertil');
  await bertil.getByRole('link', { name: 'I dag' }).first().tap();
  await bertil.getByRole('list', { name: 'Mine opgaver' }).getByRole('link', { name: new RegExp(task) }).tap();
  await expect(bertil.getByRole('heading', { level: 1, name: task })).toBeVisible();
  const work = bertil.getByRole('region', { name: 'Vis hvad du har lavet' });
  await work.getByLabel('Tag et billede').setInputFiles({ name: 'hus.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');
  await bertil.getByRole('button', { name: 'Jeg er færdig' }).tap();
  await expect(bertil.getByRole('button', { name: 'Jeg er færdig' })).toHaveAttribute('aria-pressed', 'true');
  // The button turns at the tap; "Godt klaret!" only once the server has it. Closing the iPad
  // before then could drop the request.
  await expect(bertil.getByRole('status').filter({ hasText: 'Godt klaret!' })).toBeVisible();
  await ipad.close();

  // On her home, "Nyt fra eleverne" counts what came in and leads to the task's screen, where
  // Dorte sees him done, with his photo; Cille has handed in nothing yet.
  await page.goto('/');
  const news = page.getByRole('region', { name: 'Nyt fra eleverne' });
  await expect(news.getByRole('listitem').filter({ hasText: task })).toContainText(`(${hold}): 1 aflevering, 1 færdig`);
  await expectNoAxeViolations(page);
  await news.getByRole('link', { name: task }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${task}: elevernes arbejde` })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 af 2 er færdige');
  const pupils = page.getByRole('list', { name: 'Eleverne' });
  const bertils = pupils.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Bertil Bo${tag}` }) });
  await expect(bertils).toContainText('Færdig');
  await expect(bertils.getByRole('img', { name: `Billede fra Bertil Bo${tag}` })).toBeVisible();
  const cilles = pupils.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Cille Bo${tag}` }) });
  await expect(cilles).toContainText('Ikke færdig endnu');
  await expect(cilles).toContainText('Intet afleveret endnu.');
  await expectNoAxeViolations(page);

  // The leader reads plans, not a hold's portfolio.
  await office.goto(returnsUrl);
  await expect(office.getByRole('alert')).toContainText('Du har ikke adgang til dette.');
  await offices.close();
});
