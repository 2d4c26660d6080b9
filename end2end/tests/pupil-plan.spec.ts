import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

// Each screen size uses its own pupil of 1.A, as in my-goals.spec.ts.
const pupilFor = (project: string) =>
  project === 'ipad' ? { user: 'ida', name: 'Ida Jensen' } : { user: 'noah', name: 'Noah Hansen' };

test('the team starts a collected plan, the pupil adds a reflection, and the teacher sees it', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const pupil = pupilFor(info.project.name);
  await signIn(page, 'bo');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByRole('link', { name: 'Åbn årsplan: Matematik i 1.A' }).click();
  await page.getByRole('link', { name: 'Tal til 20' }).click();
  await page.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await page.getByRole('link', { name: pupil.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Elevplan for ${pupil.name}` })).toBeVisible();
  const plansUrl = page.url();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start samlet elevplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Elevplan: Samlet elevplan – ${pupil.name}` })).toBeVisible();
  await page.getByLabel('Trivsel').fill('Har mange venner i klassen.');
  await page.getByRole('button', { name: 'Gem elevplanen' }).click();
  await expect(page.getByRole('form', { name: 'Skriv planen' }).getByRole('status')).toHaveText('Gemt.');
  await expectNoAxeViolations(page);

  // The pupil, on the class iPad or a phone, writes what they think.
  const own = await browser.newContext({ viewport: page.viewportSize()!, hasTouch: true, isMobile: true });
  const child = await own.newPage();
  await signIn(child, pupil.user);
  await child.getByRole('link', { name: 'Min elevplan' }).tap();
  await expect(child.getByRole('heading', { level: 1, name: 'Min elevplan' })).toBeVisible();
  const form = child.getByRole('form', { name: 'Samlet elevplan' });
  await form.getByLabel('Det tænker jeg (Samlet elevplan)').fill('Jeg kan godt lide at lege i frikvarteret.');
  await form.getByRole('button', { name: 'Gem' }).tap();
  await expect(form.getByRole('status')).toHaveText('Gemt.');
  for (const target of await child.getByRole('main').getByRole('button').all()) {
    const box = (await target.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(64);
  }
  await expectNoAxeViolations(child);
  // What the school has published for them, inside the pupil's own frame.
  await child.getByRole('link', { name: 'Se de elevplaner, skolen har vist dig' }).tap();
  await expect(child.getByRole('heading', { level: 1, name: `Samlet elevplan for ${pupil.name}` })).toBeVisible();
  await expect(child.getByRole('button', { name: 'Færdig', exact: true })).toBeVisible();
  await expect(child.getByRole('link', { name: 'Hjem', exact: true })).toBeVisible();
  await expectNoAxeViolations(child);
  await own.close();

  await page.reload();
  await expect(page.getByRole('main')).toContainText('Jeg kan godt lide at lege i frikvarteret.');

  // The leader, at the same size, sees the pupil's plans with the package, and its printable page.
  const office = await browser.newContext({ viewport: page.viewportSize()!, hasTouch: true, isMobile: true });
  const leader = await office.newPage();
  await signIn(leader, 'lene');
  await expect(leader.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
  await leader.goto(plansUrl);
  await expect(leader.getByRole('region', { name: 'Elevens pakke' })).toBeVisible();
  await expectNoAxeViolations(leader);
  await leader.getByRole('link', { name: 'Udskriv elevens pakke' }).tap();
  await expect(leader.getByRole('heading', { level: 1, name: `Elevens pakke: ${pupil.name}` })).toBeVisible();
  await expectNoAxeViolations(leader);
  await office.close();
});

test('a parent opens the samlet elevplan from the home screen, and it passes axe', async ({ page }) => {
  await signIn(page, 'mette');
  await page.getByRole('link', { name: 'Samlet elevplan for Lucas Jensen' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Samlet elevplan for Lucas Jensen' })).toBeVisible();
  await expect(page.getByText('Skolen har ikke offentliggjort nogen elevplan endnu.')).toBeVisible();
  await expectNoAxeViolations(page);
});
