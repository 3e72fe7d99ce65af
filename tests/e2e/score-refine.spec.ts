import fs from 'node:fs';
import { test, expect } from './fixtures';
import { centreColour, promptAndRecreate } from './support/compare-page';
import { axeViolations } from './support/axe';
import { launchExtension } from './support/extension';

test(
  'Score and refine: How close? shows “NN / 100”, Refine and recreate runs rounds until ' +
    'the target, and every round is there after a browser restart',
  async ({ provider, images, site }) => {
    test.setTimeout(150_000);
    let ext = await launchExtension();
    const userDataDir = ext.userDataDir;
    try {
      const scratch = await ext.context.newPage();
      await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
      const compare = await promptAndRecreate(
        { ext, provider, images, site, scratch },
        'A red fox in fresh snow, soft morning light',
        { width: 480, height: 320, color: [30, 160, 60] },
      );

      // How close?: the vision provider gets both pictures and answers with a verdict.
      provider.verdicts = [42, 91];
      const tools = compare.getByRole('complementary', { name: 'Score and refine' });
      await tools.getByRole('button', { name: 'How close?' }).click();
      await expect(tools.locator('.score-overall')).toHaveText('42 / 100', { timeout: 20_000 });
      await expect(tools.getByRole('definition').first()).toContainText('48');
      await expect(tools.getByRole('listitem').filter({ hasText: 'The fox faces left in the original' })).toBeVisible();
      const scoring = provider.requests[1]!;
      expect(scoring.violations).toEqual([]);
      expect(scoring.body.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'image_comparison', strict: true },
      });
      const parts = scoring.body.messages[1].content;
      expect(parts.filter((p: { type: string }) => p.type === 'image_url')).toHaveLength(2);

      // Refine and recreate: round 1 scored 42, round 2 (refined prompt, new picture) scores 91 ≥ 85: done.
      images.color = [20, 90, 220];
      await tools.getByRole('button', { name: 'Refine and recreate' }).click();
      const rounds = compare.getByRole('region', { name: 'Rounds' });
      await expect(rounds.locator('.run-status')).toHaveText('Target score reached (85 / 100).', { timeout: 40_000 });
      const items = rounds.getByRole('listitem');
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toContainText('Round 1');
      await expect(items.nth(0)).toContainText('42 / 100');
      await expect(items.nth(1)).toContainText('91 / 100');
      await expect(items.nth(1)).toContainText('Best');
      await expect(items.nth(1)).toContainText(provider.refined);
      // The refine request carried the prompt and the differences; the new picture is the new prompt's.
      const refine = provider.requests.find((r) => JSON.stringify(r.body).includes('Write the improved prompt.'))!;
      expect(refine.violations).toEqual([]);
      expect(JSON.stringify(refine.body)).toContain('The fox faces left in the original');
      expect(JSON.stringify(refine.body)).toContain('A red fox in fresh snow, soft morning light');
      const sent = images.requests.filter((r) => r.route === 'openai');
      expect(sent.at(-1)!.body.prompt).toBe(provider.refined);
      expect(await centreColour(compare, 'Recreation')).toEqual([20, 90, 220]);

      // Refine alone: a better prompt from the shown round, a new prompt of the entry, ready to copy or recreate.
      await tools.getByRole('button', { name: 'Refine', exact: true }).click();
      const refined = tools.getByRole('region', { name: 'Refined prompt' });
      await expect(refined).toContainText(provider.refined, { timeout: 20_000 });
      await expect(refined.getByRole('button', { name: 'Recreate' })).toBeVisible();

      // Readable and operable for everyone, in both colour schemes.
      expect(await axeViolations(compare), 'axe-core violations, light').toEqual([]);
      await compare.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(compare), 'axe-core violations, dark').toEqual([]);
      await compare.emulateMedia({ colorScheme: 'light' });

      // Any round can be shown again; its prompt copied.
      await items
        .nth(0)
        .getByRole('button', { name: /Round 1/ })
        .click();
      await expect(items.nth(0).getByRole('button', { name: /Round 1/ })).toHaveAttribute('aria-pressed', 'true');
      const entryUrl = compare.url();
      await ext.context.close();

      ext = await launchExtension({ userDataDir });
      const reopened = await ext.context.newPage();
      await reopened.goto(entryUrl);
      const again = reopened.getByRole('region', { name: 'Rounds' }).getByRole('listitem');
      await expect(again).toHaveCount(2);
      await expect(again.nth(1)).toContainText('91 / 100');
      await expect(again.nth(1)).toContainText('Best');
      await expect(again.nth(0)).toContainText('42 / 100');
      await expect(reopened.getByRole('region', { name: 'Rounds' }).locator('.run-status')).toHaveText(
        'Target score reached (85 / 100).',
      );
    } finally {
      await ext.context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  },
);

test(
  'Score faults: 401 and 429 on How close?, an unreadable verdict, a refusal ' +
    'and Cancel each say so, and the recreation stays',
  async ({ ext, provider, images, site, scratch }) => {
    test.setTimeout(120_000);
    const compare = await promptAndRecreate({ ext, provider, images, site, scratch }, 'A red fox on a frozen lake', {
      width: 400,
      height: 400,
      color: [200, 40, 30],
    });
    const tools = compare.getByRole('complementary', { name: 'Score and refine' });
    const howClose = tools.getByRole('button', { name: 'How close?' });
    const alert = tools.getByRole('alert');

    // 401: the cause, and the settings as the next step. From the keyboard.
    provider.reply({ kind: 'error', status: 401 });
    await howClose.focus();
    await compare.keyboard.press('Enter');
    await expect(alert).toContainText('OpenAI did not accept the API key (HTTP 401).', { timeout: 20_000 });
    await expect(alert.getByRole('button', { name: 'Open settings' })).toBeVisible();

    // Not a verdict, even after repair: said so, with Retry, which then works.
    provider.reply({ kind: 'stream', text: 'Both pictures show a fox; they look fairly similar overall.' });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toContainText('The model’s verdict could not be read, even after repair.', { timeout: 20_000 });
    provider.verdicts = [77];
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(tools.locator('.score-overall')).toHaveText('77 / 100', { timeout: 20_000 });

    // 429: the wait is shown, the request tried again after the provider's Retry-After, and the verdict comes.
    provider.reply({ kind: 'error', status: 429, headers: { 'retry-after': '2' } });
    provider.verdicts = [64];
    await howClose.click();
    await expect(tools.getByText(/The provider is busy \(HTTP 429\)\. Trying again in [12] seconds?…/)).toBeVisible();
    await expect(tools.locator('.score-overall')).toHaveText('64 / 100', { timeout: 20_000 });

    // The model declines (OpenAI's structured-output refusal).
    provider.reply({ kind: 'stream', text: '', refusal: 'I’m sorry, I can’t help with comparing these images.' });
    await howClose.click();
    await expect(alert).toContainText('The model declined to compare these images.', { timeout: 20_000 });

    // Cancel while the provider thinks.
    provider.reply({ kind: 'hang' });
    await howClose.click();
    await expect(tools.getByText('Comparing the images…')).toBeVisible();
    await tools.getByRole('button', { name: 'Cancel' }).click();
    await expect(alert).toContainText('Cancelled.', { timeout: 10_000 });
    await expect(howClose).toBeEnabled();
    // Nothing lost: the recreation is still there.
    await expect(compare.getByRole('img', { name: 'Recreation', exact: true })).toBeVisible();

    // When Refine and recreate stops: two settings in the options' Image generation section.
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await expect(options.getByRole('spinbutton', { name: 'Target score' })).toHaveValue('85');
    const limit = options.getByRole('spinbutton', { name: 'Rounds at most' });
    await expect(limit).toHaveValue('3');
    await limit.fill('2');
    await expect
      .poll(async () =>
        (await ext.worker()).evaluate(
          async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.maxRounds,
        ),
      )
      .toBe(2);
  },
);
