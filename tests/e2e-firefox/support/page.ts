/**
 * What a user does on a page, in puppeteer terms: find a control by its accessible name (as
 * the Chromium suite's getByRole/getByLabel do), type, choose, click, read.
 */
import { execFileSync } from 'node:child_process';
import type { Page as PlaywrightPage } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { WINDOW } from './firefox';

/** The first `selector` element whose accessible text (aria-label, else its text) is exactly `name`. */
export async function byText(
  page: Page,
  selector: string,
  name: string,
  timeout = 15_000,
): Promise<ElementHandle<Element>> {
  const handle = await page
    .waitForFunction(
      (css, text) =>
        [...document.querySelectorAll(css)].find(
          (el) => (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim()) === text,
        ) ?? null,
      { timeout },
      selector,
      name,
    )
    .catch(async (error: Error) => {
      throw new Error(`no ${selector} "${name}" in: ${await bodyText(page)}`, { cause: error });
    });
  return handle.asElement() as ElementHandle<Element>;
}

export function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText).catch((error: Error) => `(unreadable: ${error.message})`);
}

/** Waits until the page's text matches. */
export async function waitForText(page: Page, pattern: RegExp | string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const matches = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
  let text = await bodyText(page);
  while (!matches(text)) {
    if (Date.now() > deadline) throw new Error(`expected ${pattern} in: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await bodyText(page);
  }
}

/** The form control a <label> (or aria-label) of exactly this text names. */
export async function byLabel(page: Page, label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text) => {
      const byLabelElement = [...document.querySelectorAll('label')].find(
        (l) => l.textContent?.trim() === text,
      )?.control;
      return byLabelElement ?? document.querySelector(`[aria-label="${CSS.escape(text)}"]`);
    },
    { timeout: 15_000 },
    label,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no control labelled "${label}"`);
  return element as ElementHandle<Element>;
}

/** Replaces the field's text by typing, as a user would after selecting it all. */
export async function fill(page: Page, label: string, text: string): Promise<void> {
  const field = await byLabel(page, label);
  await field.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await field.type(text);
}

export async function choose(page: Page, label: string, value: string): Promise<void> {
  await (await byLabel(page, label)).select(value);
}

export async function click(page: Page, name: string, selector = 'button'): Promise<void> {
  await (await byText(page, selector, name)).click();
}

/** Waits until the texts of every `selector` match `expected` (the whole list, in order). */
export async function waitForTexts(
  page: Page,
  selector: string,
  expected: Array<string | RegExp>,
  timeout = 15_000,
): Promise<void> {
  const read = () => page.$$eval(selector, (nodes) => nodes.map((n) => (n as HTMLElement).innerText.trim()));
  const matches = (texts: string[]) =>
    texts.length === expected.length &&
    expected.every((e, i) => (typeof e === 'string' ? texts[i] === e : e.test(texts[i]!)));
  const deadline = Date.now() + timeout;
  let texts = await read();
  while (!matches(texts)) {
    if (Date.now() > deadline)
      throw new Error(`${selector}: expected ${JSON.stringify(expected.map(String))}, got ${JSON.stringify(texts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    texts = await read().catch(() => []);
  }
}

/**
 * A real right-click and Firefox's own context menu: the page entries come first and the
 * extensions' entries last, so PromptLens is one Up from the top (the menu wraps round); Right
 * opens its submenu, whose first item is the default style. xdotool presses the keys: the menu
 * is a native popup no WebDriver command reaches.
 */
export async function chooseFromContextMenu(
  page: Page,
  selector: string,
  keys = ['Up', 'Right', 'Return'],
): Promise<void> {
  // The real pointer rests in an empty corner of the page, inside Firefox's window: with no
  // window manager, X gives the keyboard to the window under the pointer, and outside Firefox
  // the keys below would go nowhere.
  execFileSync('xdotool', ['mousemove', String(WINDOW.width - 40), String(WINDOW.height - 40)]);
  await page.bringToFront();
  const target = await page.waitForSelector(selector);
  await target!.hover();
  await new Promise((resolve) => setTimeout(resolve, 250));
  await target!.click({ button: 'right' });
  await new Promise((resolve) => setTimeout(resolve, 400));
  // A submenu takes a moment to open on a busy machine: a key before it would be lost.
  for (const key of keys) {
    execFileSync('xdotool', ['key', key]);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * The shared image helpers were written for Playwright but only call `evaluate(fn, arg)`,
 * which a puppeteer page has with the same meaning.
 */
export function asEvaluator(page: Page): PlaywrightPage {
  return {
    evaluate: (fn: (arg: unknown) => unknown, arg: unknown) => page.evaluate(fn, arg),
  } as unknown as PlaywrightPage;
}

/** Waits until the control named `label` holds `expected` (settings load asynchronously). */
export async function waitForValue(page: Page, label: string, expected: string, timeout = 15_000): Promise<void> {
  const field = await byLabel(page, label);
  const deadline = Date.now() + timeout;
  let value = '';
  for (;;) {
    value = await field.evaluate((el) => (el as HTMLInputElement).value);
    if (value === expected) break;
    if (Date.now() > deadline) throw new Error(`${label}: expected "${expected}", got "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
