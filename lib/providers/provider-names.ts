import type { TFunction } from 'i18next';
import { PRESETS, type ProviderId } from './presets';

/** As the provider picker shows it: "OpenAI", "Ollama (local)", "Custom (OpenAI-compatible)". */
export function providerLabel(id: ProviderId, t: TFunction): string {
  const { labelKey, name } = PRESETS[id];
  return labelKey ? t(labelKey) : name;
}

/** As a sentence names it: "OpenAI did not accept the key", "Your server did not answer". */
export function providerName(id: ProviderId, t: TFunction): string {
  const { nameKey, name } = PRESETS[id];
  return nameKey ? t(nameKey) : name;
}
