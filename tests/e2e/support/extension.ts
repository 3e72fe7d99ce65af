/** Debian's Chromium with the built extension loaded, as a user would have it. */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  userDataDir?: string;
  lang?: string;
}

export interface Extension {
  context: BrowserContext;
  id: string;
  userDataDir: string;
  worker: () => Promise<Worker>;
  url: (page: string) => string;
}

/** Chromium's flags for every test browser; the extension's own are added by launchExtension. */
export function browserArgs(lang: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--window-position=0,0',
    `--lang=${lang}`,
  ];
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Extension> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = opts.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'promptlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1000, height: 700 },
    locale: opts.lang ?? 'en-US',
    args: [
      ...browserArgs(opts.lang ?? 'en-US'),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
  const id = new URL((await worker()).url()).host;
  // A fresh profile opens the settings on install: wait for it, or it may take over the next
  // blank tab a test opens (Chromium reuses one for the options page). A reused profile can
  // install again too: Chromium writes its preferences lazily, and a browser closed seconds
  // after the first install may not have recorded it (seen once in CI: the reopened page was
  // taken over). That install comes at once if at all, so a shorter wait.
  const deadline = Date.now() + (opts.userDataDir ? 1500 : 5000);
  while (!context.pages().some((p) => p.url().includes('/options.html')) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  return { context, id, userDataDir, worker, url: (page) => `chrome-extension://${id}/${page}` };
}

/**
 * The same profile reopened with PromptLens pinned to the toolbar, as a user pins it (Chromium
 * keeps the pinned buttons in its own preferences; nothing of ours is involved).
 */
export async function relaunchPinned(ext: Extension): Promise<Extension> {
  await ext.context.close();
  const file = path.join(ext.userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(fs.readFileSync(file, 'utf8'));
  prefs.extensions = { ...prefs.extensions, pinned_extensions: [ext.id] };
  fs.writeFileSync(file, JSON.stringify(prefs));
  return launchExtension({ userDataDir: ext.userDataDir });
}

/**
 * Settings written the way the options page writes them. The one-time privacy notice is
 * taken as already accepted for this provider and address (as after "Send to …"), unless
 * `consent: false` asks for a first-time user.
 */
/** lib/settings.ts's SETTINGS_VERSION (that module needs the extension's storage to load). */
export const SETTINGS_VERSION = 6;

export async function configure(
  ext: Extension,
  settings: {
    provider?: string;
    baseUrl: string;
    model: string;
    apiKey?: string;
    defaultStyle?: string;
    timeoutSeconds?: number;
    consent?: boolean;
  },
): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    async (s) => {
      const chrome = (globalThis as any).chrome;
      const provider = s.provider ?? 'openai';
      const { settings: current = {}, settings$: meta } = await chrome.storage.local.get(['settings', 'settings$']);
      // Written as the current version, as the extension writes it: without the marker, a page
      // opened later would take these settings for version 1 and migrate them (resetting fields).
      if (!meta) await chrome.storage.local.set({ settings$: { v: s.version } });
      await chrome.storage.local.set({
        settings: {
          ...current,
          provider,
          connections: { ...(current.connections ?? {}), [provider]: { baseUrl: s.baseUrl, model: s.model } },
          defaultStyle: s.defaultStyle ?? current.defaultStyle ?? 'natural',
          timeoutSeconds: s.timeoutSeconds ?? 60,
        },
        apiKeys: s.apiKey ? { [provider]: s.apiKey } : {},
      });
      if (s.consent === false) await chrome.storage.local.remove('privacyConsent');
      else
        await chrome.storage.local.set({
          privacyConsent: { provider, baseUrl: s.baseUrl.trim(), acceptedAt: Date.now() },
        });
    },
    { ...settings, version: SETTINGS_VERSION },
  );
}

/** Screen size of the X display, to park the real pointer where no menu will open. */
function parkPointer(): void {
  const [w, h] = execFileSync('xdotool', ['getdisplaygeometry']).toString().trim().split(/\s+/).map(Number);
  execFileSync('xdotool', ['mousemove', String((w ?? 1280) - 1), String((h ?? 1024) - 1)]);
}

/**
 * A real right-click and the real native context menu: PromptLens sits just above "Inspect",
 * two steps up from the bottom; Right opens its submenu, whose first item is the default style.
 * The pointer rests on the element first, as a hand does: the entry widens to every context or
 * narrows back as the pointer moves (the content script reports what is under it).
 */
export async function chooseFromContextMenu(
  page: Page,
  selector: string,
  keys = ['Up', 'Up', 'Right', 'Return'],
): Promise<void> {
  parkPointer();
  await page.bringToFront();
  await page.locator(selector).hover();
  await page.waitForTimeout(250);
  await page.locator(selector).click({ button: 'right' });
  await page.waitForTimeout(400);
  execFileSync('xdotool', ['key', '--delay', '60', ...keys]);
}

/** The popup's page, opened in a tab so the test can read it. */
export async function openPopup(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('popup.html'));
  return page;
}
