import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support';

// Printing cards replaces a class's codes, so the tests here take turns, and each screen size
// uses its own class.
test.describe.configure({ mode: 'serial' });

const classFor = (project: string) =>
  project === 'ipad'
    ? { name: '1.A', pupil: 'Ida Jensen', three: ['Alma Christensen', 'Oscar Andersen', 'Clara Jørgensen'] }
    : { name: '5.B', pupil: 'Sofia Kristensen', three: ['Agnes Olsen', 'Victor Thomsen', 'Nora Knudsen'] };

test('a teacher prints login cards and an adult signs a pupil in with the typed code', async ({ page }, info) => {
  const klass = classFor(info.project.name);
  await signIn(page, 'anne');
  await page.getByRole('button', { name: `Lav nye login-kort til ${klass.name}` }).click();
  const cards = page.getByRole('list', { name: 'Login-kort' });
  await expect(cards.getByRole('listitem')).toHaveCount(10);
  const card = cards.getByRole('listitem').filter({ hasText: klass.pupil });
  await expect(card.getByRole('img', { name: `QR-kode til ${klass.pupil}` })).toBeVisible();
  const code = (await card.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!;
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await page.getByRole('link', { name: 'Log ind med kode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med kode' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Koden fra login-kortet').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${klass.pupil.split(' ')[0]}!` })).toBeVisible();
});

test('on a class iPad three pupils sign in and out in turn with their login-card codes', async ({ page }, info) => {
  const klass = classFor(info.project.name);
  const picker = `${klass.name}: Tryk på dit billede`;
  await signIn(page, 'bo');
  await page.getByRole('button', { name: `Lav nye login-kort til ${klass.name}` }).click();
  const cards = page.getByRole('list', { name: 'Login-kort' });
  const codes: [string, string][] = [];
  for (const name of klass.three) {
    const card = cards.getByRole('listitem').filter({ hasText: name });
    codes.push([name, (await card.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!]);
  }
  await page.getByRole('button', { name: `Gør til klasse-iPad for ${klass.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: picker })).toBeVisible();

  for (const [name, code] of codes) {
    await page.getByRole('link', { name: 'Log ind med kode' }).tap();
    await page.getByLabel('Koden fra login-kortet').fill(code);
    await page.getByRole('button', { name: 'Log ind', exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: `Hej ${name.split(' ')[0]}!` })).toBeVisible();
    await page.getByRole('button', { name: 'Færdig' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: picker })).toBeVisible();
  }
});

test('a wrong code gets a calm Danish message', async ({ page }) => {
  await page.goto('/kode');
  await page.getByLabel('Koden fra login-kortet').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('forkert');
  await expect(page.getByLabel('Koden fra login-kortet')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
