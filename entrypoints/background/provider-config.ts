import { JobFailure } from '@/lib/errors';
import { PRESETS, type ProviderPreset } from '@/lib/providers/presets';
import { apiKeysItem, loadSettings, type Settings } from '@/lib/settings';

export interface ProviderConfig {
  settings: Settings;
  preset: ProviderPreset;
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** The provider as the user set it up now, read fresh from storage (the worker keeps no state). */
export async function currentProvider(): Promise<ProviderConfig> {
  const [settings, keys] = await Promise.all([loadSettings(), apiKeysItem.getValue()]);
  const preset = PRESETS[settings.provider];
  const connection = settings.connections[settings.provider];
  return {
    settings,
    preset,
    baseUrl: connection.baseUrl.trim(),
    model: connection.model.trim(),
    apiKey: (keys[settings.provider] ?? '').trim(),
  };
}

/** What is missing before a request can go out, as the error the user will see. */
export function assertConfigured(config: ProviderConfig): void {
  // The browser's own model has no address, key or model name to get wrong.
  if (config.preset.kind === 'on-device') return;
  if (!/^https?:\/\/\S+$/i.test(config.baseUrl)) throw new JobFailure({ code: 'no-base-url' });
  if (config.preset.needsKey && !config.apiKey) throw new JobFailure({ code: 'no-key' });
  if (!config.model) throw new JobFailure({ code: 'no-model' });
}
