import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { historyValidator } from './modules/history-validator/history-validator-plugin';

export default defineConfig({
  plugins: [WxtVitest(), historyValidator()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    // Compiling OpenAI's 3 MB spec takes a moment on a small machine.
    testTimeout: 60_000,
  },
});
