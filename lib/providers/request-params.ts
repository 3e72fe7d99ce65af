import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { StructuredOutput } from '../prompt/styles/style';
import type { ProviderPreset } from './presets';

/** Room for a detailed prompt, plus the hidden reasoning tokens of reasoning models. */
export const MAX_OUTPUT_TOKENS = 2048;

/** The request body for a preset: only fields that preset's server accepts. */
export function buildChatRequest(
  preset: ProviderPreset,
  model: string,
  messages: ChatCompletionMessageParam[],
  { structured }: { structured?: StructuredOutput } = {},
): ChatCompletionCreateParamsStreaming {
  const body: ChatCompletionCreateParamsStreaming = { model, messages, stream: true };
  if (structured && preset.jsonSchema) {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: structured.name, strict: true, schema: structured.schema },
    };
  }
  if (preset.tokenParam === 'max_completion_tokens') body.max_completion_tokens = MAX_OUTPUT_TOKENS;
  else body.max_tokens = MAX_OUTPUT_TOKENS;
  if (preset.streamUsage) body.stream_options = { include_usage: true };
  return body;
}
