/**
 * Provider presets: where each vision API lives, a sensible default model, the quirks that make
 * one OpenAI-compatible endpoint differ from another, and how the UI names it. The model stays
 * free text. Adding a provider: its id in PROVIDER_IDS and one entry in PRESETS; nothing else
 * in the code compares provider ids.
 */
import type en from '../../locales/en.json';

export const PROVIDER_IDS = [
  'openai',
  'openrouter',
  'gemini',
  'anthropic',
  'groq',
  'mistral',
  'xai',
  'ollama',
  'lmstudio',
  'custom',
  'on-device',
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

/** UI strings a preset may point at (keys of locales/*.json). */
type ProvidersText = `providers.${keyof typeof en.providers}`;
type OptionsText = `options.${keyof typeof en.options}`;

export interface ProviderPreset {
  id: ProviderId;
  /** How requests go out: an OpenAI-compatible server, or Chrome's built-in model (lib/providers/on-device.ts). */
  kind: 'openai-compatible' | 'on-device';
  /** Display name; product names are not translated. */
  name: string;
  /** The picker shows a translated label instead of the name, when it says what the entry is: "Ollama (local)". */
  labelKey?: ProvidersText;
  /** A sentence names it by this translated text instead of the name: "Your server did not answer". */
  nameKey?: ProvidersText;
  /** The privacy notice names it by its Base URL's host: "your server" would not say where an image goes. */
  namedByHost?: boolean;
  /** Set-up help under the model field (local servers); `{{model}}` is the model to use. */
  setupHelpKey?: OptionsText;
  baseUrl: string;
  defaultModel: string;
  /** Local servers run without a key. */
  needsKey: boolean;
  local: boolean;
  /** Reasoning-era OpenAI models reject `max_tokens`; Mistral and Ollama read only `max_tokens`. */
  tokenParam: 'max_tokens' | 'max_completion_tokens';
  /** `stream_options.include_usage`: strict servers (Gemini, Mistral) reject fields they do not know. */
  streamUsage: boolean;
  /** `image_url.detail`: an OpenAI field that strict servers reject. */
  imageDetail: boolean;
  /**
   * Structured outputs (`response_format: json_schema`) for styles that declare a schema; others get instructions and
   * repair.
   */
  jsonSchema: boolean;
  /** Largest base64 data URL the provider takes (Groq: 4 MB). */
  maxImageBytes: number;
  /** Longest edge the provider makes use of; larger images are scaled down by it anyway. */
  maxLongEdge: number;
  /** Headers the provider needs from a browser context. */
  headers?: Record<string, string>;
  /** Where the user gets a key. */
  keyUrl?: string;
}

const MB = 1024 * 1024;

const common = {
  kind: 'openai-compatible',
  needsKey: true,
  local: false,
  tokenParam: 'max_tokens',
  streamUsage: true,
  imageDetail: false,
  jsonSchema: false,
  maxImageBytes: 4 * MB,
  maxLongEdge: 2048,
} as const;

export const PRESETS: Record<ProviderId, ProviderPreset> = {
  openai: {
    ...common,
    id: 'openai',
    name: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-5.4-mini',
    tokenParam: 'max_completion_tokens',
    imageDetail: true,
    jsonSchema: true,
    maxImageBytes: 20 * MB,
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  openrouter: {
    ...common,
    id: 'openrouter',
    name: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'google/gemini-2.5-flash',
    keyUrl: 'https://openrouter.ai/keys',
  },
  gemini: {
    ...common,
    id: 'gemini',
    name: 'Google Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    defaultModel: 'gemini-2.5-flash',
    streamUsage: false,
    maxImageBytes: 15 * MB,
    keyUrl: 'https://aistudio.google.com/apikey',
  },
  anthropic: {
    ...common,
    id: 'anthropic',
    name: 'Anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    defaultModel: 'claude-haiku-4-5',
    streamUsage: false,
    maxImageBytes: 5 * MB,
    // Claude scales anything past ~1.15 MP down; 1568 px is Anthropic's documented long edge.
    maxLongEdge: 1568,
    // Anthropic refuses requests that carry a browser Origin unless this is set.
    headers: { 'anthropic-dangerous-direct-browser-access': 'true' },
    keyUrl: 'https://console.anthropic.com/settings/keys',
  },
  groq: {
    ...common,
    id: 'groq',
    name: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    defaultModel: 'meta-llama/llama-4-scout-17b-16e-instruct',
    tokenParam: 'max_completion_tokens',
    keyUrl: 'https://console.groq.com/keys',
  },
  mistral: {
    ...common,
    id: 'mistral',
    name: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    defaultModel: 'mistral-small-latest',
    streamUsage: false,
    maxImageBytes: 10 * MB,
    keyUrl: 'https://console.mistral.ai/api-keys',
  },
  xai: {
    ...common,
    id: 'xai',
    name: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    defaultModel: 'grok-4-fast-non-reasoning',
    imageDetail: true,
    maxImageBytes: 10 * MB,
    keyUrl: 'https://console.x.ai',
  },
  ollama: {
    ...common,
    id: 'ollama',
    name: 'Ollama',
    labelKey: 'providers.ollama',
    setupHelpKey: 'options.localHelpOllama',
    baseUrl: 'http://localhost:11434/v1',
    defaultModel: 'gemma3',
    needsKey: false,
    local: true,
    streamUsage: false,
    maxImageBytes: 20 * MB,
  },
  lmstudio: {
    ...common,
    id: 'lmstudio',
    name: 'LM Studio',
    labelKey: 'providers.lmstudio',
    setupHelpKey: 'options.localHelpLmstudio',
    baseUrl: 'http://localhost:1234/v1',
    defaultModel: 'qwen2.5-vl-7b-instruct',
    needsKey: false,
    local: true,
    streamUsage: false,
    maxImageBytes: 20 * MB,
  },
  custom: {
    ...common,
    id: 'custom',
    name: 'Custom',
    labelKey: 'providers.custom',
    nameKey: 'providers.customShort',
    namedByHost: true,
    baseUrl: '',
    defaultModel: '',
    // Unknown servers: send only what every OpenAI-compatible server understands.
    needsKey: false,
    streamUsage: false,
  },
  'on-device': {
    ...common,
    kind: 'on-device',
    id: 'on-device',
    name: 'Gemini Nano',
    labelKey: 'providers.onDevice',
    // No address and no model choice: Chrome decides which Nano it ships.
    baseUrl: '',
    defaultModel: 'gemini-nano',
    needsKey: false,
    local: true,
    streamUsage: false,
    // The image never leaves the device, so no upload limit; Nano works from a small image.
    maxImageBytes: 20 * MB,
    maxLongEdge: 1024,
  },
};

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}
