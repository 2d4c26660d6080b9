import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, recordSpeech, signIn, spoken } from './support';

// Each screen size uses its own pupil of 1.A, so the two never tap the same goal at once.
const pupilFor = (project: string) => (project === 'ipad' ? { user: 'ida', name: 'Ida' } : { user: 'noah', name: 'Noah' });

test('a pupil hears a goal and evaluates themselves by tapping a face', async ({ page }, info) => {
  const pupil = pupilFor(info.project.name);
  await recordSpeech(page);
  await signIn(page, pupil.user);
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${pupil.name}!` })).toBeVisible();
  await page.getByRole('link', { name: 'Hvordan gik det?' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Hvordan gik det?' })).toBeVisible();

  const goal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jeg kan tælle til 20' }) });
  await goal.getByRole('button', { name: 'Læs målet op' }).tap();
  const faces = goal.getByRole('group', { name: 'Hvordan gik det?: Jeg kan tælle til 20' });
  for (const face of await faces.getByRole('button').all()) {
    const box = (await face.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(64);
    expect(box.height).toBeGreaterThanOrEqual(64);
  }
  await faces.getByRole('button', { name: 'Det kan jeg' }).tap();
  await expect(goal.getByRole('status')).toHaveText('Gemt.');
  await expect(faces.getByRole('button', { name: 'Det kan jeg' })).toHaveAttribute('aria-pressed', 'true');
  const said = (await spoken(page)).map((u) => u.text);
  expect(said).toContain('Jeg kan tælle til 20');
  expect(said).toContain('Det kan jeg');
  await expectNoAxeViolations(page);

  // A few words of their own, optional, saved with the face.
  await goal.getByLabel('Vil du skrive noget? (Det er frivilligt)').fill('Jeg talte til 20 i frikvarteret');
  // The status already says "Gemt." for the face: wait for the words' own save to answer.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/self_evaluate') && r.ok());
  await goal.getByRole('button', { name: 'Gem det, jeg skrev' }).tap();
  await saved;
  await expect(goal.getByRole('status')).toHaveText('Gemt.');

  // Kept: the same face is chosen after a reload, with the words.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Det kan jeg', pressed: true })).toBeVisible();
  await expect(page.getByLabel('Vil du skrive noget? (Det er frivilligt)').first()).toHaveValue(
    'Jeg talte til 20 i frikvarteret',
  );

  // Mine mål shows how it went over time, as faces with their words, and says it aloud.
  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Mine mål' }).tap();
  const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jeg kan tælle til 20' }) });
  const went = mine.getByRole('region', { name: 'Sådan er det gået' });
  await expect(went).toContainText('Det kan jeg');
  await went.getByRole('button', { name: 'Hør, hvordan det er gået' }).tap();
  await expect.poll(async () => (await spoken(page)).map((u) => u.text).join(' ')).toContain(': Det kan jeg.');
  await expectNoAxeViolations(page);
});

test('Mine mål reads each goal aloud and takes work for it', async ({ page }, info) => {
  const pupil = pupilFor(info.project.name);
  await recordSpeech(page);
  await signIn(page, pupil.user);
  await page.getByRole('link', { name: 'Mine mål' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine mål' })).toBeVisible();
  const goal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jeg kan tælle til 20' }) });
  await goal.getByRole('button', { name: 'Læs målet op' }).tap();
  await expect.poll(async () => (await spoken(page)).map((u) => u.text)).toContain('Jeg kan tælle til 20');
  const show = goal.getByRole('button', { name: 'Vis hvad du har lavet' });
  await show.tap();
  await expect(show).toHaveAttribute('aria-expanded', 'true');
  const work = goal.getByRole('region', { name: 'Vis hvad du har lavet' });
  await work.getByRole('button', { name: 'Skriv', exact: true }).tap();
  const words = `Jeg talte til 20 (${info.project.name} ${Date.now()})`;
  await work.getByLabel('Skriv her').fill(words);
  await work.getByRole('button', { name: 'Gem teksten' }).tap();
  await expect(work.getByRole('status')).toHaveText('Gemt i Mit arbejde.');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Hjem', exact: true }).tap();
  await page.getByRole('link', { name: 'Mit arbejde' }).tap();
  const item = page.getByRole('listitem').filter({ hasText: words });
  await expect(item.getByRole('heading', { name: 'Jeg kan tælle til 20' })).toBeVisible();
});
