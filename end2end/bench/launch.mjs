// Debian's Chromium for the plain-Node tools in this folder, as end2end/chromium.ts gives it to
// the tests (TypeScript, so not importable from plain Node): keep the two alike.
export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

export const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
