// Debian's Chromium, never a downloaded browser. The flags keep it from reaching for the network
// (the machine has none) and let it run as root in a container.
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

/** The same browser with a fake camera that shows a Y4M video file, looped, to every page. */
export function withFakeCamera(y4mPath: string) {
  return {
    ...launchOptions,
    args: [
      ...launchOptions.args,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4mPath}`,
    ],
  };
}

/** The same browser with a fake microphone (a beep), granted without asking. */
export function withFakeMicrophone() {
  return {
    ...launchOptions,
    args: [...launchOptions.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  };
}
