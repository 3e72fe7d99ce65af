/**
 * The tools "Send to…" can open, as data. A tool gets a `template` only where a URL parameter
 * for the prompt is known to work (a documented one, or one link-sharing tools rely on):
 * ChatGPT's `?q=`, Perplexity's `?q=`, Google AI Studio's `new_chat?prompt=`. The others take
 * no prompt in their address, so the prompt is copied and the user pastes it. Nothing is ever
 * injected into those sites.
 */
export const PROMPT_PLACEHOLDER = '{prompt}';

/** Longer addresses are cut or refused by servers and proxies: past this, copy only. */
export const MAX_URL_LENGTH = 8000;

export interface SendTarget {
  id: string;
  name: string;
  /** Where the tool opens when the prompt cannot travel in the address. */
  url: string;
  /** The address with `{prompt}` where the URL-encoded prompt goes; absent: copy only. */
  template?: string;
}

export const BUILTIN_TARGETS = [
  { id: 'chatgpt', name: 'ChatGPT', url: 'https://chatgpt.com/', template: 'https://chatgpt.com/?q={prompt}' },
  { id: 'gemini', name: 'Gemini', url: 'https://gemini.google.com/app' },
  { id: 'midjourney', name: 'Midjourney', url: 'https://www.midjourney.com/imagine' },
  { id: 'ideogram', name: 'Ideogram', url: 'https://ideogram.ai/' },
  { id: 'leonardo', name: 'Leonardo', url: 'https://app.leonardo.ai/' },
  { id: 'krea', name: 'Krea', url: 'https://www.krea.ai/image' },
  { id: 'bing', name: 'Bing Image Creator', url: 'https://www.bing.com/images/create' },
  {
    id: 'perplexity',
    name: 'Perplexity',
    url: 'https://www.perplexity.ai/',
    template: 'https://www.perplexity.ai/?q={prompt}',
  },
  {
    id: 'aistudio',
    name: 'Google AI Studio',
    url: 'https://aistudio.google.com/',
    template: 'https://aistudio.google.com/prompts/new_chat?prompt={prompt}',
  },
] as const satisfies readonly SendTarget[];

export type BuiltinTargetId = (typeof BUILTIN_TARGETS)[number]['id'];
export const BUILTIN_TARGET_IDS: readonly BuiltinTargetId[] = BUILTIN_TARGETS.map((target) => target.id);

export const isBuiltinTargetId = (value: unknown): value is BuiltinTargetId =>
  typeof value === 'string' && (BUILTIN_TARGET_IDS as readonly string[]).includes(value);

/** On for a new user: the chat assistants with a prompt parameter and the best-known image tools. */
export const DEFAULT_TARGET_IDS: readonly BuiltinTargetId[] = ['chatgpt', 'gemini', 'midjourney', 'perplexity'];

export interface SendPlan {
  url: string;
  /** The prompt is in the address; otherwise the user pastes it. */
  prefilled: boolean;
}

/**
 * Where to open a tool for this prompt. The prompt goes in URL-encoded (so `&`, `#`, newlines and
 * non-Latin text arrive intact); when the address would grow too long, or the tool has no
 * parameter, the plain address opens and the prompt waits on the clipboard.
 */
export function planSend(target: SendTarget, prompt: string): SendPlan {
  if (!target.template?.includes(PROMPT_PLACEHOLDER)) return { url: target.template ?? target.url, prefilled: false };
  const url = target.template.split(PROMPT_PLACEHOLDER).join(encodeURIComponent(prompt));
  if (url.length <= MAX_URL_LENGTH) return { url, prefilled: true };
  return { url: withoutPrompt(target), prefilled: false };
}

/** A template's address with the prompt parameter taken out (a custom entry has no other URL). */
function withoutPrompt(target: SendTarget): string {
  if (target.template !== undefined && target.url !== target.template) return target.url;
  const bare = target.url.split(PROMPT_PLACEHOLDER).join('');
  try {
    const parsed = new URL(bare);
    for (const [key, value] of [...parsed.searchParams]) if (value === '') parsed.searchParams.delete(key);
    return parsed.href;
  } catch {
    return bare;
  }
}
