import type OpenAI from 'openai';
import { APIError } from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { JobFailure, shorten } from '../errors';
import { silenceGuard } from './silence-guard';
import { isRetryableStatus, retryAfterFromHeaders, retryDelay } from './retry-policy';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface StreamResult {
  text: string;
  /** OpenAI's structured-output refusal, when the model declined. */
  refusal?: string;
  usage?: Usage;
  finishReason?: string;
}

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  status?: number;
}

export interface StreamOptions {
  client: OpenAI;
  body: ChatCompletionCreateParamsStreaming;
  /** Longest silence we accept: before the first token and between tokens. */
  timeoutMs: number;
  /** The user's Cancel. */
  signal: AbortSignal;
  onText: (textSoFar: string) => void;
  onRetry?: (notice: RetryNotice) => void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', abort, { once: true });
  });
}

async function streamOnce(opts: StreamOptions): Promise<StreamResult> {
  const guard = silenceGuard(opts.signal, opts.timeoutMs);
  const result: StreamResult = { text: '' };
  let chunks = 0;
  try {
    guard.arm();
    const { data: stream, response } = await opts.client.chat.completions
      .create(opts.body, { signal: guard.signal })
      .withResponse();
    for await (const chunk of stream) {
      guard.arm();
      chunks++;
      const choice = chunk.choices[0];
      const piece = choice?.delta?.content;
      if (piece) {
        result.text += piece;
        opts.onText(result.text);
      }
      const refusal = (choice?.delta as { refusal?: string | null } | undefined)?.refusal;
      if (refusal) result.refusal = (result.refusal ?? '') + refusal;
      if (choice?.finish_reason) result.finishReason = choice.finish_reason;
      if (chunk.usage) {
        result.usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
        };
      }
    }
    // The SDK ends the stream quietly when aborted: a Cancel or a timeout mid-stream must not
    // pass for a finished answer.
    guard.signal.throwIfAborted();
    // A 200 that held no event at all: an HTML page, a proxy's login, a non-streaming server.
    if (chunks === 0)
      throw new JobFailure({
        code: 'bad-response',
        detail: `HTTP ${response.status}, ${response.headers.get('content-type') ?? 'no Content-Type'}`,
      });
    return result;
  } catch (error) {
    if (guard.timedOut) throw new JobFailure({ code: 'timeout', detail: `${Math.round(opts.timeoutMs / 1000)} s` });
    // The connection broke after text arrived: what came is kept, marked incomplete.
    if (result.text && !opts.signal.aborted && !(error instanceof JobFailure)) {
      throw new JobFailure({
        code: 'incomplete',
        detail: shorten(error instanceof Error ? error.message : String(error)),
      });
    }
    throw error;
  } finally {
    guard.dispose();
  }
}

/** One streamed completion, retried on 408/429/5xx with backoff that honours Retry-After. */
export async function streamCompletion(opts: StreamOptions): Promise<StreamResult> {
  for (let attempt = 1; ; attempt++) {
    let sent = false;
    try {
      return await streamOnce({
        ...opts,
        onText: (text) => {
          sent = true;
          opts.onText(text);
        },
      });
    } catch (error) {
      const status = error instanceof APIError ? error.status : undefined;
      // Never retry once text has reached the user: a second answer would replace the first.
      if (opts.signal.aborted || sent || !isRetryableStatus(status)) throw error;
      const headers = error instanceof APIError ? error.headers : undefined;
      const delayMs = retryDelay(attempt, retryAfterFromHeaders(headers, Date.now()));
      if (delayMs === undefined) throw error;
      opts.onRetry?.({ attempt, delayMs, status });
      await sleep(delayMs, opts.signal);
    }
  }
}
