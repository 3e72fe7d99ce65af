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
import { normalizeCustomTargets } from './send-to/custom-targets';
import type { SendToChoice } from './send-to/chosen-targets';
import { DEFAULT_TARGET_IDS, isBuiltinTargetId } from './send-to/targets';

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
  /** The tools listed under "Send to…" beside Copy. */
  sendTo: SendToChoice;
  /** Download and scale the right-clicked image while the menu is open (nothing is sent until a style is chosen). */
  prepareOnMenu: boolean;
}

export const RETENTIONS = ['forever', '30d', '7d', '24h'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const isRetention = (value: unknown): value is Retention =>
  typeof value === 'string' && (RETENTIONS as readonly string[]).includes(value);

export type ApiKeys = Partial<Record<ProviderId, string>>;

export const TIMEOUT_RANGE = { min: 5, max: 600, default: 60 } as const;
export const CONCURRENCY_RANGE = { min: 1, max: 6, default: 2 } as const;

const clampInt = (value: unknown, range: { min: number; max: number; default: number }) => {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(range.max, Math.max(range.min, Math.round(n))) : range.default;
};

function defaultConnections(): Record<ProviderId, Connection> {
  return Object.fromEntries(
    PROVIDER_IDS.map((id) => [id, { baseUrl: PRESETS[id].baseUrl, model: PRESETS[id].defaultModel }]),
  ) as Record<ProviderId, Connection>;
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
  sendTo: defaultSendTo(),
  prepareOnMenu: true,
};

export const STYLIZE_RANGE = { min: 0, max: 1000 } as const;

function normalizeMidjourney(raw: unknown): MidjourneyOptions {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof MidjourneyOptions, unknown>>;
  const stylize = value.stylize === null || value.stylize === undefined || value.stylize === '' ? NaN : Number(value.stylize);
  return {
    version: typeof value.version === 'string' ? value.version.trim().slice(0, 12) : '',
    styleRaw: value.styleRaw === true,
    stylize: Number.isFinite(stylize) ? Math.min(STYLIZE_RANGE.max, Math.max(STYLIZE_RANGE.min, Math.round(stylize))) : null,
  };
}

function normalizeTemplates(raw: unknown): CustomTemplate[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((t): t is CustomTemplate => !!t && typeof t === 'object' && typeof t.id === 'string' && typeof t.name === 'string' && typeof t.text === 'string')
    .map(({ id, name, text }) => ({ id, name, text }));
}

const str = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** Whatever is stored (partial, older, hand-edited) → a complete, valid Settings. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const stored = (value.connections && typeof value.connections === 'object' ? value.connections : {}) as Record<
    string,
    Partial<Connection> | undefined
  >;
  const connections = defaultConnections();
  for (const id of PROVIDER_IDS) {
    connections[id] = {
      baseUrl: str(stored[id]?.baseUrl, connections[id].baseUrl),
      model: str(stored[id]?.model, connections[id].model),
    };
  }
  return {
    provider: isProviderId(value.provider) ? value.provider : DEFAULT_SETTINGS.provider,
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
    sendTo: normalizeSendTo(value.sendTo),
    prepareOnMenu: value.prepareOnMenu !== false,
  };
}

export const SETTINGS_VERSION = 5;

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
  // v5: "Send to…": the default tools ticked, no custom entries yet; the right-clicked image
  // prepared while the menu is open.
  5: (old) => ({ ...(old && typeof old === 'object' ? old : {}), sendTo: defaultSendTo(), prepareOnMenu: true }),
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

/** Keys are per provider, in storage.local (never sync), read only by the background and options. */
export const apiKeysItem = storage.defineItem<ApiKeys>('local:apiKeys', { fallback: {}, version: 1 });

/**
 * The provider (and address) the user last agreed to send images to, after the one-time
 * privacy notice; the notice shows again when the provider changes.
 */
export interface PrivacyConsent {
  provider: ProviderId;
  baseUrl: string;
  acceptedAt: number;
}
export const privacyConsentItem = storage.defineItem<PrivacyConsent | null>('local:privacyConsent', { fallback: null, version: 1 });

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}
