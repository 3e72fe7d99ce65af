/**
 * Every prompt style, in menu order. Adding a style: one file beside this one (see style.ts),
 * one line here, and its name under `styles.<id>` in the 15 locales/*.json.
 * The exact messages each style sends are snapshot-tested (tests/unit/prompt-messages.test.ts).
 */
import { altText } from './alt-text';
import { dalle } from './dalle';
import { flux } from './flux';
import { json } from './json';
import { longDescription } from './long-description';
import { midjourney } from './midjourney';
import { natural } from './natural';
import { stableDiffusion } from './stable-diffusion';
import type { PromptStyle } from './style';

const STYLES = [
  natural,
  midjourney,
  stableDiffusion,
  flux,
  dalle,
  json,
  altText,
  longDescription,
] as const satisfies readonly PromptStyle[];

export type StyleId = (typeof STYLES)[number]['id'];
export const STYLE_IDS: readonly StyleId[] = STYLES.map((style) => style.id);

export function isStyleId(value: unknown): value is StyleId {
  return typeof value === 'string' && (STYLE_IDS as readonly string[]).includes(value);
}

const BY_ID = Object.fromEntries(STYLES.map((style) => [style.id, style])) as Record<StyleId, PromptStyle>;

export function styleOf(id: StyleId): PromptStyle {
  return BY_ID[id];
}
