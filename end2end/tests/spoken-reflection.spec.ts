import { chromium, expect, test, type Locator, type Page } from '@playwright/test';
import { baseURL, withFakeMicrophone } from '../chromium';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsForPupils,
  officeMakesClass,
  planThisWeek,
  pupilOnClassIpad,
  signIn,
  handOn,
} from './support';

/** Records with the fake microphone in `area` and keeps the recording. */
async function record(page: Page, area: Locator) {
  await area.getByRole('button', { name: 'Start optagelse' }).tap();
  await expect(area.getByText('Optager …', { exact: false })).toBeVisible();
  await page.waitForTimeout(1200);
  await area.getByRole('button', { name: 'Stop optagelse' }).tap();
  await area.getByRole('button', { name: 'Gem lyden' }).tap();
}

/** The player's recording is served to this page's user as sound. */
async function expectPlayable(page: Page, player: Locator) {
  const res = await page.request.get((await player.getAttribute('src'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^audio\//);
}

// A pupil who does not write yet says her elevplan reflection on the class iPad; her teacher
// hears it in the plan, includes it, writes down what she said and publishes, and publishes
// again after evaluating her anew; her father hears her, reads the teacher's words and sees the
// progress since the version before. Every screen at this project's size, with axe. (A
// class of this run's own, so each screen size has its own pupil and plan.)
test('a pupil says her reflection, the teacher includes it with a transcript, and her father hears it and sees her progress', async ({}, info) => {
  test.setTimeout(180_000);
  const { viewport } = info.project.use;
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const className = `2.${tag}`;
  const grade = '2. klasse';
  const hold = `Dansk ${className}`;
  const dina = `Dina Tale${tag}`;
  const browser = await chromium.launch(withFakeMicrophone());
  try {
    const device = { viewport, baseURL, locale: 'da-DK' };
    const father = { pupil: dina, given: 'Dan', family: `Tale${tag}`, username: `dan${tag}`.toLowerCase(), password: 'dans lange kode' };
    await officeMakesClass(browser, { className, grade, pupils: [['Dina', `Tale${tag}`]], guardian: father, hold });

    // Dorte starts Dina's dansk elevplan from her forløb's evaluation.
    const teachers = await browser.newContext(device);
    const dorte = await teachers.newPage();
    await signIn(dorte, 'dorte');
    await planThisWeek(dorte, hold, hold, 'Læselyst');
    const newGoal = dorte.getByRole('form', { name: 'Nyt mål' });
    await newGoal.getByLabel('Faglige mål (læreren vurderer)').check();
    const goal = `Jeg kan læse en lille bog ${tag}`;
    await newGoal.getByLabel('Målet med dine egne ord').fill(goal);
    await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
    await expect(dorte.getByRole('region', { name: 'Mål' }).getByText(goal, { exact: true })).toBeVisible();
    await dorte.getByRole('link', { name: 'Evaluér forløbet' }).click();
    const gridUrl = dorte.url();
    // Dina is on her way ("På vej", the second step), by the keyboard.
    const evaluate = async (key: string, step: string) => {
      const grid = dorte.getByRole('table', { name: 'Evaluering: Læselyst' });
      await grid.getByRole('button').first().focus();
      await dorte.keyboard.press(key);
      await expect(grid.getByRole('button').first()).toContainText(step);
      await expect(dorte.getByRole('status').filter({ hasText: 'Gemt:' })).toContainText('Gemt:');
    };
    await evaluate('2', 'På vej');
    await dorte.getByRole('table', { name: 'Evaluering: Læselyst' }).getByRole('link', { name: dina, exact: true }).click();
    await expect(dorte.getByRole('heading', { level: 1, name: `Elevplan for ${dina}` })).toBeVisible();
    await dorte.getByRole('button', { name: 'Start elevplan i Dansk' }).click();
    await expect(dorte.getByRole('heading', { level: 1, name: `Elevplan: Dansk – ${dina}` })).toBeVisible();
    const planUrl = dorte.url();
    await dorte.getByLabel('Status').fill('Dina er begyndt at læse små bøger.');
    await dorte.getByRole('checkbox', { name: new RegExp(goal) }).check();
    await dorte.getByRole('button', { name: 'Gem elevplanen' }).click();
    await expect(dorte.getByRole('form', { name: 'Skriv planen' }).getByRole('status')).toHaveText('Gemt.');

    // On the class iPad, Dina says what she thinks instead of typing it.
    const ipads = await browser.newContext({ ...device, hasTouch: true, isMobile: true });
    await ipads.grantPermissions(['microphone']);
    const ipad = await ipads.newPage();
    await pupilOnClassIpad(ipad, 'dorte', className, 'Dina');
    await ipad.getByRole('link', { name: 'Min elevplan' }).tap();
    await expect(ipad.getByRole('heading', { level: 1, name: 'Min elevplan' })).toBeVisible();
    const say = ipad.getByRole('region', { name: 'Eller sig det (Dansk)' });
    await record(ipad, say);
    await expect(say.getByRole('status')).toHaveText('Gemt.');
    const mine = say.getByLabel('Det har du sagt');
    await expect(mine).toHaveCount(1);
    await expectPlayable(ipad, mine);
    for (const target of await ipad.getByRole('main').getByRole('button').all()) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    }
    await expectNoAxeViolationsForPupils(ipad);
    // Back on the plan later, the recording is still hers to hear.
    await ipad.reload();
    await expect(ipad.getByRole('region', { name: 'Eller sig det (Dansk)' }).getByLabel('Det har du sagt')).toHaveCount(1);
    await handOn(ipad);
    await ipads.close();

    // Dorte hears it in the plan, includes it, writes down what Dina said, and publishes.
    await dorte.goto(planUrl);
    const spoken = dorte.getByRole('group', { name: 'Elevens indtalte refleksion' });
    const heard = spoken.getByLabel('Hør elevens optagelse');
    await expect(heard).toHaveCount(1);
    await expectPlayable(dorte, heard);
    await expectNoAxeViolations(dorte);
    await spoken.getByLabel('Tag optagelsen med i elevplanen').check();
    await spoken.getByLabel('Skriv ned, hvad eleven siger (kommer med i elevplanen)').fill('Jeg kan godt lide bøger om dyr.');
    await dorte.getByRole('button', { name: 'Gem elevplanen' }).click();
    await expect(dorte.getByRole('form', { name: 'Skriv planen' }).getByRole('status')).toHaveText('Gemt.');
    await dorte.getByRole('button', { name: 'Se den som forældre ser den' }).click();
    const preview = dorte.getByRole('region', { name: 'Se den som forældre ser den' });
    await expect(preview.getByLabel('Elevens indtalte refleksion')).toHaveCount(1);
    await expect(preview).toContainText('Jeg kan godt lide bøger om dyr.');
    await dorte.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(dorte.getByRole('region', { name: 'Se og offentliggør' }).getByRole('status')).toHaveText(
      'Offentliggjort som version 1',
    );
    await expectNoAxeViolations(dorte);
    // Weeks later Dina can do it; Dorte publishes the plan again, and it tells the progress.
    await dorte.goto(gridUrl);
    await evaluate('3', 'Det kan jeg');
    await dorte.goto(planUrl);
    await dorte.getByRole('button', { name: 'Se den som forældre ser den' }).click();
    await expect(preview).toContainText('Lærerens vurdering ved sidste version: På vej');
    await dorte.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(dorte.getByRole('region', { name: 'Se og offentliggør' }).getByRole('status')).toHaveText(
      'Offentliggjort som version 2',
    );
    await teachers.close();

    // Her father, on his phone, hears her and reads what her teacher wrote down.
    const phones = await browser.newContext({ ...device, hasTouch: true, isMobile: true });
    const parent = await phones.newPage();
    await signIn(parent, father.username, father.password);
    await parent.getByRole('link', { name: `Samlet elevplan for ${dina}` }).tap();
    await expect(parent.getByRole('heading', { level: 1, name: `Samlet elevplan for ${dina}` })).toBeVisible();
    const player = parent.getByRole('main').getByLabel('Elevens indtalte refleksion');
    await expect(player).toHaveCount(1);
    await expectPlayable(parent, player);
    await expect(parent.getByRole('main')).toContainText('Skrevet ned af læreren:');
    await expect(parent.getByRole('main')).toContainText('Jeg kan godt lide bøger om dyr.');
    // And how far she came since the version before, in words.
    await expect(parent.getByRole('main')).toContainText('Lærerens vurdering ved sidste version: På vej');
    await expect(parent.getByRole('main')).toContainText('Lærerens vurdering: Det kan jeg');
    await expectNoAxeViolations(parent);
    await phones.close();
  } finally {
    await browser.close();
  }
});
