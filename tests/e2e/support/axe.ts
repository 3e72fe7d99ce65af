import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's findings on the page as it is now, one line each: rule, impact, where, and what to
 * change, so a failing test says what to fix without opening a trace. Every rule axe enables by
 * default runs (WCAG 2.x A/AA and best practices), colour contrast included. `within` (a CSS
 * selector) limits the check to that part of the page.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations, passes } = await (within ? builder.include(within) : builder).analyze();
  if (passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const summary = (node.failureSummary ?? violation.help).replace(/\s*\n\s*/g, ' ');
      return `${violation.id} (${violation.impact ?? node.impact ?? '?'}) at ${node.target.join(' ')}: ${summary}`;
    }),
  );
}
