import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks that make a whole mailing once for several tests take as long as a test on a busy machine.
    hookTimeout: 60_000,
    // Prints one line when the browser tests are skipped for want of Chromium.
    globalSetup: ['test/studio/browser/global-setup.ts'],
  },
});
