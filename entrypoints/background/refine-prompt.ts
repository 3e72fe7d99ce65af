import { JobFailure } from '@/lib/errors';
import { getGeneration } from '@/lib/history/generations';
import { getJob } from '@/lib/jobs/job-store';
import { failJob, finishJob, newJobOnImageOf, queueJob, startJob } from '@/lib/jobs/lifecycle';
import { englishName } from '@/lib/languages';
import { instructionFor, structuredOutputFor, type PromptSpec } from '@/lib/prompt/build-messages';
import { finalizePrompt } from '@/lib/prompt/finalize';
import { refineMessages } from '@/lib/scoring/messages';
import { saveRefinedJob } from '@/lib/scoring/score-store';
import { waitForSlot } from './job-queue';
import { currentProvider } from './provider-config';
import { askVision, scoreGeneration, visionError } from './score-generation';
import { throttledTextWriter } from './throttled-text-writer';
import { assertVision, imagePair } from './vision-pair';

/**
 * "Refine": the vision model sees the original, the recreation, the prompt it came from and what
 * differed, and writes a better prompt in the same style (or template). The new prompt is a new
 * prompt of the same history entry, streamed like any other. Scores the recreation first when
 * it has no verdict yet. Answers the new prompt's job id once it is written; rejects when it
 * could not be (the job, or the score, keeps the reason).
 */
export async function refinePrompt(generationId: string, signal: AbortSignal): Promise<string> {
  let generation = await getGeneration(generationId);
  if (!generation?.score?.verdict || generation.score.status !== 'done') {
    await scoreGeneration(generationId, signal);
    generation = await getGeneration(generationId);
  }
  const source = generation && (await getJob(generation.jobId));
  const verdict = generation?.score?.verdict;
  if (!generation || !source || !verdict) throw new JobFailure({ code: 'no-image' });
  const config = await currentProvider();
  const job = newJobOnImageOf(source, { provider: config.settings.provider, model: config.model });
  const stored = queueJob(job);
  await Promise.all([stored, saveRefinedJob(generationId, job.id)]);
  const writer = throttledTextWriter(job.id, stored);
  let freeSlot: (() => void) | undefined;
  try {
    await assertVision(config);
    const original = {
      width: source.image?.originalWidth ?? generation.width ?? 1024,
      height: source.image?.originalHeight ?? generation.height ?? 1024,
    };
    const spec: PromptSpec = {
      style: source.style,
      template: source.template,
      detail: source.detail,
      language: englishName(source.language),
    };
    const messages = refineMessages(await imagePair(generation, config), {
      styleInstruction: instructionFor(spec, original),
      prompt: source.text,
      differences: verdict.differences,
    });
    freeSlot = await waitForSlot({
      jobId: job.id,
      order: Date.now(),
      limit: config.settings.concurrency,
      signal,
      stored: () => stored,
    });
    await startJob(job.id);
    const result = await askVision(config, messages, {
      structured: structuredOutputFor(spec),
      signal,
      onText: (text) => writer.push(text),
    });
    await writer.settle();
    const final = finalizePrompt(result.text, {
      style: source.template ? undefined : source.style,
      detail: source.detail,
      original,
      midjourney: config.settings.midjourney,
      refusal: result.refusal,
    });
    await finishJob(job.id, { text: final.text, kind: final.kind, usage: result.usage });
    if (final.kind === 'refusal') throw new JobFailure({ code: 'refused', detail: final.text });
    return job.id;
  } catch (error) {
    await writer.settle();
    const info = visionError(error, signal, config);
    // A refusal is the job's answer, already stored as such.
    if (info.code !== 'refused') await failJob(job.id, info);
    throw new JobFailure(info);
  } finally {
    freeSlot?.();
  }
}
