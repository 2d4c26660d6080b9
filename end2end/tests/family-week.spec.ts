import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, fitsWidth } from './support';

/** Checks the iCalendar structure a phone's calendar relies on (RFC 5545). */
function expectValidICalendar(ics: string) {
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  const lines = ics.split('\r\n').slice(0, -1);
  for (const line of lines) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line.includes('\n'), 'no bare line feeds').toBe(false);
  }
  const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
  expect(unfolded).toContain('VERSION:2.0');
  expect(unfolded.some((l) => l.startsWith('PRODID:'))).toBe(true);
  const events = ics.split('BEGIN:VEVENT').slice(1);
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    const body = event.replace(/\r\n /g, '');
    for (const property of ['UID:', 'DTSTAMP:', 'DTSTART;VALUE=DATE:', 'SUMMARY:']) {
      expect(body, property).toContain(`\r\n${property}`);
    }
    expect(body).toContain('END:VEVENT');
  }
  return unfolded;
}

test('a parent of two switches between them, reads the week and the plan, and subscribes to the calendar', async ({
  page,
}) => {
  await signIn(page, 'mette');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await page.getByRole('link', { name: 'Se ugen for Ida Jensen' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Ugen for Ida Jensen' })).toBeVisible();

  const tasks = page.getByRole('region', { name: 'Opgaver i denne uge' });
  await expect(tasks.getByRole('heading', { name: 'Tegn 10 ting' })).toBeVisible();
  // Ida's own version of the week's task.
  await expect(tasks.getByText('Find tal over 10 i klassen, og tag et billede af dem.')).toBeVisible();
  await expect(tasks.getByRole('link', { name: 'Talbilleder til 20' }).first()).toBeVisible();
  const progress = page.getByRole('region', { name: 'Sådan går det' });
  await expect(progress.getByText('Jeg kan tælle til 20')).toBeVisible();
  await expectNoAxeViolations(page);

  // No horizontal scrolling on the phone.
  expect(await fitsWidth(page)).toBe(true);

  // The calendar link: made, fetched as iCalendar with the week's tasks, then revoked.
  const calendar = page.getByRole('region', { name: 'Kalender' });
  await calendar.getByRole('button', { name: 'Lav kalenderlink' }).tap();
  const link = calendar.getByLabel('Kalenderlink');
  await expect(link).toHaveValue(/\/kalender\/[0-9a-f]{64}\.ics$/);
  const url = await link.inputValue();
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const lines = expectValidICalendar(await res.text());
  expect(lines).toContain('SUMMARY:Tegn 10 ting');
  expect(lines).toContain('X-WR-CALNAME:Spire: Ida Jensen');
  await expectNoAxeViolations(page);
  await calendar.getByRole('button', { name: 'Stop kalenderlinket' }).tap();
  await expect(calendar.getByRole('status')).toHaveText('Kalenderlinket virker ikke længere.');
  expect((await page.request.get(url)).status()).toBe(404);

  // Switch to the other child.
  await page.getByRole('navigation', { name: 'Mine børn' }).getByRole('link', { name: 'Lucas Jensen' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Ugen for Lucas Jensen' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Mine børn' }).getByRole('link', { name: 'Lucas Jensen' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText('Tegn 10 ting')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The published plan is one tap away.
  await page.getByRole('link', { name: 'Samlet elevplan for Lucas Jensen' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lucas Jensen');
});

test('a parent sees nothing of a child who is not theirs', async ({ page, browser }) => {
  await signIn(page, 'maria');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await expect(page.getByText('Ida Jensen')).toHaveCount(0);
  // Ida is pupil 1 of the demo school; her page refuses Maria calmly, showing nothing of her.
  const mette = await browser.newContext();
  const other = await mette.newPage();
  await signIn(other, 'mette');
  await other.getByRole('link', { name: 'Se ugen for Ida Jensen' }).click();
  const idaUrl = other.url();
  await mette.close();
  await page.goto(idaUrl);
  await expect(page.getByRole('alert')).toContainText('Du har ikke adgang til dette.');
  await expect(page.getByText('Tegn 10 ting')).toHaveCount(0);
  await expect(page.getByText('Ida Jensen')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the weekly digest covers both children, in the app and as e-mail HTML', async ({ page }) => {
  await signIn(page, 'mette');
  await page.getByRole('link', { name: 'Ugens brev' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Ugens brev' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ida Jensen' }).getByRole('heading', { name: 'Tegn 10 ting' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lucas Jensen' })).toBeVisible();
  await expectNoAxeViolations(page);
  const html = await page.request.get('/ugebrev.html');
  expect(html.status()).toBe(200);
  const text = await html.text();
  expect(text).toContain('Ida Jensen (1.A)');
  expect(text).toContain('Lucas Jensen (5.B)');
  await page.goto('/ugebrev.html');
  await expectNoAxeViolations(page);
});

test('a pupil shares a piece of work, and their parent sees it in the week', async ({ page, browser }, info) => {
  test.skip(info.project.name !== 'phone', 'one screen size shares Ida’s work');
  await signIn(page, 'ida');
  await page.getByRole('link', { name: 'Mit arbejde' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Mit arbejde' })).toBeVisible();
  // Write something to share, from Mine mål.
  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Mine mål' }).tap();
  const goal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jeg kan tælle til 20' }) });
  await goal.getByRole('button', { name: 'Vis hvad du har lavet' }).tap();
  const words = `Til mor og far ${Date.now()}`;
  await goal.getByRole('button', { name: 'Skriv', exact: true }).tap();
  await goal.getByLabel('Skriv her').fill(words);
  await goal.getByRole('button', { name: 'Gem teksten' }).tap();
  await expect(goal.getByRole('status')).toHaveText('Gemt i Mit arbejde.');
  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Mit arbejde' }).tap();
  const item = page.getByRole('listitem').filter({ hasText: words });
  const share = item.getByRole('button', { name: 'Del med mine voksne' });
  await share.tap();
  await expect(share).toHaveAttribute('aria-pressed', 'true');

  const phone = await browser.newContext({ viewport: page.viewportSize()!, hasTouch: true, isMobile: true });
  const parent = await phone.newPage();
  await signIn(parent, 'mette');
  await parent.getByRole('link', { name: 'Se ugen for Ida Jensen' }).tap();
  const shared = parent.getByRole('region', { name: 'Delt arbejde' });
  await expect(shared.getByText(words)).toBeVisible();
  await expectNoAxeViolations(parent);
  await phone.close();
});

test('the family and leader screens reflow to 320 px without sideways scrolling', async ({ page, browser }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, 'mette');
  await page.getByRole('link', { name: 'Se ugen for Ida Jensen' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Ugen for Ida Jensen' })).toBeVisible();
  const fits = (p: typeof page) => fitsWidth(p);
  expect(await fits(page)).toBe(true);
  await page.goto('/ugebrev');
  await expect(page.getByRole('heading', { level: 1, name: 'Ugens brev' })).toBeVisible();
  expect(await fits(page)).toBe(true);

  const office = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const leader = await office.newPage();
  await signIn(leader, 'lene');
  await expect(leader.getByRole('table', { name: 'Hold og planlægning i år' })).toBeVisible();
  expect(await fits(leader)).toBe(true);
  await office.close();
});
