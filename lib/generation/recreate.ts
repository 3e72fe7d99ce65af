/**
 * Recreate, as the background runs it: a finished prompt → a stored generation row that the
 * Compare page watches (running with its progress → done with the file, or failed with the
 * reason). Only the prompt text leaves; the original image never does.
 */
import { addGeneration, updateGeneration } from '../history/generations';
import type { StoredGeneration } from '../history/generation-types';
import { generateImage, imageSetupProblem, resolveImageProvider, type ImageProviderConfig } from './generate';
import { classifyGenerationError, type GenerationError } from './generation-error';
import type { GenSize } from './image-size';
import { isImageProviderId } from './presets';
import { prepareForGenerator } from './prompt-for-generator';
import type { FalPollOptions } from './fal-queue';
import type { GeneratedImage } from './types';

export interface RecreateSource {
  entryId: string;
  jobId: string;
  text: string;
  /** The original's size: its shape is kept. */
  original?: { width: number; height: number };
}

export interface RecreateDeps {
  /** The image provider with its key resolved (lib/settings.ts imageConfig); undefined: none set up. */
  config: ImageProviderConfig | undefined;
  /** The "Image size" setting. */
  imageSize: string;
  timeoutSeconds: number;
  signal?: AbortSignal;
  /** A few-KB preview; a failure here costs the thumbnail, not the image. */
  thumbnail?: (blob: Blob) => Promise<Blob>;
  /** Checks that the picture is not all one colour (needs a canvas: the background's). */
  blankCheck?: (image: GeneratedImage) => Promise<GenerationError | undefined>;
  falPoll?: FalPollOptions;
  now?: () => number;
}

export function sizeLabel(size: GenSize): string {
  if (size.kind === 'size') return `${size.width}x${size.height}`;
  if (size.kind === 'aspect') return size.ratio;
  if (size.kind === 'fal')
    return typeof size.imageSize === 'string' ? size.imageSize : `${size.imageSize.width}x${size.imageSize.height}`;
  return '';
}

/**
 * Writes the row at once (so the page has something to show) and answers it with the promise
 * of the run; the run never rejects: every failure ends in the row.
 */
export async function startRecreation(
  source: RecreateSource,
  deps: RecreateDeps,
): Promise<{ id: string; done: Promise<void> }> {
  const now = deps.now ?? Date.now;
  const { config } = deps;
  const base: StoredGeneration = {
    id: crypto.randomUUID(),
    entryId: source.entryId,
    jobId: source.jobId,
    createdAt: now(),
    updatedAt: now(),
    status: 'running',
    // A row needs a provider even when none is set up; the error says so.
    provider: isImageProviderId(config?.provider) ? config.provider : 'openai',
    model: '',
    size: '',
    prompt: source.text,
    notes: [],
  };
  const problem = imageSetupProblem(config);
  if (problem) {
    await addGeneration({ ...base, status: 'failed', error: problem });
    return { id: base.id, done: Promise.resolve() };
  }
  const target = resolveImageProvider(config);
  const input = prepareForGenerator(source.text, target.caps, {
    ...(source.original ? { original: source.original } : {}),
    size: deps.imageSize,
  });
  const row: StoredGeneration = {
    ...base,
    model: target.model,
    size: sizeLabel(input.size),
    prompt: input.prompt,
    ...(input.negativePrompt ? { negativePrompt: input.negativePrompt } : {}),
    notes: input.notes,
    progress: { phase: 'submitted' },
  };
  await addGeneration(row);
  const done = (async () => {
    try {
      const image = await generateImage(
        target.preset,
        {
          baseUrl: target.baseUrl,
          apiKey: target.apiKey,
          model: target.model,
          input,
          timeoutMs: deps.timeoutSeconds * 1000,
          ...(deps.signal ? { signal: deps.signal } : {}),
          onProgress: (progress) => void updateGeneration(row.id, { progress }),
        },
        deps.falPoll ? { falPoll: deps.falPoll } : {},
      );
      const blank = await deps.blankCheck?.(image);
      if (blank) throw blank;
      const thumbnail = await deps.thumbnail?.(image.bytes).catch(() => undefined);
      const { bytes, revisedPrompt, ...meta } = image;
      await updateGeneration(row.id, {
        ...meta,
        ...(revisedPrompt ? { revisedPrompt } : {}),
        ...(thumbnail ? { thumbnail } : {}),
        blob: bytes,
        status: 'done',
        progress: undefined,
      });
    } catch (error) {
      const info = isGenerationError(error) ? error : classifyGenerationError(error, { local: target.preset.local });
      await updateGeneration(row.id, { status: 'failed', error: info, progress: undefined });
    }
  })();
  return { id: row.id, done };
}

const isGenerationError = (value: unknown): value is GenerationError =>
  !!value &&
  typeof value === 'object' &&
  !(value instanceof Error) &&
  typeof (value as GenerationError).code === 'string';
