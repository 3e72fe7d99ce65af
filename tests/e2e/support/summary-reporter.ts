/**
 * The last line of `npm test`: unit and end-to-end counts together, as "tests: N passed, N
 * failed", so whoever reads the log (or CI) sees the whole run at a glance.
 */
import fs from 'node:fs';
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

/** Set by `npm test`, which has just written them; a lone e2e run counts only itself. */
const UNIT_RESULTS = process.env.PROMPTLENS_UNIT_REPORT;
/** The Firefox end-to-end run (tests/e2e-firefox), a Vitest JSON report like the unit one. */
const FIREFOX_RESULTS = process.env.PROMPTLENS_FIREFOX_REPORT;

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numFailedTestSuites: number;
}

export default class SummaryReporter implements Reporter {
  private suite?: Suite;

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onEnd(_result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'skipped') skipped++;
      else if (outcome === 'expected' || outcome === 'flaky') passed++;
      else failed++;
    }
    for (const file of [UNIT_RESULTS, FIREFOX_RESULTS]) {
      if (!file || !fs.existsSync(file)) continue;
      const report = JSON.parse(fs.readFileSync(file, 'utf8')) as VitestReport;
      passed += report.numPassedTests;
      // A file whose set-up failed (Firefox did not start) fails no test, only its suite.
      failed += report.numFailedTests || report.numFailedTestSuites;
      skipped += report.numPendingTests;
    }
    console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
