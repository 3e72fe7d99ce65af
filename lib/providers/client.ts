import OpenAI from 'openai';
import type { ProviderPreset } from './presets';

/** The SDK insists on a key; local servers ignore it, and we strip it before sending. */
const NO_KEY = 'promptlens-no-key';

/**
 * The SDK's fetch, minus headers that only get in the way: `x-stainless-*` (telemetry that
 * some servers' CORS preflight rejects) and the placeholder key.
 */
const cleanFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  for (const name of [...headers.keys()]) {
    if (name.startsWith('x-stainless-')) headers.delete(name);
  }
  if (headers.get('authorization') === `Bearer ${NO_KEY}`) headers.delete('authorization');
  return fetch(input, { ...init, headers });
};

export interface ClientConfig {
  preset: ProviderPreset;
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

export function createClient({ preset, baseUrl, apiKey, timeoutMs }: ClientConfig): OpenAI {
  return new OpenAI({
    apiKey: apiKey || NO_KEY,
    baseURL: baseUrl.replace(/\/+$/, ''),
    // Required in a service worker; the key never leaves the background context.
    dangerouslyAllowBrowser: true,
    // We retry ourselves, so the popup can say what is happening.
    maxRetries: 0,
    timeout: timeoutMs,
    defaultHeaders: preset.headers,
    fetch: cleanFetch,
  });
}
