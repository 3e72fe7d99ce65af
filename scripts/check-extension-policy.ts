/**
 * `npm run check:policy [dir…]`: fails when a build (default: the Chrome and Firefox MV3 builds)
 * loosens the extension CSP, contains code that is not in the package (eval, new Function,
 * remote scripts), opens externally_connectable, or has a permission the README does not justify.
 * Part of `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkExtension } from './extension-policy';

const dirs = process.argv.slice(2);
const roots = (dirs.length ? dirs : ['.output/chrome-mv3', '.output/firefox-mv3']).map((dir) => path.resolve(dir));
const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
let failed = false;
for (const root of roots) {
  const name = path.relative(process.cwd(), root);
  if (!fs.existsSync(path.join(root, 'manifest.json'))) {
    console.error(`${name}: no build here; run \`npm run build\` and \`npm run build:firefox\` first.`);
    failed = true;
    continue;
  }
  const problems = checkExtension(root, readme);
  console.log(
    problems.length
      ? `${name}: ${problems.length} problem(s)`
      : `${name}: strict CSP, no remote code, every permission justified`,
  );
  for (const problem of problems) console.error(`  ${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
