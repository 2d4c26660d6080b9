import { expect, test } from '@playwright/test';
import { fitsWidth } from './support';

// The sideways-scroll check the screens' tests rely on can fail: at this project's size (phone
// and iPad are mobile-emulated, where Chromium widens the visual viewport to fit wide content) a
// page with one element wider than the screen does not fit, and the same page without it does.
const page_with = (inner: string) =>
  `<!doctype html><html lang="da"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bredde</title></head><body style="margin:0"><main>${inner}</main></body></html>`;

test('the sideways-scroll check fails for a page wider than the screen', async ({ page }) => {
  await page.setContent(page_with('<p>Kort tekst</p>'));
  expect(await fitsWidth(page)).toBe(true);
  await page.setContent(page_with('<p>Kort tekst</p><div style="width:2000px;height:10px"></div>'));
  expect(await fitsWidth(page)).toBe(false);
});
