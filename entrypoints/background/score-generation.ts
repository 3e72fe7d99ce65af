import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { JobFailure, shorten, type JobError } from '@/lib/errors';
import { getGeneration } from '@/lib/history/generations';
import { createClient } from '@/lib/providers/client';
import { classifyError } from '@/lib/providers/classify-error';
import { buildChatRequest } from '@/lib/providers/request-params';
import { type RetryNotice, streamCompletion, type StreamResult } from '@/lib/providers/stream-completion';
import { looksLikeRefusal } from '@/lib/prompt/clean-output';
import type { StructuredOutput } from '@/lib/prompt/styles/style';
import { scoringMessages } from '@/lib/scoring/messages';
import { saveScore } from '@/lib/scoring/score-store';
import { parseVerdict } from '@/lib/scoring/verdict';
import { VERDICT_SCHEMA, VERDICT_SCHEMA_NAME } from '@/lib/scoring/verdict-schema';
import { currentProvider, type ProviderConfig } from './provider-config';
import { assertVision, imagePair, readerLanguage } from './vision-pair';

const VERDICT_OUTPUT: StructuredOutput = {
  name: VERDICT_SCHEMA_NAME,
  schema: VERDICT_SCHEMA as unknown as Record<string, unknown>,
};

/** One request to the vision provider, with the same timeout, retries and error words as a prompt job. */
export async function askVision(
  config: ProviderConfig,
  messages: ChatCompletionMessageParam[],
  options: {
    structured?: StructuredOutput;
    signal: AbortSignal;
    onText?: (text: string) => void;
    onRetry?: (notice: RetryNotice) => void;
  },
): Promise<StreamResult> {
  // A Cancel while the pictures were being scaled: silenceGuard only hears aborts that come later.
  options.signal.throwIfAborted();
  const timeoutMs = config.settings.timeoutSeconds * 1000;
  return streamCompletion({
    client: createClient({ ...config, timeoutMs }),
    body: buildChatRequest(config.preset, config.model, messages, { structured: options.structured }),
    timeoutMs,
    signal: options.signal,
    onText: options.onText ?? (() => undefined),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
}

/** What went wrong, in the app's error words; a Cancel is a Cancel whatever the request made of it. */
export function visionError(error: unknown, signal: AbortSignal, config?: ProviderConfig): JobError {
  return classifyError(signal.aborted ? (signal.reason ?? error) : error, config?.preset.local);
}

/**
 * "How close?" for one recreation (any entry's: "Compare models" scores each column with it).
 * The verdict, or the reason there is none, is stored on the recreation's record; answers the
 * overall score, or rejects with the stored error.
 */
export async function scoreGeneration(generationId: string, signal: AbortSignal): Promise<number> {
  const [generation, config] = await Promise.all([getGeneration(generationId), currentProvider()]);
  if (!generation) throw new JobFailure({ code: 'no-image' });
  const judge = { provider: config.settings.provider, model: config.model };
  await saveScore(generationId, { status: 'running', ...judge, at: Date.now() });
  try {
    await assertVision(config);
    const pair = await imagePair(generation, config);
    const result = await askVision(config, scoringMessages(pair, readerLanguage(config)), {
      structured: VERDICT_OUTPUT,
      signal,
      onRetry: ({ delayMs, status }) =>
        void saveScore(generationId, {
          status: 'running',
          ...judge,
          at: Date.now(),
          retry: { until: Date.now() + delayMs, ...(status ? { status } : {}) },
        }),
    });
    const refusal = result.refusal?.trim() || (looksLikeRefusal(result.text) ? result.text.trim() : '');
    if (refusal) throw new JobFailure({ code: 'refused', detail: shorten(refusal) });
    const parsed = parseVerdict(result.text);
    if (!parsed.ok) throw new JobFailure({ code: 'invalid-verdict', detail: parsed.reason });
    await saveScore(generationId, { status: 'done', verdict: parsed.verdict, ...judge, at: Date.now() });
    return parsed.verdict.overall;
  } catch (error) {
    const info = visionError(error, signal, config);
    await saveScore(generationId, { status: 'failed', error: info, ...judge, at: Date.now() });
    throw new JobFailure(info);
  }
}
