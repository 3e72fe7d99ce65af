/**
 * The saved vision models Compare models picks from. The default is not stored apart: it is
 * whatever the vision settings (provider, its base URL and model) say, so the two can never
 * disagree; "Make default" writes a saved model into those settings.
 */
import { isProviderId, type ProviderId } from '../providers/presets';

export interface VisionModel {
  id: string;
  provider: ProviderId;
  baseUrl: string;
  model: string;
}

/** A model as the vision settings hold it: provider, address and name, no id. */
export type ModelTarget = Omit<VisionModel, 'id'>;

/** Enough for a comparison of 4 from a list that stays readable. */
export const MAX_SAVED_MODELS = 12;

interface VisionSetup {
  provider: ProviderId;
  connections: Record<ProviderId, { baseUrl: string; model: string }>;
}

/** The model the vision settings use now: the default. */
export function defaultTarget(settings: VisionSetup): ModelTarget {
  const { baseUrl, model } = settings.connections[settings.provider];
  return { provider: settings.provider, baseUrl: baseUrl.trim(), model: model.trim() };
}

/** One model whatever the spaces typed around its address or name. */
export function sameTarget(a: ModelTarget, b: ModelTarget): boolean {
  return a.provider === b.provider && a.baseUrl.trim() === b.baseUrl.trim() && a.model.trim() === b.model.trim();
}

export const isDefaultModel = (settings: VisionSetup, model: ModelTarget) => sameTarget(defaultTarget(settings), model);

/** The list with `target` added at the end, unless it is already there or the list is full. */
export function addVisionModel(list: VisionModel[], target: ModelTarget, id: string): VisionModel[] {
  if (list.length >= MAX_SAVED_MODELS || list.some((m) => sameTarget(m, target))) return list;
  return [...list, { id, provider: target.provider, baseUrl: target.baseUrl.trim(), model: target.model.trim() }];
}

export const removeVisionModel = (list: VisionModel[], id: string) => list.filter((m) => m.id !== id);

/** The vision settings with `model` as the default; each provider's other settings are kept. */
export function withDefault<S extends VisionSetup>(settings: S, model: ModelTarget): S {
  return {
    ...settings,
    provider: model.provider,
    connections: { ...settings.connections, [model.provider]: { baseUrl: model.baseUrl, model: model.model } },
  };
}

/** Whatever is stored → valid models, each once, at most MAX_SAVED_MODELS. */
export function normalizeVisionModels(raw: unknown): VisionModel[] {
  if (!Array.isArray(raw)) return [];
  let list: VisionModel[] = [];
  for (const m of raw) {
    if (!m || typeof m !== 'object') continue;
    const { id, provider, baseUrl, model } = m as Record<string, unknown>;
    if (typeof id !== 'string' || !id || list.some((saved) => saved.id === id)) continue;
    if (!isProviderId(provider) || typeof baseUrl !== 'string' || typeof model !== 'string') continue;
    list = addVisionModel(list, { provider, baseUrl, model }, id);
  }
  return list;
}
