import { main } from './run-eval';

const args = process.argv.slice(process.argv.findIndex((a) => a.endsWith('cli.ts')) + 1);
main(args, process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
