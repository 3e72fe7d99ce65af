/** Custom templates: the user's own instruction, with variables filled in per image. */
import type { DetailLevel } from './detail';
import { OUTPUT_RULES } from './styles/style';

export interface CustomTemplate {
  id: string;
  name: string;
  /** The instruction; may use {language}, {detail}, {aspect_ratio}, {width}, {height}. */
  text: string;
}

export const TEMPLATE_VARIABLES = ['language', 'detail', 'aspect_ratio', 'width', 'height'] as const;
export type TemplateVariables = Record<(typeof TEMPLATE_VARIABLES)[number], string>;

/** Known {variables} are replaced; anything else in braces is left as the user wrote it. */
export function renderTemplate(text: string, vars: TemplateVariables): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? vars[name as keyof TemplateVariables] : match,
  );
}

export function templateInstruction(template: CustomTemplate, vars: TemplateVariables): string {
  return `${renderTemplate(template.text.trim(), vars)} ${OUTPUT_RULES}`;
}

export function describeDetail(detail: DetailLevel): string {
  return { short: 'short and concise', standard: 'moderately detailed', detailed: 'richly detailed' }[detail];
}
