/**
 * `npm run check:size [dir]`: fails when the popup's or the background's start-up JS in a build
 * (default .output/chrome-mv3) is over the gzipped budget. Part of `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extensionBudgets, formatReport, measureBudget } from './size-budget';

const root = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
const manifestFile = path.join(root, 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`No build at ${root}: run \`npm run build\` first.`);
  process.exit(1);
}
const budgets = extensionBudgets(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
const results = await Promise.all(budgets.map((budget) => measureBudget(root, budget)));
console.log(`Size budget of ${path.relative(process.cwd(), root) || root}\n${formatReport(results)}`);
const over = results.filter((r) => r.over > 0);
if (budgets.length < 2 || over.length) {
  if (budgets.length < 2) console.error('The manifest names no popup or no background script.');
  process.exit(1);
}
