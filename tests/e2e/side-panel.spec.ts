import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, relaunchPinned, type Extension } from './support/extension';
import { makeImage } from './support/images';
import type { TestSite } from './support/test-site';

// The machine's load makes a cold browser slow; each step still waits on what the user would see.
test.setTimeout(150_000);

/** Which of our result views the browser has open right now, as the worker sees them. */
async function openViews(ext: Extension): Promise<{ popup: number; sidePanel: number }> {
  return (await ext.worker()).evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const contexts: Array<{ contextType: string }> = await chrome.runtime.getContexts({
      contextTypes: ['POPUP', 'SIDE_PANEL'],
    });
    return {
      popup: contexts.filter((c) => c.contextType === 'POPUP').length,
      sidePanel: contexts.filter((c) => c.contextType === 'SIDE_PANEL').length,
    };
  });
}

/** "Show results in", chosen on the options page as a user does. */
async function showResultsIn(ext: Extension, label: 'Popup' | 'Side panel'): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.getByLabel('Show results in').selectOption({ label });
  await expect(options.getByText('Saved')).toBeVisible();
  await options.close();
}

async function galleryWithTwoImages(site: TestSite, scratch: Page): Promise<string> {
  site.add(
    '/img/red.png',
    await makeImage(scratch, { width: 800, height: 600, color: [200, 40, 40], type: 'image/png' }),
    'image/png',
  );
  site.add(
    '/img/blue.png',
    await makeImage(scratch, { width: 800, height: 600, color: [40, 40, 200], type: 'image/png' }),
    'image/png',
  );
  return site.page(
    '/two.html',
    `<!doctype html><title>Two</title>
    <img id="red" src="{{IMG}}/img/red.png" width="320" height="240" alt="red">
    <img id="blue" src="{{IMG}}/img/blue.png" width="320" height="240" alt="blue">`,
  );
}

test(
  'with "Show results in: Side panel", the side panel opens on a right-click and shows each new result while it ' +
    'stays open',
  async ({ ext, provider, site, scratch }) => {
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    await showResultsIn(ext, 'Side panel');
    provider.reply(
      { kind: 'stream', text: 'A red field, flat colour, studio light.', pieces: 4, delayMs: 40 },
      { kind: 'stream', text: 'A blue field, cool tones, soft shadow.', pieces: 4, delayMs: 40 },
    );
    // Playwright does not see into the browser's side panel: the same page, sidepanel.html, is read
    // in a tab of its own, open beside the gallery the whole time; the worker tells whether the real
    // side panel opened.
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html'));
    const page = await ext.context.newPage();
    await page.goto(await galleryWithTwoImages(site, scratch));

    await chooseFromContextMenu(page, '#red');
    await provider.waitForRequests(1);
    // The menu click opened the side panel (chrome.sidePanel.open in the click's user gesture), not the popup.
    await expect.poll(() => openViews(ext)).toEqual({ popup: 0, sidePanel: 1 });
    const prompt = panel.getByRole('region', { name: 'Prompt' });
    await expect(prompt).toHaveText('A red field, flat colour, studio light.');

    // The user goes on browsing: the panel stays, and the next right-click's result arrives in it live.
    await chooseFromContextMenu(page, '#blue');
    await provider.waitForRequests(2);
    await expect(prompt).toHaveText('A blue field, cool tones, soft shadow.');
    await expect(panel.getByRole('heading', { name: 'History' })).toBeVisible();
    expect(panel.isClosed()).toBe(false);
    await expect.poll(() => openViews(ext)).toEqual({ popup: 0, sidePanel: 1 });
    // The side panel's page fills its width (the popup's 400 px body would leave a gap), same App.
    const widths = await panel.evaluate(() => [document.body.getBoundingClientRect().width, innerWidth]);
    expect(widths[0]).toBeGreaterThan(600);
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThan(40);
  },
);

test('by default results open in the popup, and switching back from the side panel restores it', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply(
    { kind: 'stream', text: 'A red field.', pieces: 2, delayMs: 30 },
    { kind: 'stream', text: 'A blue field.', pieces: 2, delayMs: 30 },
  );
  const page = await ext.context.newPage();
  await page.goto(await galleryWithTwoImages(site, scratch));

  await chooseFromContextMenu(page, '#red');
  await provider.waitForRequests(1);
  await expect.poll(() => openViews(ext)).toEqual({ popup: 1, sidePanel: 0 });

  await showResultsIn(ext, 'Side panel');
  await showResultsIn(ext, 'Popup');
  // The first popup closed as the user went on (to the options page and back).
  await page.bringToFront();
  await expect.poll(() => openViews(ext)).toEqual({ popup: 0, sidePanel: 0 });
  await chooseFromContextMenu(page, '#blue');
  await provider.waitForRequests(2);
  await expect.poll(() => openViews(ext)).toEqual({ popup: 1, sidePanel: 0 });
});

test('the side panel’s “Show the button on this site” follows the tab the user switches to', async ({
  ext,
  provider,
  site,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.getByLabel('Show a button on images').check();
  await expect(options.getByText('Saved')).toBeVisible();
  await options.close();
  // Two sites, each in its own tab; the panel (read in a tab of its own, as above) stays open.
  site.add('/b.html', '<!doctype html><title>B</title><p>Site B', 'text/html');
  const panel = await ext.context.newPage();
  await panel.goto(ext.url('sidepanel.html'));
  const siteA = await ext.context.newPage();
  await siteA.goto(site.page('/a.html', '<!doctype html><title>A</title><p>Site A'));
  const siteB = await ext.context.newPage();
  await siteB.goto(`${site.imageOrigin}/b.html`);
  const thisSite = panel.getByLabel('Show the button on this site');

  await siteA.bringToFront();
  await expect(thisSite).toBeChecked();
  await thisSite.uncheck();
  await expect(thisSite).not.toBeChecked();
  // Another tab, another site: its own answer, not site A's.
  await siteB.bringToFront();
  await expect(thisSite).toBeChecked();
  await siteA.bringToFront();
  await expect(thisSite).not.toBeChecked();
  // Following a link to site B in the same tab counts too.
  await siteA.goto(`${site.imageOrigin}/b.html`);
  await expect(thisSite).toBeChecked();
});

test(
  'an unpinned toolbar button gets a tip to pin it (the popup opens sooner), ' +
    'gone once pinned or with the side panel',
  async ({ ext }) => {
    const tip = 'Tip: pin PromptLens to the toolbar';
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    const section = options.getByRole('region', { name: 'Side panel and shortcut' });
    await expect(section.getByText(tip)).toBeVisible();
    // Results in the side panel: the popup's opening is not what the user waits for.
    await section.getByLabel('Show results in').selectOption({ label: 'Side panel' });
    await expect(section.getByText(tip)).toBeHidden();
    await section.getByLabel('Show results in').selectOption({ label: 'Popup' });
    await expect(section.getByText(tip)).toBeVisible();

    // The same profile with the button pinned: no tip.
    const again = await relaunchPinned(ext);
    try {
      const page = await again.context.newPage();
      await page.goto(again.url('options.html'));
      const pinnedSection = page.getByRole('region', { name: 'Side panel and shortcut' });
      await expect(pinnedSection.getByLabel('Show results in')).toHaveValue('popup');
      await expect(pinnedSection.getByText(tip)).toBeHidden();
    } finally {
      await again.context.close();
    }
  },
);
