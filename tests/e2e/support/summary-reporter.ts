/**
 * The last line of `npm test`: unit and end-to-end counts together, as "tests: N passed, N
 * failed", so whoever reads the log (or CI) sees the whole run at a glance.
 */
import fs from 'node:fs';
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

/** Set by `npm test`, which has just written it; a lone e2e run counts only itself. */
const UNIT_RESULTS = process.env.PROMPTLENS_UNIT_REPORT;

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
    if (UNIT_RESULTS && fs.existsSync(UNIT_RESULTS)) {
      const unit = JSON.parse(fs.readFileSync(UNIT_RESULTS, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
      passed += unit.numPassedTests;
      failed += unit.numFailedTests;
      skipped += unit.numPendingTests;
    }
    console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
