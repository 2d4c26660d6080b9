import { expect, test, type Browser } from '@playwright/test';
import { expectNoAxeViolations, expectNoAxeViolationsForPupils, signIn } from './support';

/** Today at the school, as `YYYY-MM-DD` (what a date field takes), in Danish time. */
function schoolToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

async function personOn(browser: Browser, size: 'ipad' | 'phone', username: string) {
  const viewport = size === 'ipad' ? { width: 810, height: 1080 } : { width: 390, height: 844 };
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, locale: 'da-DK' });
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

// The flow the week-task defect broke: what a teacher makes on the planning screen, the pupil
// finds in I dag and the family in the child's week, the weekly letter and the calendar feed,
// whatever weekday the test runs on. Nothing here is seeded except the people and the forløb.
test('a week task and a day task made on the planning screen reach the pupil, the parent, the digest and the feed', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const weekTask = `Ugens regnehistorie ${stamp}`;
  const dayTask = `Dagens talbillede ${stamp}`;

  // Bo plans in his forløb Tal til 20, on his laptop.
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('link', { name: 'Tal til 20' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tal til 20' })).toBeVisible();
  for (const [title, when] of [
    [weekTask, 'I løbet af en uge'],
    [dayTask, 'En bestemt dag'],
  ]) {
    const form = page.getByRole('form', { name: 'Ny opgave' });
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Instruktion til eleven').fill(`${title}: fortæl den for en makker.`);
    await form.getByLabel(when).check();
    await form.getByLabel('Dato').fill(schoolToday());
    await form.getByRole('button', { name: 'Tilføj opgave' }).click();
    await expect(page.getByRole('region', { name: 'Opgaver' }).getByText(title, { exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // Ida, on an iPad, finds both in I dag: the day's first, the week's marked as this week's.
  const ida = await personOn(browser, 'ipad', 'ida');
  await ida.page.getByRole('link', { name: 'I dag' }).first().tap();
  await expect(ida.page.getByRole('heading', { level: 1, name: 'I dag' })).toBeVisible();
  const mine = ida.page.getByRole('list', { name: 'Mine opgaver' });
  await expect(mine.getByRole('link', { name: new RegExp(dayTask) })).toBeVisible();
  await expect(mine.getByRole('link', { name: new RegExp(weekTask) })).toContainText('Denne uge');
  await expectNoAxeViolationsForPupils(ida.page);
  await ida.context.close();

  // Ida's father, on his phone: the child's week, the weekly letter and the calendar feed. (A
  // guardian of his own, so the family tests' calendar links are left alone.)
  const rasmus = await personOn(browser, 'phone', 'rasmus.jensen');
  const p = rasmus.page;
  await p.getByRole('link', { name: 'Se ugen for Ida Jensen' }).tap();
  const week = p.getByRole('region', { name: 'Opgaver i denne uge' });
  await expect(week.getByRole('heading', { name: weekTask })).toBeVisible();
  await expect(week.getByRole('heading', { name: dayTask })).toBeVisible();
  await expectNoAxeViolations(p);

  const calendar = p.getByRole('region', { name: 'Kalender' });
  await calendar.getByRole('button', { name: 'Lav kalenderlink' }).tap();
  const link = calendar.getByLabel('Kalenderlink');
  await expect(link).toHaveValue(/\/kalender\/[0-9a-f]{64}\.ics$/);
  const feed = await (await p.request.get(await link.inputValue())).text();
  const unfolded = feed.replace(/\r\n /g, '').split('\r\n');
  expect(unfolded).toContain(`SUMMARY:${weekTask}`);
  expect(unfolded).toContain(`SUMMARY:${dayTask}`);

  await p.goto('/');
  await p.getByRole('link', { name: 'Ugens brev' }).tap();
  await expect(p.getByRole('heading', { level: 1, name: 'Ugens brev' })).toBeVisible();
  const letter = p.getByRole('region', { name: 'Ida Jensen' });
  await expect(letter.getByRole('heading', { name: weekTask })).toBeVisible();
  await expect(letter.getByRole('heading', { name: dayTask })).toBeVisible();
  const html = await (await p.request.get('/ugebrev.html')).text();
  expect(html).toContain(weekTask);
  expect(html).toContain(dayTask);
  await rasmus.context.close();
});
