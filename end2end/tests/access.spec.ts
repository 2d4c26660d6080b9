import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

async function fresh(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK' });
  return context.newPage();
}

// Staff come and go: the office adds a substitute, takes her access away when she leaves (her
// open session ends at once), and when she is back hands her a one-time code, with which she sets
// a new password on the sign-in screen; then she changes it herself. Each screen size has its own
// substitute, so runs never meet.
test('the office takes a leaving colleague’s access away and gives it back with a code for a new password', async ({
  page,
  browser,
  baseURL,
}, info) => {
  test.setTimeout(90_000);
  const tag = `${info.project.name.slice(0, 1)}${Date.now() % 100000}`;
  const [name, username] = [`Vikar${tag} Holt`, `vikar${tag}`];

  await signIn(page, 'ole');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const newStaff = page.getByRole('form', { name: 'Ny medarbejder' });
  await newStaff.getByLabel('Fornavn').fill(`Vikar${tag}`);
  await newStaff.getByLabel('Efternavn').fill('Holt');
  await newStaff.getByLabel('Rolle').selectOption({ label: 'lærer' });
  await newStaff.getByLabel('Brugernavn').fill(username);
  await newStaff.getByLabel('Adgangskode').fill('den første kode');
  await newStaff.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  const staff = page.getByRole('region', { name: 'Medarbejdere' });
  await expect(staff.getByText(`${name} – lærer`)).toBeVisible();

  // Her UNI-ID, so she can sign in with UNI-Login too.
  const uniId = staff.getByRole('form', { name: `UNI-ID for ${name}` });
  await uniId.getByRole('textbox', { name: `UNI-ID for ${name}` }).fill(`v${tag}abc`);
  await uniId.getByRole('button', { name: 'Gem UNI-ID' }).click();
  await expect(uniId.getByRole('status')).toHaveText('Gemt.');

  const vikar = await fresh(browser, baseURL);
  await signIn(vikar, username, 'den første kode');
  await expect(vikar.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();

  // She leaves: one confirmed click, and her session is over.
  page.once('dialog', (dialog) => dialog.accept());
  await staff.getByRole('button', { name: `Deaktivér ${name}` }).click();
  await expect(staff.getByRole('button', { name: `Genaktivér ${name}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await vikar.reload();
  await expect(vikar).toHaveURL(/\/log-ind$/);
  await signIn(vikar, username, 'den første kode');
  await expect(vikar.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert.');

  // She is back, and has forgotten her password: the office makes a code and reads it to her.
  await staff.getByRole('button', { name: `Genaktivér ${name}` }).click();
  await staff.getByRole('button', { name: `Lav kode til ny adgangskode for ${name}` }).click();
  const note = staff.getByRole('status');
  await expect(note).toContainText(`Kode til ny adgangskode for ${name}:`);
  const code = /: ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2})\./.exec((await note.textContent()) ?? '')?.[1];
  expect(code).toBeTruthy();
  await expectNoAxeViolations(page);

  await vikar.goto('/log-ind');
  await vikar.getByRole('link', { name: 'Ny adgangskode med en kode fra skolen' }).click();
  await expect(vikar.getByRole('heading', { level: 1, name: 'Ny adgangskode' })).toBeVisible();
  await expectNoAxeViolations(vikar);
  await vikar.getByLabel('Brugernavn').fill(username);
  await vikar.getByLabel('Kode fra skolen').fill(code!.toUpperCase());
  await vikar.getByLabel('Ny adgangskode').fill('min helt egen kode');
  await vikar.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(vikar.getByRole('status')).toHaveText('Din adgangskode er skiftet. Log ind med den nye.');
  await expectNoAxeViolations(vikar);

  await signIn(vikar, username, 'min helt egen kode');
  await expect(vikar.getByRole('heading', { level: 1, name: 'Mine hold' })).toBeVisible();
  await vikar.getByRole('button', { name: /^Logget ind som/ }).click();
  await vikar.getByRole('link', { name: 'Skift adgangskode' }).click();
  await expect(vikar.getByRole('heading', { level: 1, name: 'Skift adgangskode' })).toBeVisible();
  await expectNoAxeViolations(vikar);
  await vikar.getByLabel('Nuværende adgangskode').fill('min helt egen kode');
  await vikar.getByLabel('Ny adgangskode').fill('en endnu bedre kode');
  await vikar.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(vikar.getByRole('status')).toHaveText('Din adgangskode er skiftet. Du er logget ud på dine andre enheder.');
  await vikar.context().close();
});

// A guardian who may no longer follow a child (a court order, a mistake in the roster) loses the
// child at once, calendar link included, and gets the child back when the office restores it.
// Each screen size takes a guardian no other test signs in as.
test('the office removes a guardian’s access to a child and restores it', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(60_000);
  const { guardian, username, child } = {
    ipad: { guardian: 'Louise Pedersen', username: 'louise', child: 'Freja Pedersen' },
    phone: { guardian: 'Jesper Andersen', username: 'jesper', child: 'Oscar Andersen' },
    laptop: { guardian: 'Sara Christensen', username: 'sara', child: 'Alma Christensen' },
  }[info.project.name as 'ipad' | 'phone' | 'laptop'];

  const parent = await fresh(browser, baseURL);
  await signIn(parent, username);
  await expect(parent.getByRole('link', { name: `Se ugen for ${child}` })).toBeVisible();

  await signIn(page, 'ole');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const classSection = page.getByRole('region', { name: '1.A (1. klasse)' });
  await classSection.getByRole('button', { name: `Fjern adgang for ${guardian} til ${child}` }).click();
  await expect(classSection.getByRole('button', { name: `Giv ${guardian} adgang til ${child} igen` })).toBeVisible();
  await expect(classSection.getByText(`${guardian} (uden adgang)`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Signed out at once; signed in again, the child is not there.
  await parent.reload();
  await expect(parent).toHaveURL(/\/log-ind$/);
  await signIn(parent, username);
  // The sign-in page has a level-1 heading too: wait for the parent's own home.
  await expect(parent.getByRole('heading', { level: 1, name: 'Mine børn' })).toBeVisible();
  await expect(parent.getByRole('link', { name: `Se ugen for ${child}` })).toHaveCount(0);

  await classSection.getByRole('button', { name: `Giv ${guardian} adgang til ${child} igen` }).click();
  await expect(classSection.getByRole('button', { name: `Fjern adgang for ${guardian} til ${child}` })).toBeVisible();
  await parent.reload();
  await expect(parent.getByRole('link', { name: `Se ugen for ${child}` })).toBeVisible();
  await parent.context().close();
});

// UNI-Login is switched on by the school's leader with its institution number; administration
// does not see the setting. Every screen size saves the same number, so runs never disagree.
test('a leader switches UNI-Login on with the school’s institution number', async ({ page, browser, baseURL }) => {
  await signIn(page, 'lene');
  await page.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  const uniLogin = page.getByRole('region', { name: 'UNI-Login' });
  await uniLogin.getByRole('textbox', { name: 'Skolens institutionsnummer' }).fill('2801x');
  await uniLogin.getByRole('button', { name: 'Gem institutionsnummer' }).click();
  await expect(uniLogin.getByRole('status')).toHaveText('Gemt.');
  await uniLogin.getByRole('textbox', { name: 'Skolens institutionsnummer' }).fill('28 01');
  await uniLogin.getByRole('button', { name: 'Gem institutionsnummer' }).click();
  await expect(uniLogin.getByRole('alert')).toContainText('Et institutionsnummer er 3–12 bogstaver og tal');
  await uniLogin.getByRole('textbox', { name: 'Skolens institutionsnummer' }).fill('280123');
  await uniLogin.getByRole('button', { name: 'Gem institutionsnummer' }).click();
  await expect(uniLogin.getByRole('status')).toHaveText('Gemt.');
  await expectNoAxeViolations(page);

  const office = await fresh(browser, baseURL);
  await signIn(office, 'ole');
  await office.getByRole('link', { name: 'Administration: klasser og elever' }).click();
  await expect(office.getByRole('heading', { level: 1, name: 'Administration: Solbakken Skole' })).toBeVisible();
  await expect(office.getByRole('region', { name: 'UNI-Login' })).toHaveCount(0);
  await office.context().close();
});
