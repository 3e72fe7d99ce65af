import { blobToDataUrl } from '@/lib/image/data-url';
import {
  buildMessages,
  instructionFor,
  structuredOutputFor,
  USER_REQUEST,
  type PromptSpec,
} from '@/lib/prompt/build-messages';
import { createClient } from '@/lib/providers/client';
import { languageModelApi, onDeviceLanguage, streamOnDevice } from '@/lib/providers/on-device';
import { buildChatRequest } from '@/lib/providers/request-params';
import { streamCompletion, type RetryNotice, type StreamResult } from '@/lib/providers/stream-completion';
import type { LanguageCode } from '@/lib/languages';
import type { ProviderConfig } from './provider-config';

export interface StreamControls {
  timeoutMs: number;
  signal: AbortSignal;
  onText: (textSoFar: string) => void;
  onRetry: (notice: RetryNotice) => void;
}

export interface PromptInput {
  spec: Omit<PromptSpec, 'language'>;
  language: LanguageCode;
  image: Blob;
  original: { width: number; height: number };
}

/** The prompt a job asks for, in the language it can be written in. */
export function specFor(
  config: ProviderConfig,
  input: PromptInput,
  englishName: (code: LanguageCode) => string,
): PromptSpec {
  // Gemini Nano writes only English, Spanish and Japanese: other languages get English (the options say so).
  const language = config.preset.kind === 'on-device' ? onDeviceLanguage(input.language) : input.language;
  return { ...input.spec, language: englishName(language) };
}

/**
 * The request built now (while the job waits for a slot), sent when `send` is called: a
 * streamed chat completion, or the browser's own model for the on-device provider.
 */
export async function prepareStream(
  config: ProviderConfig,
  spec: PromptSpec,
  input: PromptInput,
): Promise<(controls: StreamControls) => Promise<StreamResult>> {
  if (config.preset.kind === 'on-device') {
    const instruction = instructionFor(spec, input.original);
    return (controls) =>
      streamOnDevice({
        api: languageModelApi(),
        language: onDeviceLanguage(input.language),
        instruction,
        request: USER_REQUEST,
        image: input.image,
        ...controls,
      });
  }
  const body = buildChatRequest(
    config.preset,
    config.model,
    buildMessages(spec, {
      url: await blobToDataUrl(input.image),
      ...input.original,
      detailHint: config.preset.imageDetail,
    }),
    { structured: structuredOutputFor(spec) },
  );
  return (controls) =>
    streamCompletion({ client: createClient({ ...config, timeoutMs: controls.timeoutMs }), body, ...controls });
}
