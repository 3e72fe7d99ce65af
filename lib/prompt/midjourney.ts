export interface MidjourneyOptions {
  /** "7", "6.1", "niji 6" or empty for Midjourney's default. */
  version: string;
  styleRaw: boolean;
  /** 0–1000, or null for Midjourney's default. */
  stylize: number | null;
}

export const DEFAULT_MIDJOURNEY: MidjourneyOptions = { version: '', styleRaw: false, stylize: null };

/** Parameters come from us, never from the model: drop any it wrote, append ours. */
export function withMidjourneyParams(prompt: string, aspectRatio: string, options: MidjourneyOptions): string {
  const body = prompt
    .replace(/\s--[a-z]+(?:\s+(?!--)[^\s,]+)*/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,.;]+$/, '')
    .trim();
  const params = [`--ar ${aspectRatio}`];
  const version = options.version.trim();
  if (/^niji\s*\d+(\.\d+)?$/i.test(version)) params.push(`--niji ${version.replace(/^niji\s*/i, '')}`);
  else if (/^\d+(\.\d+)?$/.test(version)) params.push(`--v ${version}`);
  if (options.styleRaw) params.push('--style raw');
  if (options.stylize !== null && Number.isFinite(options.stylize))
    params.push(`--stylize ${Math.round(options.stylize)}`);
  return `${body} ${params.join(' ')}`;
}
