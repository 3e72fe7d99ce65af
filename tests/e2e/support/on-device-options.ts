import type { Page } from '@playwright/test';
import type { Extension } from './extension';
import { installLanguageModelDouble, type LanguageModelDoubleConfig } from './language-model-double';

/** The settings page with `LanguageModel` replaced by the double (or removed) before any script runs. */
export async function optionsWith(ext: Extension, double: LanguageModelDoubleConfig | 'absent'): Promise<Page> {
  const page = await ext.context.newPage();
  if (double === 'absent')
    await page.addInitScript(() => delete (globalThis as { LanguageModel?: unknown }).LanguageModel);
  else await page.addInitScript(installLanguageModelDouble as (config: LanguageModelDoubleConfig) => unknown, double);
  await page.goto(ext.url('options.html'));
  return page;
}
