import type { TFunction } from 'i18next';
import type { ErrorCode, JobError } from './job-error';

export interface ErrorContext {
  /** The provider's display name. */
  provider: string;
  model: string;
}

export interface ErrorText {
  /** What went wrong. */
  title: string;
  /** What to do next. */
  hint: string;
  /** The provider's or browser's own words, if any. */
  detail?: string;
}

/** Codes whose words live in their feature's own section of the locale files. */
const TEXT_HOME: Partial<Record<ErrorCode, string>> = {
  'consent-required': 'privacy.errors.consentRequired',
  'storage-full': 'privacy.errors.storageFull',
  incomplete: 'queue.errors.incomplete',
  'bad-response': 'queue.errors.bad-response',
};

/** A stored failure → words for the user: the cause, then the next step. */
export function describeError(error: JobError, context: ErrorContext, t: TFunction): ErrorText {
  const vars = {
    provider: context.provider,
    model: context.model,
    status: error.status ?? '—',
    count: error.retryAfterSeconds ?? 0,
  };
  const code = error.code;
  const home = TEXT_HOME[code] ?? `errors.${code}`;
  let hintKey = `${home}.hint`;
  if (error.local && (code === 'forbidden' || code === 'model-not-found' || code === 'unreachable')) {
    hintKey = `errors.${code}.hintLocal`;
  } else if (code === 'rate-limited' && error.retryAfterSeconds) {
    hintKey = 'errors.rate-limited.hintWait';
  }
  const text: ErrorText = {
    title: t(`${home}.title` as never, vars) as string,
    hint: t(hintKey as never, vars) as string,
  };
  // First-strong isolates: the provider's (usually English) words keep their own direction
  // inside an Arabic sentence instead of having their punctuation flipped.
  if (error.detail) text.detail = t('errors.detail', { detail: `\u2068${error.detail}\u2069` });
  return text;
}
