/**
 * Every stored setting, declared once, typed, versioned. The API keys live in their own item
 * so "delete all data" can keep them, and so nothing else ever has to read them.
 */
import { storage } from 'wxt/utils/storage';
import { isProviderId, PRESETS, PROVIDER_IDS, type ProviderId } from './providers/presets';
import { isStyleId, type StyleId } from './prompt/styles';
import { isLanguageCode, type LanguageCode, type LanguageSetting } from './languages';
import { isDetailLevel, type DetailLevel } from './prompt/detail';
import { DEFAULT_MIDJOURNEY, type MidjourneyOptions } from './prompt/midjourney';
import type { CustomTemplate } from './prompt/templates';
import type { ImageProviderConfig } from './generation/generate';
import { IMAGE_PRESETS, IMAGE_PROVIDER_IDS, isImageProviderId, type ImageProviderId } from './generation/presets';
import { normalizeCustomTargets } from './send-to/custom-targets';
import type { SendToChoice } from './send-to/chosen-targets';
import { DEFAULT_TARGET_IDS, isBuiltinTargetId } from './send-to/targets';
import { defaultTarget, normalizeVisionModels, type VisionModel } from './compare-models/vision-models';

export interface Connection {
  baseUrl: string;
  model: string;
}

export interface Settings {
  provider: ProviderId;
  /** One per provider, so switching back and forth keeps what the user typed. */
  connections: Record<ProviderId, Connection>;
  defaultStyle: StyleId;
  /** Longest wait for the provider's first token, and between tokens. */
  timeoutSeconds: number;
  /** The interface language; 'auto' follows the browser's. */
  uiLanguage: LanguageSetting;
  defaultDetail: DetailLevel;
  /** The language prompts are written in, independent of the interface (image models know English best). */
  promptLanguage: LanguageCode;
  midjourney: MidjourneyOptions;
  templates: CustomTemplate[];
  /** How many prompts are written at once; the rest wait their turn (provider rate limits). */
  concurrency: number;
  /** How long history is kept; favourites are kept whatever this says. */
  retention: Retention;
  /** Whether history keeps the source page's address and title. */
  storePageInfo: boolean;
  /** Where a new result opens: the popup, or the side panel (Firefox: sidebar), which stays open. */
  resultsIn: ResultsHost;
  /** Recreate: where prompts are turned back into images; null until the user picks one. */
  imageProvider: ImageProviderId | null;
  /** One per image provider, like `connections`. */
  imageConnections: Record<ImageProviderId, Connection>;
  /** "auto" keeps the original's shape (nearest size the model takes); or "WxH" / "W:H". */
  imageSize: string;
  /** The whole generation, queue and download included: image models are slow. */
  imageTimeoutSeconds: number;
  /** The tools listed under "Send to…" beside Copy. */
  sendTo: SendToChoice;
  /** The PromptLens button on large images under the pointer (off by default: it is on every page). */
  hoverButton: boolean;
  /** Hostnames where the user turned the hover button off (the popup's per-site switch). */
  hoverButtonOffSites: string[];
  /** Download and scale the right-clicked image while the menu is open (nothing is sent until a style is chosen). */
  prepareOnMenu: boolean;
  /** "Refine and recreate" stops once a round scores this much ("How close?", out of 100)… */
  targetScore: number;
  /** …or after this many rounds, the one it started from included. */
  maxRounds: number;
  /** Saved vision models for Compare models; the default among them is the one set above. */
  visionModels: VisionModel[];
}

export const RESULTS_HOSTS = ['popup', 'sidePanel'] as const;
export type ResultsHost = (typeof RESULTS_HOSTS)[number];
export const isResultsHost = (value: unknown): value is ResultsHost =>
  typeof value === 'string' && (RESULTS_HOSTS as readonly string[]).includes(value);

export const RETENTIONS = ['forever', '30d', '7d', '24h'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const isRetention = (value: unknown): value is Retention =>
  typeof value === 'string' && (RETENTIONS as readonly string[]).includes(value);

export type ApiKeys = Partial<Record<ProviderId, string>>;

export const TIMEOUT_RANGE = { min: 5, max: 600, default: 60 } as const;
export const CONCURRENCY_RANGE = { min: 1, max: 6, default: 2 } as const;
export const IMAGE_TIMEOUT_RANGE = { min: 1, max: 900, default: 180 } as const;
export const TARGET_SCORE_RANGE = { min: 1, max: 100, default: 85 } as const;
export const MAX_ROUNDS_RANGE = { min: 2, max: 10, default: 3 } as const;

const clampInt = (value: unknown, range: { min: number; max: number; default: number }) => {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(range.max, Math.max(range.min, Math.round(n))) : range.default;
};

function defaultConnections(): Record<ProviderId, Connection> {
  return Object.fromEntries(
    PROVIDER_IDS.map((id) => [id, { baseUrl: PRESETS[id].baseUrl, model: PRESETS[id].defaultModel }]),
  ) as Record<ProviderId, Connection>;
}

function defaultImageConnections(): Record<ImageProviderId, Connection> {
  return Object.fromEntries(
    IMAGE_PROVIDER_IDS.map((id) => [id, { baseUrl: IMAGE_PRESETS[id].baseUrl, model: IMAGE_PRESETS[id].defaultModel }]),
  ) as Record<ImageProviderId, Connection>;
}

function defaultSendTo(): SendToChoice {
  return { targets: [...DEFAULT_TARGET_IDS], custom: [] };
}

function normalizeSendTo(raw: unknown): SendToChoice {
  if (!raw || typeof raw !== 'object') return defaultSendTo();
  const value = raw as Partial<Record<keyof SendToChoice, unknown>>;
  const targets = Array.isArray(value.targets) ? value.targets.filter(isBuiltinTargetId) : [...DEFAULT_TARGET_IDS];
  return { targets: [...new Set(targets)], custom: normalizeCustomTargets(value.custom) };
}

export const DEFAULT_SETTINGS: Settings = {
  provider: 'openai',
  connections: defaultConnections(),
  defaultStyle: 'natural',
  timeoutSeconds: TIMEOUT_RANGE.default,
  uiLanguage: 'auto',
  defaultDetail: 'standard',
  promptLanguage: 'en',
  midjourney: DEFAULT_MIDJOURNEY,
  templates: [],
  concurrency: CONCURRENCY_RANGE.default,
  retention: 'forever',
  storePageInfo: true,
  resultsIn: 'popup',
  imageProvider: null,
  imageConnections: defaultImageConnections(),
  imageSize: 'auto',
  imageTimeoutSeconds: IMAGE_TIMEOUT_RANGE.default,
  sendTo: defaultSendTo(),
  hoverButton: false,
  hoverButtonOffSites: [],
  prepareOnMenu: true,
  targetScore: TARGET_SCORE_RANGE.default,
  maxRounds: MAX_ROUNDS_RANGE.default,
  visionModels: seedVisionModels('openai', defaultConnections()),
};

/** "auto", "1536x1024" or "3:2"; anything else is "auto". */
const isImageSize = (value: unknown): value is string =>
  typeof value === 'string' && /^(auto|\d{2,5}x\d{2,5}|\d{1,3}:\d{1,3})$/.test(value);

export const STYLIZE_RANGE = { min: 0, max: 1000 } as const;

function normalizeMidjourney(raw: unknown): MidjourneyOptions {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof MidjourneyOptions, unknown>>;
  const stylize =
    value.stylize === null || value.stylize === undefined || value.stylize === '' ? NaN : Number(value.stylize);
  return {
    version: typeof value.version === 'string' ? value.version.trim().slice(0, 12) : '',
    styleRaw: value.styleRaw === true,
    stylize: Number.isFinite(stylize)
      ? Math.min(STYLIZE_RANGE.max, Math.max(STYLIZE_RANGE.min, Math.round(stylize)))
      : null,
  };
}

function normalizeTemplates(raw: unknown): CustomTemplate[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (t): t is CustomTemplate =>
        !!t &&
        typeof t === 'object' &&
        typeof t.id === 'string' &&
        typeof t.name === 'string' &&
        typeof t.text === 'string',
    )
    .map(({ id, name, text }) => ({ id, name, text }));
}

/** Hostnames, lower-case, each once; anything else dropped. */
function normalizeSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const hosts = raw
    .filter((h): h is string => typeof h === 'string' && /^[a-z0-9.:[\]-]{1,253}$/i.test(h))
    .map((h) => h.toLowerCase());
  return [...new Set(hosts)];
}

const str = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

function normalizeConnections<Id extends string>(
  raw: unknown,
  defaults: Record<Id, Connection>,
): Record<Id, Connection> {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Record<string, Partial<Connection> | undefined>;
  const connections = { ...defaults };
  for (const id of Object.keys(defaults) as Id[]) {
    connections[id] = {
      baseUrl: str(stored[id]?.baseUrl, defaults[id].baseUrl),
      model: str(stored[id]?.model, defaults[id].model),
    };
  }
  return connections;
}

/** Whatever is stored (partial, older, hand-edited) → a complete, valid Settings. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const provider = isProviderId(value.provider) ? value.provider : DEFAULT_SETTINGS.provider;
  const connections = normalizeConnections(value.connections, defaultConnections());
  return {
    provider,
    connections,
    defaultStyle: isStyleId(value.defaultStyle) ? value.defaultStyle : DEFAULT_SETTINGS.defaultStyle,
    timeoutSeconds: clampInt(value.timeoutSeconds, TIMEOUT_RANGE),
    uiLanguage: value.uiLanguage === 'auto' || isLanguageCode(value.uiLanguage) ? value.uiLanguage : 'auto',
    defaultDetail: isDetailLevel(value.defaultDetail) ? value.defaultDetail : DEFAULT_SETTINGS.defaultDetail,
    promptLanguage: isLanguageCode(value.promptLanguage) ? value.promptLanguage : DEFAULT_SETTINGS.promptLanguage,
    midjourney: normalizeMidjourney(value.midjourney),
    templates: normalizeTemplates(value.templates),
    concurrency: clampInt(value.concurrency, CONCURRENCY_RANGE),
    retention: isRetention(value.retention) ? value.retention : DEFAULT_SETTINGS.retention,
    storePageInfo: value.storePageInfo !== false,
    resultsIn: isResultsHost(value.resultsIn) ? value.resultsIn : DEFAULT_SETTINGS.resultsIn,
    imageProvider: isImageProviderId(value.imageProvider) ? value.imageProvider : null,
    imageConnections: normalizeConnections(value.imageConnections, defaultImageConnections()),
    imageSize: isImageSize(value.imageSize) ? value.imageSize : 'auto',
    imageTimeoutSeconds: clampInt(value.imageTimeoutSeconds, IMAGE_TIMEOUT_RANGE),
    sendTo: normalizeSendTo(value.sendTo),
    hoverButton: value.hoverButton === true,
    hoverButtonOffSites: normalizeSites(value.hoverButtonOffSites),
    prepareOnMenu: value.prepareOnMenu !== false,
    targetScore: clampInt(value.targetScore, TARGET_SCORE_RANGE),
    maxRounds: clampInt(value.maxRounds, MAX_ROUNDS_RANGE),
    // Never saved (settings written before the list existed, or in part): the model in use.
    visionModels: Array.isArray(value.visionModels)
      ? normalizeVisionModels(value.visionModels)
      : seedVisionModels(provider, connections),
  };
}

/** The saved list a new or migrated user starts with: the model they use now. */
function seedVisionModels(provider: ProviderId, connections: Record<ProviderId, Connection>): VisionModel[] {
  return [{ id: 'default', ...defaultTarget({ provider, connections }) }];
}

export const SETTINGS_VERSION = 6;

/** One function per version step: `migrations[n]` turns a version n-1 value into version n. */
export const settingsMigrations: Record<number, (old: unknown) => unknown> = {
  // v2: the interface language became a setting; existing users keep following the browser.
  2: (old) => ({ ...(old && typeof old === 'object' ? old : {}), uiLanguage: 'auto' }),
  // v3: prompt detail, prompt language, Midjourney parameters and custom templates.
  3: (old) => ({
    ...(old && typeof old === 'object' ? old : {}),
    defaultDetail: 'standard',
    promptLanguage: 'en',
    midjourney: DEFAULT_MIDJOURNEY,
    templates: [],
  }),
  // v4: the job queue's concurrency, history retention and whether to keep page addresses.
  4: (old) => ({
    ...(old && typeof old === 'object' ? old : {}),
    concurrency: CONCURRENCY_RANGE.default,
    retention: 'forever',
    storePageInfo: true,
  }),
  // v5: "Send to…": the default tools ticked, no custom entries yet. Where results show (the
  // popup). Recreate's image provider (none until chosen), its connections, size and timeout.
  // The hover button: off, on no site turned off. The right-clicked image prepared while the
  // menu is open.
  5: (old) => ({
    ...(old && typeof old === 'object' ? old : {}),
    sendTo: defaultSendTo(),
    resultsIn: 'popup',
    imageProvider: null,
    imageConnections: defaultImageConnections(),
    imageSize: 'auto',
    imageTimeoutSeconds: IMAGE_TIMEOUT_RANGE.default,
    hoverButton: false,
    hoverButtonOffSites: [],
    prepareOnMenu: true,
  }),
  // v6: "Refine and recreate" stops at a target score or a round limit; Compare models' saved
  // vision models, seeded with the one in use.
  6: (old) => {
    const value = old && typeof old === 'object' ? (old as Record<string, unknown>) : {};
    const provider = isProviderId(value.provider) ? value.provider : DEFAULT_SETTINGS.provider;
    return {
      ...value,
      targetScore: TARGET_SCORE_RANGE.default,
      maxRounds: MAX_ROUNDS_RANGE.default,
      visionModels: seedVisionModels(provider, normalizeConnections(value.connections, defaultConnections())),
    };
  },
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

/** Keys are per provider, in storage.local (never sync), read only by the background and options. */
export const apiKeysItem = storage.defineItem<ApiKeys>('local:apiKeys', { fallback: {}, version: 1 });

/** Keys set for an image provider; one left unset falls back to the same account's vision key. */
export type ImageApiKeys = Partial<Record<ImageProviderId, string>>;
export const imageApiKeysItem = storage.defineItem<ImageApiKeys>('local:imageApiKeys', { fallback: {}, version: 1 });

/** Recreate's target as lib/generation takes it: provider, address, model and the key it is called with. */
export function imageConfig(
  settings: Settings,
  visionKeys: ApiKeys,
  imageKeys: ImageApiKeys,
): ImageProviderConfig | undefined {
  const provider = settings.imageProvider;
  if (!provider) return undefined;
  const { baseUrl, model } = settings.imageConnections[provider];
  return { provider, baseUrl, model, apiKey: imageApiKey(provider, imageKeys, visionKeys) };
}

/** The key an image provider is called with: its own, else the vision key of the same account. */
export function imageApiKey(provider: ImageProviderId, imageKeys: ImageApiKeys, visionKeys: ApiKeys): string {
  const own = imageKeys[provider]?.trim();
  if (own) return own;
  const shared = IMAGE_PRESETS[provider].visionProvider;
  return shared ? (visionKeys[shared]?.trim() ?? '') : '';
}

/**
 * The provider (and address) the user last agreed to send images to, after the one-time
 * privacy notice; the notice shows again when the provider changes.
 */
export interface PrivacyConsent {
  provider: ProviderId;
  baseUrl: string;
  acceptedAt: number;
}
export const privacyConsentItem = storage.defineItem<PrivacyConsent | null>('local:privacyConsent', {
  fallback: null,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}
