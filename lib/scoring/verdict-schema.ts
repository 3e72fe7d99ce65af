/**
 * "How close?": the vision model's verdict on a recreation, as data. The schema goes out as
 * structured output where the provider supports it (OpenAI's strict mode: every property
 * required, no extra ones) and checks every answer after repair (verdict.ts). Plain data: the
 * build's validator plugin imports it in Node.
 */
/** The sub-scores, in the order the page shows them. */
export const ASPECTS = ['subject', 'composition', 'style', 'colour', 'lighting'] as const;
export type Aspect = (typeof ASPECTS)[number];

export interface Verdict {
  /** 0–100: how close the recreation is to the original overall. */
  overall: number;
  scores: Record<Aspect, number>;
  /** Concrete differences, most important first: what a better prompt would fix. */
  differences: string[];
}

/** Enough for the refine step, short enough to read at a glance. */
export const MAX_DIFFERENCES = 6;

const score = (description: string) => ({ type: 'integer', minimum: 0, maximum: 100, description });

export const VERDICT_SCHEMA = {
  type: 'object',
  properties: {
    overall: score('How close the recreation is to the original overall, 0 (unrelated) to 100 (the same picture).'),
    subject: score('Same subjects, objects and their details.'),
    composition: score('Same framing, layout, viewpoint and placement.'),
    style: score('Same style and medium (photo, painting, 3D render, illustration…).'),
    colour: score('Same palette and colour balance.'),
    lighting: score('Same light direction, quality and time of day.'),
    differences: {
      type: 'array',
      items: { type: 'string' },
      description: 'Concrete differences, most important first; each one short sentence.',
    },
  },
  required: ['overall', ...ASPECTS, 'differences'],
  additionalProperties: false,
} as const;

export const VERDICT_SCHEMA_NAME = 'image_comparison';
