// The e2e project's globalSetup (vitest.config.ts): before any test file starts a browser, the
// browsers must be ones the harness works on. An older one fails in confusing ways ("unknown
// command" errors, missing buttons), so `npm run test:e2e` stops here at once with the message of
// scripts/check-browsers.mjs, the same check `npm test` runs first.
import { checkBrowsers } from '../../scripts/check-browsers.mjs';

export default async function setup(): Promise<void> {
  const { ok, message } = await checkBrowsers();
  if (!ok) {
    console.error(`\n${message}\n`);
    throw new Error('The browsers here are not ones the end-to-end tests can run on (see above); no test ran.');
  }
}
