/**
 * One X display per Playwright worker: the native context menu is driven with xdotool, which
 * presses keys on a whole display, so two browsers sharing one would steal each other's keys.
 * Xvfb picks a free display number itself (-displayfd) and the worker's browsers and xdotool
 * use it through DISPLAY.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export async function startDisplay(): Promise<{ display: string; stop: () => void }> {
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    let errors = '';
    server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    server.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.slice(-500)}`)));
    server.once('error', reject);
  });
  return { display: `:${number}`, stop: () => server.kill() };
}
