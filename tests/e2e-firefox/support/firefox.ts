/**
 * Debian's Firefox ESR with the built extension installed as a temporary add-on, driven over
 * WebDriver BiDi (puppeteer-core), headed under Xvfb so its native context menu really opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = path.resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
const GECKO_ID = 'promptlens@promptlens.app';
/** Fixed through a pref, so the test knows the moz-extension:// address of every page. */
const UUID = '5c0a3e7d-9b21-4f6e-8d4a-70e1c2b9f3a6';
/** Firefox's window, at the top left of the X screen. */
export const WINDOW = { width: 1100, height: 900 };

export interface Firefox {
  browser: Browser;
  /** moz-extension://…/<page> */
  url: (page: string) => string;
  /** Uncaught errors Firefox printed for our own pages and scripts, since launch. */
  errors: () => string[];
  close: () => Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build in ${EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: false,
    defaultViewport: null,
    // Without it BiDi cannot open or script moz-extension:// pages.
    args: ['--remote-allow-system-access', `--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Firefox stops an extension page's script after 5 s of wall time. On a loaded 2-core CI
      // machine a React commit can be descheduled that long, and a commit cut in half leaves
      // stale DOM behind (seen: the privacy notice twice). The web-content limit is already off.
      'dom.max_ext_content_script_run_time': 0,
      // Console calls of extension pages on stdout, where the error check below reads them.
      'devtools.console.stdout.content': true,
    },
  });
  const origin = `moz-extension://${UUID}/`;
  const log: string[] = [];
  const proc = browser.process();
  // FIREFOX_LOG=<file> keeps all of Firefox's output, to see what happened after a failure.
  const keep = process.env.FIREFOX_LOG;
  for (const stream of [proc?.stdout, proc?.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk);
      if (keep) fs.appendFileSync(keep, chunk);
    });
  }
  await browser.installExtension(EXTENSION_DIR);
  return {
    browser,
    url: (page) => `${origin}${page}`,
    errors: () => ourErrors(log.join(''), origin),
    close: () => browser.close(),
  };
}

/**
 * Firefox prints each uncaught error as "JavaScript error: <url>, line N: <message>" and, with
 * the pref above, console.error as "console.error: …". Ours are those naming our origin or
 * our log prefix; warnings (a script stopped at shutdown, say) are not errors.
 */
export function ourErrors(output: string, origin: string): string[] {
  return output
    .split(/\n(?=\S)/)
    .filter(
      (entry) =>
        (entry.startsWith('JavaScript error: ') && entry.includes(origin)) ||
        /^console\.error: .*PromptLens/.test(entry),
    );
}

/** Puppeteer wraps the protocol's error ("Waiting for selector … failed" ← … ← ProtocolError). */
function causedByProtocolError(error: unknown): boolean {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 10; e = e.cause) chain.push(e);
  return (
    !chain.some((e) => e.name === 'TimeoutError') &&
    chain.some((e) => e.name === 'ProtocolError' || e.message.startsWith('Protocol error'))
  );
}

/**
 * An extension page in a new tab. Extension pages fire no load event that BiDi reports, so the
 * navigation is started, not awaited, and the page is ready when `readySelector` shows.
 */
export async function openExtensionPage(ff: Firefox, page: string, readySelector: string): Promise<Page> {
  const tab = await ff.browser.newPage();
  tab.goto(ff.url(page)).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await tab.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
      return tab;
    } catch (error) {
      // A look made while the tab leaves about:blank for the page can fail with a protocol error
      // (its realm went away: "right-hand side of 'in' should be an object, got null"); the
      // page is still coming, so look again until the same 20 s are up.
      if (causedByProtocolError(error) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      throw new Error(
        `${page}: no ${readySelector} ` +
          `in: ${await tab.evaluate(() => document.body?.innerText).catch(() => '(unreadable)')}`,
        { cause: error },
      );
    }
  }
}
