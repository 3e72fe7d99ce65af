import { updateJob } from '@/lib/jobs/job-store';

/** How often streamed text is written to the database (the popup follows it live). */
const WRITE_EVERY_MS = 80;

/**
 * Streamed text → at most one database write per interval, the latest text winning. The first
 * words are written at once: they are what the user is waiting to see (measured in the user-wait
 * bench: the interval was added to every first word).
 */
export function throttledTextWriter(jobId: string, stored: Promise<unknown> = Promise.resolve()) {
  let latest = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Promise<void> | undefined;
  const flush = () => {
    timer = undefined;
    const text = latest;
    // Never before the job's record: the request does not wait for that write, the text does.
    last = stored.then(() => updateJob(jobId, { text }));
  };
  return {
    push(text: string) {
      latest = text;
      if (!last) flush();
      else timer ??= setTimeout(flush, WRITE_EVERY_MS);
    },
    /** Writes what is still pending, so partial text survives a failure. */
    async settle() {
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      await last?.catch(() => undefined);
    },
  };
}
