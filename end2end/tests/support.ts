import { expect, type Browser, type Page } from '@playwright/test';
import { baseURL } from '../chromium';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'spire-demo';

/** Signs in through the form, as a person would: by label, typing, and the button's name. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/log-ind');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

/**
 * Hands a class iPad on: the pupil taps Færdig (a waving hand) and then the picture that says
 * yes, as a child does; Færdig alone only asks.
 */
export async function handOn(page: Page) {
  await page.getByRole('button', { name: 'Færdig', exact: true }).tap();
  await page
    .getByRole('group', { name: "Er du færdig med iPad'en?" })
    .getByRole('button', { name: 'Ja, giv den videre' })
    .tap();
}

/** Axe over the whole page: WCAG 2.0–2.2 A and AA plus best practice, target size on. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** Records what the page asks the browser to read aloud, instead of speaking. */
export async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: { text: string; lang: string }[] };
    w.__spoken = [];
    // A device with a voice, so the page uses the browser's speech rather than the server's.
    window.speechSynthesis.getVoices = () =>
      [{ lang: 'da-DK', name: 'Test', voiceURI: 'test', default: true, localService: true }] as unknown as SpeechSynthesisVoice[];
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.__spoken.push({ text: u.text, lang: u.lang });
    };
  });
}

export async function spoken(page: Page): Promise<{ text: string; lang: string }[]> {
  return page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
}

/** Axe as `expectNoAxeViolations`, plus the enhanced (7:1) text contrast pupil screens promise. */
export async function expectNoAxeViolationsForPupils(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ rules: { 'target-size': { enabled: true }, 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** Every button, link and form field a pupil can reach is at least 64 × 64 CSS px. */
export async function expectPupilTargetsAtLeast64(page: Page) {
  const small: string[] = [];
  for (const role of ['button', 'link', 'textbox', 'checkbox', 'radio'] as const) {
    for (const target of await page.getByRole(role).all()) {
      if (!(await target.isVisible())) continue;
      const box = await target.boundingBox();
      // The skip link waits above the top edge until it gets focus.
      if (!box || box.y + box.height <= 0) continue;
      if (box.width < 64 || box.height < 64) {
        small.push(`${role} "${(await target.innerText()).trim()}": ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
  }
  expect(small, small.join('\n')).toEqual([]);
}

export const CLASS_PICKER = '1.A: Tryk på dit billede';

/** A teacher turns this browser into 1.A's class iPad, and the pupil taps their own picture. */
export async function signInByPicture(page: Page, firstName: string) {
  await signIn(page, 'anne');
  await page.getByRole('button', { name: 'Gør til klasse-iPad for 1.A' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLASS_PICKER })).toBeVisible();
  await page.getByRole('button', { name: firstName, exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${firstName}!` })).toBeVisible();
}

/**
 * Whether the page fits its viewport without sideways scrolling. Compared with the layout width
 * (`clientWidth`), not `innerWidth`: in mobile-emulated Chromium the visual viewport grows to fit
 * wide content, so `innerWidth` would follow the overflow and the check could never fail.
 */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Makes a class on the administration screen and waits for its section. */
export async function newClass(page: Page, name: string, grade: string) {
  const form = page.getByRole('form', { name: 'Ny klasse' });
  await form.getByLabel('Klassens navn, fx 2.C').fill(name);
  await form.getByLabel('Klassetrin').selectOption({ label: grade });
  await form.getByRole('button', { name: 'Opret klasse' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${name} (${grade})` })).toBeVisible();
}

/** Adds a pupil to a class on the administration screen and waits for them to be listed. */
export async function newPupil(page: Page, given: string, family: string, className: string) {
  const form = page.getByRole('form', { name: 'Ny elev' });
  await form.getByLabel('Fornavn').fill(given);
  await form.getByLabel('Efternavn').fill(family);
  await form.getByLabel('Klasse').selectOption({ label: className });
  await form.getByRole('button', { name: 'Tilføj elev' }).click();
  await expect(page.getByText(`${given} ${family}`, { exact: true }).first()).toBeVisible();
}

/** Makes a hold on the administration screen and waits for its link. */
export async function newHold(page: Page, name: string, subject: string, className: string, teacher: string) {
  const form = page.getByRole('form', { name: 'Nyt hold' });
  await form.getByLabel('Holdets navn, fx Dansk 2.C').fill(name);
  await form.getByLabel('Fag').selectOption({ label: subject });
  await form.getByLabel('Klasse').selectOption({ label: className });
  await form.getByLabel('Lærer').selectOption({ label: teacher });
  await form.getByRole('button', { name: 'Opret hold' }).click();
  await expect(page.getByRole('link', { name: `Elever og lærere på ${name}` })).toBeVisible();
}

/** Makes `page` (on an iPad) the class iPad of `className` as `teacher`, and lets `pupil` tap
 * their picture. */
export async function pupilOnClassIpad(page: Page, teacher: string, className: string, pupil: string) {
  await signIn(page, teacher);
  await page.getByRole('button', { name: `Gør til klasse-iPad for ${className}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${className}: Tryk på dit billede` })).toBeVisible();
  await page.getByRole('button', { name: pupil, exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${pupil}!` })).toBeVisible();
}

/** Today as `YYYY-MM-DD` (what a date field takes), in Danish time. */
export function schoolToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** The Monday of the week `day` (`YYYY-MM-DD`) falls in: the value of that week in a week choice. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** From the planning screen of a teacher signed in on `page`: the hold's årsplan, then a forløb
 * of this week titled `unit`, whose screen it ends on. */
export async function planThisWeek(page: Page, hold: string, yearPlan: string, unit: string) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Planlægning' }).click();
  await page.getByLabel(`Titel på årsplanen for ${hold}`).fill(yearPlan);
  await page.getByRole('button', { name: `Opret årsplan for ${hold}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: yearPlan })).toBeVisible();
  const newUnit = page.getByRole('form', { name: 'Nyt forløb' });
  await newUnit.getByLabel('Titel').fill(unit);
  await newUnit.getByLabel('Første uge').selectOption(mondayOf(schoolToday()));
  await newUnit.getByLabel('Sidste uge').selectOption(mondayOf(schoolToday()));
  await newUnit.getByRole('button', { name: 'Opret forløb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: unit })).toBeVisible();
}

/** On a forløb's screen: a task for the whole hold this week. */
export async function newWeekTask(page: Page, title: string, instruction: string) {
  const newTask = page.getByRole('form', { name: 'Ny opgave' });
  await newTask.getByLabel('Titel').fill(title);
  await newTask.getByLabel('Instruktion til eleven').fill(instruction);
  await newTask.getByLabel('I løbet af en uge').check();
  await newTask.getByLabel('Dato').fill(schoolToday());
  await newTask.getByRole('button', { name: 'Tilføj opgave' }).click();
  await expect(page.getByRole('region', { name: 'Opgaver' }).getByText(title, { exact: true })).toBeVisible();
}

/** Links a new guardian with a username and password to a pupil, on the administration screen,
 * from the section of the pupil's class. */
export async function newGuardian(
  page: Page,
  className: string,
  grade: string,
  pupil: string,
  guardian: { given: string; family: string; username: string; password: string },
) {
  const section = page.getByRole('region', { name: `${className} (${grade})` });
  await section.getByText(`Tilknyt forælder til ${pupil}`).click();
  const form = section.getByRole('group').filter({ hasText: `Tilknyt forælder til ${pupil}` });
  await form.getByLabel('Fornavn').fill(guardian.given);
  await form.getByLabel('Efternavn').fill(guardian.family);
  await form.getByLabel('Brugernavn (valgfrit)').fill(guardian.username);
  await form.getByLabel('Adgangskode (valgfrit)').fill(guardian.password);
  await form.getByRole('button', { name: 'Tilknyt forælder' }).click();
  await expect(section.getByText(`Forældre: ${guardian.given} ${guardian.family}`)).toBeVisible();
}

/** A guardian with a username and password, linked to `pupil` (a full name). */
export type Guardian = { pupil: string; given: string; family: string; username: string; password: string };

/** The office (Lene, on a laptop) makes a class of this run's own: its pupils, optionally a
 * guardian for one of them, and a dansk hold taught by Dorte. */
export async function officeMakesClass(
  browser: Browser,
  setup: {
    className: string;
    grade: string;
    pupils: [string, string][];
    guardian?: Guardian;
    hold: string;
    subject?: string;
  },
) {
  const offices = await browser.newContext({ baseURL, locale: 'da-DK', viewport: { width: 1280, height: 800 } });
  const office = await offices.newPage();
  await signIn(office, 'lene');
  await expect(office.getByRole('heading', { level: 1, name: 'Overblik: Solbakken Skole' })).toBeVisible();
  await office.goto('/administration');
  await newClass(office, setup.className, setup.grade);
  for (const [given, family] of setup.pupils) {
    await newPupil(office, given, family, setup.className);
  }
  if (setup.guardian) {
    await newGuardian(office, setup.className, setup.grade, setup.guardian.pupil, setup.guardian);
  }
  await newHold(office, setup.hold, setup.subject ?? 'Dansk (0.–9. klasse)', setup.className, 'Dorte Vang');
  await offices.close();
}
