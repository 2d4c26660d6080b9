import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'spire-demo';

/** Signs in through the form, as a person would: by label, typing, and the button's name. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/log-ind');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
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
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.__spoken.push({ text: u.text, lang: u.lang });
    };
  });
}

export async function spoken(page: Page): Promise<{ text: string; lang: string }[]> {
  return page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
}
