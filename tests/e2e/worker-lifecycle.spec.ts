import { test, expect } from './fixtures';
import { configure, openPopup } from './support/extension';
import { generateFrom, pageWithImage } from './support/scenario';

test(
  'a worker stopped mid-stream leaves no job "running": ' + 'it fails visibly, partial text kept, and Retry works',
  async ({ ext, provider, site, scratch }) => {
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    provider.reply({
      kind: 'stream',
      text: 'one two three four five six seven eight nine ten eleven twelve',
      pieces: 12,
      delayMs: 700,
    });
    await generateFrom(ext, await pageWithImage(site, scratch, { width: 900, height: 600, color: [240, 120, 20] }));
    await provider.waitForRequests(1);
    const popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('one');

    // Stop the service worker the way Chrome does when it decides to.
    const cdp = await ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.reload();

    const alert = popup.getByRole('alert');
    await expect(alert.locator('strong')).toHaveText('The browser stopped PromptLens while it was working.');
    await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('one');
    await expect(popup.getByText('Writing the prompt…')).toHaveCount(0);

    await popup.getByRole('button', { name: 'Retry' }).click();
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
      provider.fallback.kind === 'stream' ? provider.fallback.text : '',
    );
    await expect(alert).toHaveCount(0);
  },
);
