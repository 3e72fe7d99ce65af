/** The user's own "Send to…" entries: a name and an address, with `{prompt}` or copy-only. */
import { PROMPT_PLACEHOLDER, type SendTarget } from './targets';

export interface CustomTarget {
  id: string;
  name: string;
  /** An https:// address (http:// only for this machine), `{prompt}` where the prompt goes, or none: copy only. */
  template: string;
}

export type TemplateProblem = 'invalid-url';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Undefined when the template is usable. https only, so a prompt never travels in clear text to
 * another machine; http is fine for a server on this one.
 */
export function checkTargetTemplate(template: string): TemplateProblem | undefined {
  let url: URL;
  try {
    // The placeholder is not valid in every part of a URL (a host): try it with a sample word.
    url = new URL(template.trim().split(PROMPT_PLACEHOLDER).join('x'));
  } catch {
    return 'invalid-url';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return undefined;
  return 'invalid-url';
}

/** Whatever is stored → the entries worth keeping (a name, an id, a usable address). */
export function normalizeCustomTargets(raw: unknown): CustomTarget[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (t): t is CustomTarget =>
        !!t &&
        typeof t === 'object' &&
        typeof t.id === 'string' &&
        typeof t.name === 'string' &&
        typeof t.template === 'string',
    )
    .map(({ id, name, template }) => ({ id, name, template }));
}

/** A custom entry as a target: its id kept apart from the built-in ones. */
export function customAsTarget(custom: CustomTarget): SendTarget {
  const template = custom.template.trim();
  return {
    id: `custom:${custom.id}`,
    name: custom.name.trim() || new URL(template.split(PROMPT_PLACEHOLDER).join('x')).hostname,
    url: template,
    ...(template.includes(PROMPT_PLACEHOLDER) ? { template } : {}),
  };
}
