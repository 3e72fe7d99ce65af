import type { TFunction } from 'i18next';
import { PRESETS, type ProviderId } from './presets';

/** As the provider picker shows it: "Ollama (local)", "Custom (OpenAI-compatible)". */
export function providerLabel(id: ProviderId, t: TFunction): string {
  if (id === 'ollama' || id === 'lmstudio' || id === 'custom') return t(`providers.${id}`);
  return PRESETS[id].name;
}

/** As a sentence names it: "OpenAI did not accept the key", "Your server did not answer". */
export function providerName(id: ProviderId, t: TFunction): string {
  return id === 'custom' ? t('providers.customShort') : PRESETS[id].name;
}
