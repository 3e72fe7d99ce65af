import { defineConfig } from 'vitest/config';

/**
 * The end-to-end tests in real Firefox (tests/e2e-firefox): one browser, one X display and one
 * keyboard for the native menu, so one file at a time. The JSON report joins the summary line
 * of `npm test` (tests/e2e/support/summary-reporter.ts).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    fileParallelism: false,
    // Generous: on a loaded 2-core machine one step can take ten times its usual time.
    testTimeout: 90_000,
    // Starting Firefox and installing the add-on.
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/firefox.json' },
  },
});
