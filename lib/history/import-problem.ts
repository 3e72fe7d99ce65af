/**
 * Why an import file was refused, as data: the options page words it in the user's language.
 * `path` is where in the entry (or file) the problem is, as a programmer would write it:
 * "prompts[2].text". `entry` counts from 1, as a person counts.
 */
export type ImportRule =
  | { rule: 'type'; type: 'string' | 'number' | 'boolean' | 'object' | 'array' }
  | { rule: 'required' }
  | { rule: 'enum'; value: string }
  | { rule: 'const'; value: string }
  | { rule: 'minimum'; limit: number }
  | { rule: 'empty' }
  | { rule: 'data-url' }
  | { rule: 'duplicate'; other: number }
  | { rule: 'invalid' };

export type ImportProblem =
  | { code: 'too-large'; size: number; limit: number }
  | { code: 'read-failed'; detail: string }
  | { code: 'not-json'; detail: string }
  | { code: 'not-export' }
  | { code: 'newer-version'; version: number; supported: number }
  | ({ code: 'invalid'; entry?: number; path: string } & ImportRule)
  | { code: 'storage-full' }
  | { code: 'write-failed'; detail: string };

export type ImportOutcome<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

export const refuse = (problem: ImportProblem): { ok: false; problem: ImportProblem } => ({ ok: false, problem });
