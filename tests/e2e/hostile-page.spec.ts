/**
 * A page that attacks the extension: it tries to talk to it, to forge what the content script
 * listens to, and to read what it holds; and a provider answer full of markup.
 */
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup } from './support/extension';
import { makeImage } from './support/images';
import { jobRecords } from './support/job-records';

const PAGE_MENU = ['Up', 'Up', 'Up', 'Right', 'Return'];

test(
  'a hostile page can neither message the extension nor forge the content script’s events, and reads nothing of ' +
    'it',
  async ({ ext, provider, site, scratch }) => {
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    site.add(
      '/img/real.jpg',
      await makeImage(scratch, { width: 640, height: 400, color: [30, 160, 90] }),
      'image/jpeg',
    );
    site.add(
      '/img/decoy.jpg',
      await makeImage(scratch, { width: 500, height: 500, color: [220, 20, 20] }),
      'image/jpeg',
    );
    const url = site.page(
      '/hostile.html',
      `<!doctype html><title>Hostile</title><body style="margin:20px">
    <div id="target" style="width:320px;height:200px;background:url('{{IMG}}/img/real.jpg') center/cover"></div>
    <img id="decoy" src="{{IMG}}/img/decoy.jpg" width="200" height="200" alt="">
    <script>
      // After every real right-click, a forged one on the decoy, as if the user had clicked there.
      addEventListener('contextmenu', (event) => {
        if (!event.isTrusted) return;
        const box = document.getElementById('decoy').getBoundingClientRect();
        for (const target of [document.getElementById('decoy'), window]) {
          target.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true, ` +
        `clientX: box.x + 5, clientY: box.y + 5 }));
        }
      }, true);
    </script>`,
    );
    const page = await ext.context.newPage();
    await page.goto(url);

    const attempts = await page.evaluate(async (id) => {
      const results: Record<string, string> = {};
      const chrome = (window as any).chrome;
      results.runtime = typeof chrome?.runtime?.sendMessage;
      const tryIt = async (name: string, fn: () => unknown) => {
        try {
          results[name] = `answered: ${JSON.stringify(await fn())}`;
        } catch (error) {
          results[name] = `refused: ${String(error)}`;
        }
      };
      await tryIt(
        'sendMessage',
        () =>
          new Promise((resolve, reject) => {
            chrome.runtime.sendMessage(
              id,
              { type: 'testConnection', id: 1, timestamp: Date.now() },
              (reply: unknown) =>
                chrome.runtime.lastError ? reject(chrome.runtime.lastError.message) : resolve(reply),
            );
          }),
      );
      await tryIt('connect', () => chrome.runtime.connect(id).name);
      // @webext-core/messaging's and WXT's message shapes, through the window.
      for (const type of ['retryJob', 'regenerateJob', 'testConnection', 'getSetupStatus']) {
        window.postMessage({ id: 7, type, data: 'x', timestamp: Date.now() }, '*');
      }
      window.postMessage(
        { type: `${id}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'forged' },
        '*',
      );
      // WXT's "a newer copy of this script started" signal: it would switch off a listener tied to WXT's context.
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId: 'forged' },
        }),
      );
      await tryIt('extensionPage', async () => (await fetch(`chrome-extension://${id}/popup.html`)).status);
      await tryIt(
        'indexedDB',
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('promptlens');
            open.onsuccess = () => resolve([...open.result.objectStoreNames]);
            open.onerror = () => reject(open.error);
          }),
      );
      return results;
    }, ext.id);
    expect(attempts.runtime).toBe('undefined'); // no externally_connectable: the page has no channel at all
    expect(attempts.sendMessage).toMatch(/^refused/);
    expect(attempts.connect).toMatch(/^refused/);
    expect(attempts.extensionPage).toMatch(/^refused/); // nothing is web-accessible
    expect(attempts.indexedDB).toBe('answered: []'); // the page's own, empty database, not ours

    // The content script still works after the forged signal, and ignores the forged right-click.
    await chooseFromContextMenu(page, '#target', PAGE_MENU);
    const [request] = await provider.waitForRequests(1);
    const popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
      provider.fallback.kind === 'stream' ? provider.fallback.text : '',
    );
    const jobs = await jobRecords(popup);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.source.imageUrl).toMatch(/\/img\/real\.jpg$/);
    expect(jobs[0]!.image).toMatchObject({ originalWidth: 640, originalHeight: 400 });
    expect(request!.image).toBeDefined();

    // Nothing the extension holds reached the page.
    const html = await page.content();
    expect(html).not.toContain(provider.apiKey);
    expect(html).not.toContain(provider.fallback.kind === 'stream' ? provider.fallback.text : '#');
    expect(provider.requests).toHaveLength(1); // the page's own attempts started nothing
  },
);

const HOSTILE =
  `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script><b>bold</b> <a ` +
  `href="javascript:alert(1)">link</a> & "quoted"`;

test(
  'a provider answer full of HTML and script is shown as ' + 'text, in the result and in history, and runs nothing',
  async ({ ext, provider, site, scratch }) => {
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    provider.reply({ kind: 'stream', text: HOSTILE });
    site.add('/img/h.jpg', await makeImage(scratch, { width: 400, height: 300, color: [10, 10, 120] }), 'image/jpeg');
    const page = await ext.context.newPage();
    await page.goto(
      site.page('/h.html', '<!doctype html><img id="target" src="{{IMG}}/img/h.jpg" width="320" height="240" alt="">'),
    );
    await chooseFromContextMenu(page, '#target');
    const popup = await openPopup(ext);
    const errors: string[] = [];
    popup.on('pageerror', (error) => errors.push(String(error)));
    const result = popup.getByRole('region', { name: 'Prompt' });
    await expect(result).toHaveText(HOSTILE);
    await expect(popup.locator('.history-preview').first()).toHaveText(HOSTILE);
    // Not one element came from the answer, anywhere in the popup.
    await expect(popup.locator('img[src="x"], b, a[href^="javascript"], [onerror]')).toHaveCount(0);
    await expect(popup.locator('script:not([src])')).toHaveCount(0);
    await popup.reload();
    await expect(result).toHaveText(HOSTILE);
    expect(await popup.title()).toBe('PromptLens');
    expect(errors).toEqual([]);
  },
);
