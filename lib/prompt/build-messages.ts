import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { styleInstruction, type StyleId } from './styles';

export interface PromptInput {
  style: StyleId;
  /** A base64 data URL of the normalized image. */
  imageUrl: string;
  /** Send OpenAI's `detail` hint (only to servers that understand it). */
  imageDetail: boolean;
}

export function buildMessages({ style, imageUrl, imageDetail }: PromptInput): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: styleInstruction(style) },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Write the prompt for this image.' },
        { type: 'image_url', image_url: imageDetail ? { url: imageUrl, detail: 'high' } : { url: imageUrl } },
      ],
    },
  ];
}
