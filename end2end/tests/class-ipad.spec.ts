import { expect, test } from '@playwright/test';
import { baseURL } from '../chromium';
import { expectNoAxeViolations, fitsWidth, officeMakesClass, pupilOnClassIpad, signIn, handOn } from './support';

const PICKER = '1.A: Tryk på dit billede';

test('a teacher opens a class iPad and three pupils sign in and out in turn by tapping their pictures', async ({
  page,
}) => {
  await signIn(page, 'anne');
  await page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
  await expect(page).toHaveURL(/\/klasse$/);
  await expect(page.getByRole('heading', { level: 1, name: PICKER })).toBeVisible();
  const tiles = page.getByRole('list', { name: 'Tryk på dit billede' }).getByRole('button');
  await expect(tiles).toHaveCount(10);
  for (const tile of await tiles.all()) {
    const box = (await tile.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(96);
    expect(box.height).toBeGreaterThanOrEqual(96);
  }
  await expectNoAxeViolations(page);

  for (const name of ['Ida', 'Noah', 'Freja']) {
    await page.getByRole('button', { name, exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: `Hej ${name}!` })).toBeVisible();
    await handOn(page);
    await expect(page.getByRole('heading', { level: 1, name: PICKER })).toBeVisible();
  }
  // No one typed anything after the teacher handed the iPad over.
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('an adult closes the class iPad again', async ({ page }) => {
  await signIn(page, 'bo');
  await page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PICKER })).toBeVisible();
  await page.getByRole('link', { name: 'Log ind som voksen' }).click();
  await signIn(page, 'bo');
  await expect(page.getByText('Denne enhed er klasse-iPad for 1.A.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Luk klasse-iPad' }).click();
  await expect(page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' })).toBeVisible();
  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await expect(page).toHaveURL(/\/log-ind$/);
});

test('without a class iPad the picture page sends you to the adults sign-in', async ({ page }) => {
  await page.goto('/klasse');
  await expect(page).toHaveURL(/\/log-ind$/);
});

// An iPad left open (or lost) with a pupil signed in: the leader closes it from her own device,
// after confirming, and the iPad is neither signed in nor a class iPad any more. A class of this
// run's own, so the leader's list holds exactly its iPad.
test('the leader closes a class iPad from her own device and its pupil is signed out', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const className = `4.${tag}`;
  await officeMakesClass(browser, {
    className,
    grade: '4. klasse',
    pupils: [['Bent', `Glemt${tag}`]],
    hold: `Dansk ${className}`,
  });

  const ipads = await browser.newContext({ ...info.project.use, baseURL, locale: 'da-DK' });
  const ipad = await ipads.newPage();
  await pupilOnClassIpad(ipad, 'dorte', className, 'Bent');

  // The leader, on her own laptop (or this project's device), finds the iPad and closes it.
  const leaders = await browser.newContext({ ...info.project.use, baseURL, locale: 'da-DK' });
  const lene = await leaders.newPage();
  await signIn(lene, 'lene');
  await expect(lene.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await lene.goto('/administration');
  const devices = lene.getByRole('region', { name: 'Åbne klasse-iPads' });
  await expect(devices.getByText(new RegExp(`^${className.replace('.', '\\.')} – åbnet .* af Dorte Vang, 1 elev logget ind$`))).toBeVisible();
  await devices.getByRole('button', { name: `Luk klasse-iPad'en for ${className}` }).click();
  const confirm = devices.getByRole('group', { name: `Vil du lukke klasse-iPad'en for ${className}? Eleverne på den bliver logget ud.` });
  await expectNoAxeViolations(lene);
  await confirm.getByRole('button', { name: 'Ja, luk den' }).click();
  await expect(devices.getByRole('status')).toHaveText("Klasse-iPad'en er lukket.");
  await expect(devices.getByRole('button', { name: `Luk klasse-iPad'en for ${className}` })).toHaveCount(0);
  expect(await fitsWidth(lene)).toBe(true);

  // On the iPad, Bent is signed out and the class's pictures are gone.
  await ipad.reload();
  await expect(ipad).toHaveURL(/\/log-ind$/);
  await ipad.goto('/klasse');
  await expect(ipad).toHaveURL(/\/log-ind$/);
  await Promise.all([ipads.close(), leaders.close()]);
});
