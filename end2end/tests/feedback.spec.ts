import { chromium, expect, test, type Page } from '@playwright/test';
import { baseURL, withFakeMicrophone } from '../chromium';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsForPupils,
  officeMakesClass,
  newWeekTask,
  planThisWeek,
  pupilOnClassIpad,
  recordSpeech,
  signIn,
  spoken,
  handOn,
} from './support';

// A 2 × 2 PNG: small, real, decodable.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** Records a voice note in `area` with the fake microphone and keeps it. */
async function record(page: Page, area: ReturnType<Page['getByRole']>) {
  await area.getByRole('button', { name: 'Start optagelse' }).click();
  await expect(area.getByText('Optager …', { exact: false })).toBeVisible();
  await page.waitForTimeout(1200);
  await area.getByRole('button', { name: 'Stop optagelse' }).click();
  await area.getByRole('button', { name: 'Gem lyden' }).click();
}

// The learning loop through everyone's own screens: Dorte gives her class a task; on the class
// iPad Bertil hands in a photo (and shares it with his family) and Cille a voice note, and both
// tap "Jeg er færdig"; Dorte sees both on the task's screen and answers Cille with her voice and
// Bertil in words, for his family too; she chooses Bertil's photo as evidence for the forløb's goal
// in the evaluation grid and publishes his elevplan; each pupil finds the answer marked new and
// hears it without reading; Bertil's father sees the shared photo with its answer, in the week
// and in the published plan. Every screen at this project's
// size, with axe. (A class of this run's own, so no other test's pupils are counted.)
test('a teacher answers what two pupils handed in, by voice and in words, and each pupil and a parent find the answer', async ({}, info) => {
  test.setTimeout(180_000);
  const { viewport } = info.project.use;
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const className = `3.${tag}`;
  const grade = '3. klasse';
  const hold = `Dansk ${className}`;
  const task = `Mit yndlingsdyr ${tag}`;
  const bertil = `Bertil Svar${tag}`;
  const cille = `Cille Svar${tag}`;
  const browser = await chromium.launch(withFakeMicrophone());
  try {
    const device = { viewport, baseURL, locale: 'da-DK' };
    // The office makes the class, its pupils, Bertil's father and Dorte's hold, on a laptop.
    const father = { pupil: bertil, given: 'Bent', family: `Svar${tag}`, username: `bent${tag}`.toLowerCase(), password: 'bents lange kode' };
    await officeMakesClass(browser, {
      className,
      grade,
      pupils: [
        ['Bertil', `Svar${tag}`],
        ['Cille', `Svar${tag}`],
      ],
      guardian: father,
      hold,
    });

    // Dorte plans a forløb with a task for the whole hold.
    const teachers = await browser.newContext(device);
    await teachers.grantPermissions(['microphone']);
    const dorte = await teachers.newPage();
    await signIn(dorte, 'dorte');
    await planThisWeek(dorte, hold, hold, 'Dyr');
    const goal = `Jeg kan fortælle om et dyr ${tag}`;
    const newGoal = dorte.getByRole('form', { name: 'Nyt mål' });
    await newGoal.getByLabel('Faglige mål (læreren vurderer)').check();
    await newGoal.getByLabel('Målet med dine egne ord').fill(goal);
    await newGoal.getByRole('button', { name: 'Tilføj mål' }).click();
    await expect(dorte.getByRole('region', { name: 'Mål' }).getByText(goal, { exact: true })).toBeVisible();
    await newWeekTask(dorte, task, 'Vis dit yndlingsdyr.');
    await dorte.getByRole('link', { name: `Se elevernes arbejde: ${task}` }).click();
    const returnsUrl = dorte.url();

    // On the class iPad: Bertil hands in a photo, shares it with his family, and is done; then
    // Cille records a voice note and is done.
    const ipads = await browser.newContext({ ...device, hasTouch: true, isMobile: true });
    await ipads.grantPermissions(['microphone']);
    const ipad = await ipads.newPage();
    await recordSpeech(ipad);
    await pupilOnClassIpad(ipad, 'dorte', className, 'Bertil');
    const openTask = async () => {
      await ipad.getByRole('link', { name: 'I dag' }).first().tap();
      await ipad.getByRole('list', { name: 'Mine opgaver' }).getByRole('link', { name: new RegExp(task) }).tap();
      await expect(ipad.getByRole('heading', { level: 1, name: task })).toBeVisible();
    };
    await openTask();
    const work = ipad.getByRole('region', { name: 'Vis hvad du har lavet' });
    await work.getByLabel('Tag et billede').setInputFiles({ name: 'kat.png', mimeType: 'image/png', buffer: PHOTO });
    await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');
    await ipad.getByRole('button', { name: 'Jeg er færdig' }).tap();
    await expect(ipad.getByRole('button', { name: 'Jeg er færdig' })).toHaveAttribute('aria-pressed', 'true');
    await ipad.getByRole('link', { name: 'Hjem', exact: true }).tap();
    await ipad.getByRole('link', { name: 'Mit arbejde' }).tap();
    const share = ipad.getByRole('listitem').filter({ hasText: task }).getByRole('button', { name: 'Del med mine voksne' });
    await share.tap();
    await expect(share).toHaveAttribute('aria-pressed', 'true');
    await handOn(ipad);
    await ipad.getByRole('button', { name: 'Cille', exact: true }).tap();
    await expect(ipad.getByRole('heading', { level: 1, name: 'Hej Cille!' })).toBeVisible();
    await openTask();
    await work.getByRole('button', { name: 'Indtal', exact: true }).tap();
    await record(ipad, work);
    await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');
    await ipad.getByRole('button', { name: 'Jeg er færdig' }).tap();
    await expect(ipad.getByRole('button', { name: 'Jeg er færdig' })).toHaveAttribute('aria-pressed', 'true');
    await handOn(ipad);

    // Dorte sees both done, with the photo and the voice note, and answers each.
    await dorte.goto(returnsUrl);
    await expect(dorte.getByRole('heading', { level: 1, name: `${task}: elevernes arbejde` })).toBeVisible();
    await expect(dorte.getByRole('status').first()).toHaveText('2 af 2 er færdige');
    const pupils = dorte.getByRole('list', { name: 'Eleverne' });
    const card = (name: string) => pupils.getByRole('listitem').filter({ has: dorte.getByRole('heading', { name }) });
    await expect(card(bertil).getByRole('img', { name: `Billede fra ${bertil}` })).toBeVisible();
    await expect(card(cille).locator('audio')).toHaveCount(1);
    await card(cille).getByRole('button', { name: 'Svar på arbejdet' }).click();
    await record(dorte, card(cille).getByRole('group', { name: 'Indtal et svar' }));
    await expect(card(cille).getByText('Svaret er sendt.')).toBeVisible();
    await expect(card(cille).getByRole('list', { name: 'Svar' }).locator('audio')).toHaveCount(1);
    await card(bertil).getByRole('button', { name: 'Svar på arbejdet' }).click();
    await card(bertil).getByLabel('Familien må se svaret, når eleven deler arbejdet').check();
    await card(bertil).getByLabel('Skriv et svar').fill('Flot kat! Hvad hedder den?');
    await card(bertil).getByRole('button', { name: 'Send svaret' }).click();
    await expect(card(bertil).getByText('Svaret er sendt.')).toBeVisible();
    await expect(card(bertil).getByRole('list', { name: 'Svar' })).toContainText('Flot kat! Hvad hedder den?');
    await expectNoAxeViolations(dorte);

    // All Cille made in the hold this year, by forløb, with the answer.
    await card(cille).getByRole('link', { name: `Alt fra ${cille} i år` }).click();
    await expect(dorte.getByRole('heading', { level: 1, name: `Arbejde fra ${cille}` })).toBeVisible();
    const dyr = dorte.getByRole('region', { name: 'Dyr' });
    await expect(dyr).toContainText('Forløbet er i gang nu.');
    await expect(dyr.getByRole('list', { name: 'Svar' }).locator('audio')).toHaveCount(1);
    await expectNoAxeViolations(dorte);
    await dorte.goBack();
    await expect(dorte.getByRole('heading', { level: 1, name: `${task}: elevernes arbejde` })).toBeVisible();

    // In the forløb's evaluation grid, Dorte chooses Bertil's photo as evidence for the goal and
    // publishes his dansk elevplan with it.
    await dorte.getByRole('link', { name: 'Tilbage til forløbet: Dyr' }).click();
    await dorte.getByRole('link', { name: 'Evaluér forløbet' }).click();
    await expect(dorte.getByRole('heading', { level: 1, name: 'Evaluering: Dyr' })).toBeVisible();
    const evidence = dorte.getByRole('form', { name: 'Elevens arbejde som belæg' });
    await evidence.getByLabel('Elev').selectOption({ label: bertil });
    await evidence.getByLabel('Mål', { exact: true }).selectOption({ label: goal });
    await evidence.getByRole('button', { name: 'Vis elevens arbejde' }).click();
    const piece = evidence.getByRole('listitem').filter({ has: dorte.getByRole('heading', { name: task }) });
    await expect(piece).toContainText('Delt med familien');
    await piece.getByLabel('Belæg for målet').check();
    const grid = dorte.getByRole('table', { name: 'Evaluering: Dyr' });
    await expect(grid.getByRole('row').filter({ hasText: bertil })).toContainText('1 som belæg');
    await expectNoAxeViolations(dorte);
    await grid.getByRole('link', { name: bertil, exact: true }).click();
    await expect(dorte.getByRole('heading', { level: 1, name: `Elevplan for ${bertil}` })).toBeVisible();
    await dorte.getByRole('button', { name: 'Start elevplan i Dansk' }).click();
    await dorte.getByLabel('Status').fill('Bertil fortæller gerne om dyr.');
    await dorte.getByRole('checkbox', { name: new RegExp(goal) }).check();
    await dorte.getByRole('button', { name: 'Gem elevplanen' }).click();
    await expect(dorte.getByRole('form', { name: 'Skriv planen' }).getByRole('status')).toHaveText('Gemt.');
    await dorte.getByRole('button', { name: 'Se den som forældre ser den' }).click();
    const preview = dorte.getByRole('region', { name: 'Se den som forældre ser den' });
    await expect(preview.getByRole('list', { name: 'Arbejde, der viser målet' })).toContainText(task);
    await dorte.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(dorte.getByRole('region', { name: 'Se og offentliggør' }).getByRole('status')).toContainText('Offentliggjort');
    await expectNoAxeViolations(dorte);
    await teachers.close();

    // Bertil finds a new answer on his task and hears it read aloud.
    await ipad.getByRole('button', { name: 'Bertil', exact: true }).tap();
    await ipad.getByRole('link', { name: 'I dag' }).first().tap();
    const tile = ipad.getByRole('list', { name: 'Mine opgaver' }).getByRole('link', { name: new RegExp(task) });
    await expect(tile).toContainText('Nyt svar');
    await expectNoAxeViolationsForPupils(ipad);
    await tile.tap();
    const answers = ipad.getByRole('region', { name: 'Svar fra din lærer' });
    await expect(answers).toContainText('Flot kat! Hvad hedder den?');
    await expect(answers).toContainText('Nyt');
    await answers.getByRole('button', { name: 'Hør svaret' }).tap();
    await expect.poll(async () => (await spoken(ipad)).map((u) => u.text)).toContain('Flot kat! Hvad hedder den?');
    await expectNoAxeViolationsForPupils(ipad);
    await handOn(ipad);

    // Cille hears her teacher's voice.
    await ipad.getByRole('button', { name: 'Cille', exact: true }).tap();
    await openTask();
    const hers = ipad.getByRole('region', { name: 'Svar fra din lærer' });
    const player = hers.getByLabel('Indtalt svar fra Dorte Vang');
    await expect(player).toHaveCount(1);
    const res = await ipad.request.get((await player.getAttribute('src'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^audio\//);
    await expectNoAxeViolationsForPupils(ipad);
    // Seen once, it is no longer new.
    await ipad.reload();
    await expect(ipad.getByRole('heading', { level: 1, name: task })).toBeVisible();
    await expect(ipad.getByRole('region', { name: 'Svar fra din lærer' })).not.toContainText('Nyt');
    await ipads.close();

    // Bertil's father sees the photo Bertil shared, with the answer meant for the family.
    const phones = await browser.newContext({ ...device, hasTouch: true, isMobile: true });
    const parent = await phones.newPage();
    await signIn(parent, father.username, father.password);
    await parent.getByRole('link', { name: `Se ugen for ${bertil}` }).tap();
    const shared = parent.getByRole('region', { name: 'Delt arbejde' });
    await expect(shared.getByRole('listitem').filter({ hasText: task })).toContainText('Flot kat! Hvad hedder den?');
    await expectNoAxeViolations(parent);
    // And in his published elevplan, under the goal, with the same answer.
    await parent.getByRole('link', { name: `Samlet elevplan for ${bertil}` }).tap();
    const shown = parent.getByRole('list', { name: 'Arbejde, der viser målet' });
    await expect(shown.getByRole('img', { name: task })).toBeVisible();
    await expect(shown).toContainText('Flot kat! Hvad hedder den?');
    await expectNoAxeViolations(parent);
    await phones.close();
  } finally {
    await browser.close();
  }
});
