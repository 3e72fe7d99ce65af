/**
 * `npm run lint` (after Biome): fails on a line over 120 characters in a *.ts/*.tsx file Git
 * knows of. Biome wraps code to that width but leaves long strings and comments as they are.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const MAX = 120;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && fs.existsSync(file));

const long = files.flatMap((file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    // Characters, not bytes or UTF-16 units: a line of Korean or emoji is as long as it looks.
    .flatMap((line, index) => ([...line].length > MAX ? [`${file}:${index + 1}: ${[...line].length} characters`] : [])),
);
if (long.length) {
  console.error(`Lines over ${MAX} characters (break the string or comment):\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`Line length: ${files.length} files, none over ${MAX} characters.`);
