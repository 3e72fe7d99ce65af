import { updateJob } from '@/lib/jobs/job-store';

/** How often streamed text is written to the database (the popup follows it live). */
const WRITE_EVERY_MS = 80;

/** Streamed text → at most one database write per interval, the latest text winning. */
export function throttledTextWriter(jobId: string) {
  let latest = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = undefined;
    last = updateJob(jobId, { text: latest });
  };
  return {
    push(text: string) {
      latest = text;
      timer ??= setTimeout(flush, WRITE_EVERY_MS);
    },
    /** Writes what is still pending, so partial text survives a failure. */
    async settle() {
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      await last.catch(() => undefined);
    },
  };
}
