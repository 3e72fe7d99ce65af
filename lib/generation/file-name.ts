/** A recreation's download name: what made it and when, the extension its bytes really are. */
import type { StoredGeneration } from '../history/generation-types';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

function stamp(time: number): string {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}`;
  return `${date}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}

export function recreationFileName(
  generation: Pick<StoredGeneration, 'provider' | 'model' | 'createdAt' | 'mime'>,
): string {
  // Model ids carry slashes and colons (fal-ai/flux/schnell): not in a file name.
  const model = (generation.model || generation.provider)
    .replace(/[^a-z0-9.-]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `promptlens-recreation-${model}-${stamp(generation.createdAt)}.${EXTENSIONS[generation.mime ?? ''] ?? 'png'}`;
}
