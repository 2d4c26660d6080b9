import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, mondayOf, signIn } from './support';

// A school made from nothing (`spire init`, no demo data), served by a second server the test
// command starts: its address and the leader's printed password come from the environment.
const school = process.env.NEW_SCHOOL_URL;
const leader = process.env.NEW_SCHOOL_LEADER ?? '';
const leaderPassword = process.env.NEW_SCHOOL_PASSWORD ?? '';
// The institution number the local UNI-Login issuer's sign-ins name.
const institution = process.env.NEW_SCHOOL_INSTITUTION ?? '';
test.use({ baseURL: school });

const PUPILS = 'klasse;klassetrin;fornavn;efternavn;uni_id;forælder_fornavn;forælder_efternavn;forælder_uni_id';

/** A file as Excel in a Danish locale saves it: semicolons, Windows-1252 (æ, ø, å as in Latin-1). */
function excelCsv(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'latin1') };
}

/** A day as `YYYY-MM-DD`, in Danish time. */
function schoolDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(at);
}

async function freshPage(browser: Browser, size: 'laptop' | 'ipad' | 'phone', day?: string): Promise<Page> {
  const viewport = { laptop: { width: 1280, height: 800 }, ipad: { width: 810, height: 1080 }, phone: { width: 390, height: 844 } }[size];
  const context = await browser.newContext({ baseURL: school, viewport, locale: 'da-DK', hasTouch: size !== 'laptop' });
  if (day) await context.setExtraHTTPHeaders({ 'X-Spire-Now': `${day}T10:00:00Z` });
  return context.newPage();
}

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('Vælg CSV-fil').setInputFiles(file);
  await expect(page.getByText('Ingen fejl i filen.')).toBeVisible();
  await page.getByRole('button', { name: 'Gennemfør import' }).click();
  await expect(page.getByText('Importen er gennemført.')).toBeVisible();
}

test('a school made from nothing lives a year: roster by UNI-ID, a hold with two teachers and a pædagog, planning in kristendomskundskab, a pupil joining and one moving, a guardian losing access, the next year opened from the municipality’s file, a teacher and a parent signing in through UNI-Login, and last year’s elevplan read as last year’s', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  expect(school, 'the test command starts the new school’s server (NEW_SCHOOL_URL)').toBeTruthy();
  const today = schoolDay(new Date());
  const [year, month] = today.split('-').map(Number);
  const start = month >= 8 ? year : year - 1;
  const nextAugust = `${start + 1}-08-17`;
  const nextYear = `${start + 1}/${String((start + 2) % 100).padStart(2, '0')}`;
  const thisYear = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

  // Karen, the leader `spire init` made, signs in with the password it printed.
  await signIn(page, leader, leaderPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik: Nyskolen' })).toBeVisible();
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration: Nyskolen' })).toBeVisible();

  // A teacher added by hand, with a sign-in; the municipality's staff list then gives her a
  // UNI-ID and adds a second teacher and a pædagog.
  const newStaff = page.getByRole('form', { name: 'Ny medarbejder' });
  await newStaff.getByLabel('Fornavn').fill('Nanna');
  await newStaff.getByLabel('Efternavn').fill('Krog');
  await newStaff.getByLabel('Rolle').selectOption({ label: 'lærer' });
  await newStaff.getByLabel('Brugernavn').fill('nanna');
  await newStaff.getByLabel('Adgangskode').fill('nannas lange kode');
  await newStaff.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  await expect(page.getByRole('region', { name: 'Medarbejdere' }).getByText('Nanna Krog – lærer')).toBeVisible();
  await importFile(
    page,
    excelCsv('personale.csv', [
      'fornavn;efternavn;rolle;uni_id',
      'Nanna;Krog;lærer;nanna00001',
      'Ole;Dam;lærer;oledam0001',
      'Pia;Holm;pædagog;piaholm001',
    ]),
  );
  await expect(page.getByRole('textbox', { name: 'UNI-ID for Nanna Krog' })).toHaveValue('nanna00001');

  // The pupil list, with UNI-IDs for pupils and guardians: siblings share their mother.
  await importFile(
    page,
    excelCsv('elever.csv', [
      PUPILS,
      '1.A;1;Alma;Bøg;alma000001;Eva;Bøg;evaboeg001',
      '1.A;1;Bo;Bøg;bo00000001;Eva;Bøg;evaboeg001',
      '1.A;1;Cai;Ørn;cai0000001;;;',
      '9.A;9;Dea;Lund;dea0000001;Finn;Lund;finnlund01',
    ]),
  );
  const firstA = page.getByRole('region', { name: '1.A (1. klasse)' });
  await expect(firstA.getByText('Alma Bøg', { exact: true })).toBeVisible();

  // A hold in kristendomskundskab, a subject Spire did not have, with two teachers and a pædagog.
  const hold = 'Kristendomskundskab 1.A';
  const newTeam = page.getByRole('form', { name: 'Nyt hold' });
  await newTeam.getByLabel('Holdets navn, fx Dansk 2.C').fill(hold);
  await newTeam.getByLabel('Fag').selectOption({ label: 'Kristendomskundskab (1.–9. klasse)' });
  await newTeam.getByLabel('Klasse').selectOption({ label: '1.A' });
  await newTeam.getByLabel('Lærer').selectOption({ label: 'Nanna Krog' });
  await newTeam.getByRole('button', { name: 'Opret hold' }).click();
  await page.getByRole('link', { name: `Elever og lærere på ${hold}` }).click();
  const teachers = page.getByRole('region', { name: 'Lærere og pædagoger' });
  const addTeacher = page.getByRole('form', { name: 'Tilføj lærer eller pædagog' });
  for (const name of ['Ole Dam', 'Pia Holm']) {
    await addTeacher.getByLabel('Lærer eller pædagog').selectOption({ label: name });
    await addTeacher.getByRole('button', { name: 'Tilføj til holdet' }).click();
    await expect(teachers.getByText(new RegExp(`^${name} \\(`))).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Elever' }).getByText('Alma Bøg, 1.A')).toBeVisible();

  // Karen switches UNI-Login on with the school's institution number. Ole, whom the staff list
  // gave a UNI-ID and no password, signs in through the UNI-Login issuer (the test command's
  // local one) and finds the hold he was added to.
  await page.goto('/administration');
  const uniLogin = page.getByRole('region', { name: 'UNI-Login' });
  await uniLogin.getByRole('textbox', { name: 'Skolens institutionsnummer' }).fill(institution);
  await uniLogin.getByRole('button', { name: 'Gem institutionsnummer' }).click();
  await expect(uniLogin.getByRole('status')).toHaveText('Gemt.');
  const ole = await freshPage(browser, 'laptop');
  await ole.goto('/log-ind');
  await ole.getByRole('link', { name: 'Log ind med UNI-Login' }).click();
  await ole.getByRole('textbox', { name: 'UNI-ID' }).fill('oledam0001');
  await ole.getByRole('button', { name: 'Log ind' }).click();
  await expect(ole.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  await expect(ole.getByRole('link', { name: new RegExp(hold) }).first()).toBeVisible();
  await ole.context().close();

  // Nanna plans a forløb with a week task for this week.
  const nanna = await freshPage(browser, 'laptop');
  await signIn(nanna, 'nanna', 'nannas lange kode');
  await nanna.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await nanna.getByRole('button', { name: `Opret årsplan for ${hold}` }).click();
  const newUnit = nanna.getByRole('form', { name: 'Nyt forløb' });
  await newUnit.getByLabel('Titel').fill('Fortællinger');
  await newUnit.getByLabel('Første uge').selectOption(mondayOf(today));
  await newUnit.getByLabel('Sidste uge').selectOption(mondayOf(today));
  await newUnit.getByRole('button', { name: 'Opret forløb' }).click();
  await expect(nanna.getByRole('heading', { level: 1, name: 'Fortællinger' })).toBeVisible();
  const newTask = nanna.getByRole('form', { name: 'Ny opgave' });
  await newTask.getByLabel('Titel').fill('Tegn en fortælling');
  await newTask.getByLabel('Instruktion til eleven').fill('Tegn det, du hørte.');
  await newTask.getByLabel('I løbet af en uge').check();
  await newTask.getByLabel('Dato').fill(today);
  await newTask.getByRole('button', { name: 'Tilføj opgave' }).click();
  await expect(nanna.getByRole('region', { name: 'Opgaver' }).getByText('Tegn en fortælling', { exact: true })).toBeVisible();

  // She writes Alma's elevplan in kristendomskundskab and publishes it for the family.
  await nanna.getByRole('link', { name: 'Evaluér forløbet' }).click();
  await nanna.getByRole('link', { name: 'Alma Bøg', exact: true }).click();
  await nanna.getByRole('button', { name: 'Start elevplan i Kristendomskundskab' }).click();
  await expect(nanna.getByRole('heading', { level: 1, name: 'Elevplan: Kristendomskundskab – Alma Bøg' })).toBeVisible();
  await nanna.getByLabel('Status').fill('Alma fortæller levende om det, hun har hørt.');
  await nanna.getByRole('button', { name: 'Gem elevplanen' }).click();
  await expect(nanna.getByRole('form', { name: 'Skriv planen' }).getByRole('status')).toHaveText('Gemt.');
  await nanna.getByRole('button', { name: 'Se den som forældre ser den' }).click();
  await nanna.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(nanna.getByRole('region', { name: 'Se og offentliggør' }).getByRole('status')).toHaveText(
    'Offentliggjort som version 1',
  );

  // Ebbe joins 1.A mid-year: he is in the hold, and on the class iPad his I dag has the task.
  await page.goto('/administration');
  const newPupil = page.getByRole('form', { name: 'Ny elev' });
  await newPupil.getByLabel('Fornavn').fill('Ebbe');
  await newPupil.getByLabel('Efternavn').fill('Krat');
  await newPupil.getByLabel('Klasse').selectOption({ label: '1.A' });
  await newPupil.getByRole('button', { name: 'Tilføj elev' }).click();
  await expect(firstA.getByText('Ebbe Krat', { exact: true })).toBeVisible();
  const ipad = await freshPage(browser, 'ipad');
  await signIn(ipad, 'nanna', 'nannas lange kode');
  await ipad.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
  await expect(ipad.getByRole('heading', { level: 1, name: '1.A: Tryk på dit billede' })).toBeVisible();
  await ipad.getByRole('button', { name: 'Ebbe', exact: true }).tap();
  await expect(ipad.getByRole('heading', { level: 1, name: 'Hej Ebbe!' })).toBeVisible();
  await ipad.getByRole('link', { name: 'I dag' }).first().tap();
  await expect(ipad.getByRole('list', { name: 'Mine opgaver' }).getByRole('link', { name: /Tegn en fortælling/ })).toBeVisible();
  await ipad.context().close();

  // Cai's father Hanne follows him, until the office takes the access away (Karen on the
  // school office's iPad).
  const office = await freshPage(browser, 'ipad');
  await signIn(office, leader, leaderPassword);
  await expect(office.getByRole('heading', { level: 1, name: 'Overblik: Nyskolen' })).toBeVisible();
  await office.goto('/administration');
  const officeA = office.getByRole('region', { name: '1.A (1. klasse)' });
  await officeA.getByText('Tilknyt forælder til Cai Ørn').click();
  const guardian = officeA.getByRole('group').filter({ hasText: 'Tilknyt forælder til Cai Ørn' });
  await guardian.getByLabel('Fornavn').fill('Hanne');
  await guardian.getByLabel('Efternavn').fill('Ørn');
  await guardian.getByLabel('Brugernavn (valgfrit)').fill('hanne');
  await guardian.getByLabel('Adgangskode (valgfrit)').fill('hannes lange kode');
  await guardian.getByRole('button', { name: 'Tilknyt forælder' }).click();
  await expect(officeA.getByText('Forældre: Hanne Ørn')).toBeVisible();
  const hanne = await freshPage(browser, 'phone');
  await signIn(hanne, 'hanne', 'hannes lange kode');
  await expect(hanne.getByRole('link', { name: 'Se ugen for Cai Ørn' })).toBeVisible();
  await officeA.getByRole('button', { name: 'Fjern adgang for Hanne Ørn til Cai Ørn' }).click();
  await expect(officeA.getByText('Hanne Ørn (uden adgang)')).toBeVisible();
  await hanne.reload();
  await expect(hanne).toHaveURL(/\/log-ind$/);
  await signIn(hanne, 'hanne', 'hannes lange kode');
  // The sign-in page has a level-1 heading too: wait for the parent's own home.
  await expect(hanne.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await expect(hanne.getByRole('link', { name: 'Se ugen for Cai Ørn' })).toHaveCount(0);
  await office.context().close();
  await page.reload();

  // Bo moves to a new class 1.B: the leader is told first which hold he leaves.
  const newClass = page.getByRole('form', { name: 'Ny klasse' });
  await newClass.getByLabel('Klassens navn, fx 2.C').fill('1.B');
  await newClass.getByLabel('Klassetrin').selectOption({ label: '1. klasse' });
  await newClass.getByRole('button', { name: 'Opret klasse' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '1.B (1. klasse)' })).toBeVisible();
  let told = '';
  page.once('dialog', (dialog) => {
    told = dialog.message();
    void dialog.accept();
  });
  await firstA.getByLabel('Ny klasse for Bo Bøg').selectOption({ label: '1.B' });
  await firstA.getByRole('button', { name: 'Flyt Bo Bøg' }).click();
  await expect(page.getByRole('region', { name: '1.B (1. klasse)' }).getByText('Bo Bøg', { exact: true })).toBeVisible();
  expect(told).toContain(`Forlader holdene: ${hold}.`);

  // The next August: Karen sees what opening the new school year would do.
  const august = await freshPage(browser, 'laptop', nextAugust);
  await signIn(august, leader, leaderPassword);
  await august.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const opening = august.getByRole('region', { name: `Åbn skoleåret ${nextYear}` });
  await expect(opening.getByText('1.A bliver 2.A (3 elever)')).toBeVisible();
  await expect(opening.getByText('1.B bliver 2.B (1 elev)')).toBeVisible();
  await expect(opening.getByText('9.A går ud af skolen (1 elev)')).toBeVisible();
  await expect(opening.getByText(new RegExp(`^${hold} bliver Kristendomskundskab 2.A med`))).toBeVisible();
  await expectNoAxeViolations(august);

  // The municipality has sent next year's pupil list: first grade moved up together, and a new
  // 0.A. Karen opens the year from it, after seeing how its classes match last year's.
  await opening.getByLabel('Vælg CSV-fil').setInputFiles(
    excelCsv('elever-2-aar.csv', [
      'klasse;klassetrin;fornavn;efternavn;uni_id',
      '2.A;2;Alma;Bøg;alma000001',
      '2.A;2;Cai;Ørn;cai0000001',
      '2.A;2;Ebbe;Krat;',
      '2.B;2;Bo;Bøg;bo00000001',
      '0.A;0;Frida;Sø;',
    ]),
  );
  await expect(opening.getByText('1.A bliver 2.A (3 elever): hele årgangen rykker op')).toBeVisible();
  await expect(opening.getByText('1.B bliver 2.B (1 elev): hele årgangen rykker op')).toBeVisible();
  await expect(opening.getByRole('definition').filter({ hasText: '0.A' })).toBeVisible();
  await expectNoAxeViolations(august);
  august.once('dialog', (dialog) => void dialog.accept());
  await opening.getByRole('button', { name: `Åbn skoleåret ${nextYear} med elevlisten` }).click();
  await expect(august.getByRole('region', { name: '0.A (0. klasse)' }).getByText('Frida Sø', { exact: true })).toBeVisible();
  const secondA = august.getByRole('region', { name: '2.A (2. klasse)' });
  await expect(secondA.getByText('Alma Bøg', { exact: true })).toBeVisible();
  await expect(august.getByRole('region', { name: '2.B (2. klasse)' }).getByText('Bo Bøg', { exact: true })).toBeVisible();
  await expect(august.getByRole('heading', { level: 2, name: /^9\.A/ })).toHaveCount(0);

  // Alma is one pupil across both years: in the carried hold now, and in last year's still.
  await august.getByRole('link', { name: 'Elever og lærere på Kristendomskundskab 2.A' }).click();
  await expect(august.getByRole('region', { name: 'Elever' }).getByText('Alma Bøg, 2.A')).toBeVisible();
  await expect(august.getByRole('region', { name: 'Lærere og pædagoger' }).getByText('Pia Holm (pædagog)')).toBeVisible();

  // Nanna finds last year's årsplan under Tidligere år and copies it into this year's hold.
  const nannaAugust = await freshPage(browser, 'laptop', nextAugust);
  await signIn(nannaAugust, 'nanna', 'nannas lange kode');
  await nannaAugust.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await expect(nannaAugust.getByRole('region', { name: 'Tidligere år' }).getByRole('link', { name: new RegExp(hold) })).toBeVisible();
  await nannaAugust.getByRole('button', { name: 'Kopiér til Kristendomskundskab 2.A' }).click();
  await expect(nannaAugust.getByRole('link', { name: /Fortællinger/ })).toBeVisible();
  await expectNoAxeViolations(nannaAugust);

  // Alma's mother Eva, whom the pupil list gave a UNI-ID, signs in through UNI-Login on her phone
  // and reads last year's elevplan under Tidligere år.
  const eva = await freshPage(browser, 'phone', nextAugust);
  await eva.goto('/log-ind');
  await eva.getByRole('link', { name: 'Log ind med UNI-Login' }).tap();
  await eva.getByRole('textbox', { name: 'UNI-ID' }).fill('evaboeg001');
  await eva.getByRole('button', { name: 'Log ind' }).tap();
  await eva.getByRole('link', { name: 'Samlet elevplan for Alma Bøg' }).tap();
  const earlierYears = eva.getByRole('region', { name: 'Tidligere år' });
  await expect(earlierYears.getByRole('heading', { level: 2, name: `Kristendomskundskab, ${thisYear}` })).toBeVisible();
  await expect(earlierYears).toContainText('Alma fortæller levende om det, hun har hørt.');
  await expectNoAxeViolations(eva);
});
