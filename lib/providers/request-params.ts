import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { JSON_PROMPT_SCHEMA } from '../prompt/json-prompt';
import type { ProviderPreset } from './presets';

/** Room for a detailed prompt, plus the hidden reasoning tokens of reasoning models. */
export const MAX_OUTPUT_TOKENS = 2048;

/** The request body for a preset: only fields that preset's server accepts. */
export function buildChatRequest(
  preset: ProviderPreset,
  model: string,
  messages: ChatCompletionMessageParam[],
  { json = false }: { json?: boolean } = {},
): ChatCompletionCreateParamsStreaming {
  const body: ChatCompletionCreateParamsStreaming = { model, messages, stream: true };
  if (json && preset.jsonSchema) {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: 'image_prompt', strict: true, schema: JSON_PROMPT_SCHEMA as unknown as Record<string, unknown> },
    };
  }
  if (preset.tokenParam === 'max_completion_tokens') body.max_completion_tokens = MAX_OUTPUT_TOKENS;
  else body.max_tokens = MAX_OUTPUT_TOKENS;
  if (preset.streamUsage) body.stream_options = { include_usage: true };
  return body;
}
