import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoAxeViolationsForPupils, signIn } from './support';

/** A day as `YYYY-MM-DD` (what a date field takes), in Danish time. */
function schoolDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(at);
}

/** The seven days, Monday first, of the school week `day` (`YYYY-MM-DD`) is in. */
function weekOf(day: string): string[] {
  const noon = new Date(`${day}T12:00:00Z`);
  const fromMonday = (noon.getUTCDay() + 6) % 7;
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(noon.getTime() + (i - fromMonday) * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
}

const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

async function deviceOf(browser: Browser, size: 'ipad' | 'phone') {
  const viewport = size === 'ipad' ? { width: 810, height: 1080 } : { width: 390, height: 844 };
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, locale: 'da-DK' });
  return { context, page: await context.newPage() };
}

/** From now on every request of `page`'s browser happens at 11:00 or 12:00 on `day` at the
 * school (the server runs with `--test-clock` in the test command). */
async function liveOn(page: Page, day: string) {
  await page.context().setExtraHTTPHeaders({ 'X-Spire-Now': `${day}T10:00:00Z` });
}

// The flow the week-task defect broke: what a teacher makes on the planning screen, the pupil
// finds in I dag and the family in the child's week, the weekly letter and the calendar feed, on
// every day of its week. Nothing here is seeded except the people and the forløb; the pupil's and
// the parent's browsers name the day each request happens on, so the test lives the whole week.
test('a week task and a day task made on the planning screen reach the pupil, the parent, the digest and the feed on every day of the week', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now() % 100000;
  const weekTask = `Ugens regnehistorie ${stamp}`;
  const dayTask = `Dagens talbillede ${stamp}`;
  const week = weekOf(schoolDay(new Date()));
  const wednesday = week[2];

  // Bo plans in his forløb Tal til 20, on his laptop: the week task on any day of the week (the
  // week is what counts), the day task on its Wednesday.
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('link', { name: 'Tal til 20' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tal til 20' })).toBeVisible();
  // The forløb has tasks already, so the form for a new one is folded away until he opens it.
  const opener = page.getByRole('button', { name: 'Ny opgave' });
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  await opener.click();
  for (const [title, when, day] of [
    [weekTask, 'I løbet af en uge', schoolDay(new Date())],
    [dayTask, 'En bestemt dag', wednesday],
  ]) {
    const form = page.getByRole('form', { name: 'Ny opgave' });
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Instruktion til eleven').fill(`${title}: fortæl den for en makker.`);
    await form.getByLabel(when).check();
    await form.getByLabel('Dato').fill(day);
    await form.getByRole('button', { name: 'Tilføj opgave' }).click();
    await expect(page.getByRole('region', { name: 'Opgaver' }).getByText(title, { exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // Karl on an iPad and his father Martin on his phone (people no other test signs in as, so
  // signing in on another day ends nobody else's session) live the week: each day they sign in
  // that morning and look.
  const karl = await deviceOf(browser, 'ipad');
  const martin = await deviceOf(browser, 'phone');
  const p = martin.page;
  let feedUrl = '';

  for (const [i, day] of week.entries()) {
    const on = `on ${WEEKDAYS[i]} ${day}`;
    await liveOn(karl.page, day);
    await liveOn(p, day);

    // I dag: the week's task all week, marked as this week's; the day's task on its day only.
    await signIn(karl.page, 'karl');
    await karl.page.getByRole('link', { name: 'I dag' }).first().tap();
    const mine = karl.page.getByRole('list', { name: 'Mine opgaver' });
    await expect(mine.getByRole('link', { name: new RegExp(weekTask) }), on).toContainText('Denne uge');
    if (day === wednesday) {
      await expect(mine.getByRole('link', { name: new RegExp(dayTask) }), on).toBeVisible();
      await expectNoAxeViolationsForPupils(karl.page);
    } else {
      await expect(mine.getByRole('link', { name: new RegExp(dayTask) }), on).toHaveCount(0);
    }

    // The parent's week of the child, the feed, and the weekly letter (page and HTML) carry both.
    await signIn(p, 'martin');
    await p.getByRole('link', { name: 'Se ugen for Karl Rasmussen' }).tap();
    const tasks = p.getByRole('region', { name: 'Opgaver i denne uge' });
    await expect(tasks.getByRole('heading', { name: weekTask }), on).toBeVisible();
    await expect(tasks.getByRole('heading', { name: dayTask }), on).toBeVisible();
    if (i === 0) {
      await expectNoAxeViolations(p);
      const calendar = p.getByRole('region', { name: 'Kalender' });
      await calendar.getByRole('button', { name: 'Lav kalenderlink' }).tap();
      const link = calendar.getByLabel('Kalenderlink');
      await expect(link).toHaveValue(/\/kalender\/[0-9a-f]{64}\.ics$/);
      feedUrl = await link.inputValue();
    }
    const at = { headers: { 'X-Spire-Now': `${day}T10:00:00Z` } };
    const feed = await (await p.request.get(feedUrl, at)).text();
    const unfolded = feed.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded, on).toContain(`SUMMARY:${weekTask}`);
    expect(unfolded, on).toContain(`SUMMARY:${dayTask}`);

    await p.goto('/');
    await p.getByRole('link', { name: 'Ugens brev' }).tap();
    await expect(p.getByRole('heading', { level: 1, name: 'Ugens brev' })).toBeVisible();
    const letter = p.getByRole('region', { name: 'Karl Rasmussen' });
    await expect(letter.getByRole('heading', { name: weekTask }), on).toBeVisible();
    await expect(letter.getByRole('heading', { name: dayTask }), on).toBeVisible();
    const html = await (await p.request.get('/ugebrev.html', at)).text();
    expect(html, on).toContain(weekTask);
    expect(html, on).toContain(dayTask);
  }

  // The Monday after, the week is over for the pupil.
  const nextMonday = weekOf(new Date(new Date(`${week[6]}T12:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10))[0];
  await liveOn(karl.page, nextMonday);
  await signIn(karl.page, 'karl');
  await karl.page.getByRole('link', { name: 'I dag' }).first().tap();
  // Whatever else that week holds, the day has loaded before the task is looked for.
  await expect(
    karl.page.getByRole('list', { name: 'Mine opgaver' }).or(karl.page.getByText('Du har ingen opgaver i dag. God dag!')),
  ).toBeVisible();
  await expect(karl.page.getByRole('link', { name: new RegExp(weekTask) })).toHaveCount(0);

  // The next morning his session has ended: I dag sends him to sign in again, not to a page
  // that does not exist.
  const tuesday = new Date(new Date(`${nextMonday}T12:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
  await liveOn(karl.page, tuesday);
  await karl.page.reload();
  await expect(karl.page).toHaveURL(/\/log-ind$/);
  await expect(karl.page.getByLabel('Brugernavn')).toBeVisible();

  await karl.context.close();
  await martin.context.close();
});
