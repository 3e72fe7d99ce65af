import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { nearestAspectRatio } from './aspect-ratio';
import type { DetailLevel } from './detail';
import { styleOf, type StyleId } from './styles';
import type { StructuredOutput } from './styles/style';
import { describeDetail, templateInstruction, type CustomTemplate } from './templates';

/** What to write: a built-in style or the user's template, how detailed, in which language. */
export interface PromptSpec {
  style: StyleId;
  template?: CustomTemplate;
  detail: DetailLevel;
  /** The language's English name, e.g. "Japanese". */
  language: string;
}

export interface ImageForPrompt {
  /** A base64 data URL of the normalized image. */
  url: string;
  /** The original's size: aspect ratios come from it, not from the downscaled copy. */
  width: number;
  height: number;
  /** Send OpenAI's `detail` hint (only to servers that understand it). */
  detailHint: boolean;
}

export const USER_REQUEST = 'Write the prompt for this image.';

export function instructionFor(spec: PromptSpec, image: Pick<ImageForPrompt, 'width' | 'height'>): string {
  if (!spec.template) {
    const style = styleOf(spec.style);
    return style.instruction(style.budgets[spec.detail], spec.language);
  }
  return templateInstruction(spec.template, {
    language: spec.language,
    detail: describeDetail(spec.detail),
    aspect_ratio: nearestAspectRatio(image.width, image.height),
    width: String(image.width),
    height: String(image.height),
  });
}

/** The schema to ask for as structured output, if the style has one (a custom template never does). */
export function structuredOutputFor(spec: PromptSpec): StructuredOutput | undefined {
  return spec.template ? undefined : styleOf(spec.style).structuredOutput;
}

export function buildMessages(spec: PromptSpec, image: ImageForPrompt): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: instructionFor(spec, image) },
    {
      role: 'user',
      content: [
        { type: 'text', text: USER_REQUEST },
        { type: 'image_url', image_url: image.detailHint ? { url: image.url, detail: 'high' } : { url: image.url } },
      ],
    },
  ];
}
