import { describe, expect, it } from 'vitest';
import { announcement } from '@/components/job/job-announcement';

const job = (status: 'queued' | 'running' | 'done' | 'failed', text = '', kind?: 'text' | 'refusal') =>
  ({ status, text, kind }) as Parameters<typeof announcement>[0];

describe('announcement (what a screen reader hears about a job)', () => {
  it('says nothing of the partial text while the job is waiting or being written', () => {
    expect(announcement(job('queued'), true)).toBeNull();
    expect(announcement(job('running', 'A red fox in'), true)).toBeNull();
  });

  it('reads the finished prompt once the watched job is done', () => {
    expect(announcement(job('done', 'A red fox in fresh snow'), true)).toEqual({
      key: 'status.done',
      text: 'A red fox in fresh snow',
    });
  });

  it('says a refusal is a refusal, not a prompt', () => {
    expect(announcement(job('done', "I'm sorry, I can't", 'refusal'), true)).toEqual({ key: 'popup.refusalTitle' });
  });

  it('stays quiet for a finished job only opened from the history, and for a failure (its panel is an alert)', () => {
    expect(announcement(job('done', 'A red fox'), false)).toBeNull();
    expect(announcement(job('failed'), true)).toBeNull();
  });
});
