import { defineConfig } from '@playwright/test';
import { baseURL, launchOptions } from './chromium';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    locale: 'da-DK',
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    // Teachers plan on laptops: the planning flow runs here, and only here.
    {
      name: 'laptop',
      // Access is every size's: staff take it away on laptops too.
      testMatch: /(planning-flow|evaluation-grid|pupil-plan-flow|week-task-flow|access|roster-import|teams|school-year|own-subjects|returns|feedback|spoken-reflection|audit-trail|privacy|fits-width|page-change|pupil-package|timeline|forloeb-flow)\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'ipad',
      testIgnore: /(planning-flow|evaluation-grid|pupil-plan-flow|week-task-flow|school-year)\.spec\.ts/,
      use: { viewport: { width: 810, height: 1080 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
    },
    {
      name: 'phone',
      testIgnore: /(planning-flow|evaluation-grid|pupil-plan-flow|week-task-flow|school-year)\.spec\.ts/,
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 },
    },
  ],
});
