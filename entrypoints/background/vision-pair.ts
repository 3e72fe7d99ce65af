/**
 * The two pictures "How close?" and "Refine" show the vision model: the stored original and
 * a recreation, each scaled for the user's vision provider. Comparing needs less than writing
 * a prompt did: both fit 1024 px, and together stay within what the provider takes in one request.
 */
import { JobFailure } from '@/lib/errors';
import { db } from '@/lib/history/db';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { blobToDataUrl } from '@/lib/image/data-url';
import { normalizeImage } from '@/lib/image/normalize';
import { sniffFormat } from '@/lib/image/sniff';
import { resolveLanguage, englishName } from '@/lib/languages';
import type { ImagePair } from '@/lib/scoring/messages';
import { assertConsent } from './consent-gate';
import { assertConfigured, type ProviderConfig } from './provider-config';
import { browser } from 'wxt/browser';

const COMPARE_LIMITS = { box: 1024, shortSide: 768 };

async function scaled(blob: Blob, config: ProviderConfig): Promise<string> {
  const format = sniffFormat(new Uint8Array(await blob.slice(0, 64).arrayBuffer()));
  const image = await normalizeImage(
    blob,
    format,
    { ...COMPARE_LIMITS, longEdge: Math.min(COMPARE_LIMITS.box, config.preset.maxLongEdge) },
    Math.floor(config.preset.maxImageBytes / 2),
  );
  return blobToDataUrl(image.blob);
}

/** The stored original (the bounded image cache may have let it go: then its thumbnail). */
async function originalOf(entryId: string): Promise<Blob> {
  const blob = (await db.images.get(entryId))?.blob ?? (await db.thumbnails.get(entryId))?.blob;
  if (!blob) throw new JobFailure({ code: 'no-image' });
  return blob;
}

export async function imagePair(generation: StoredGeneration, config: ProviderConfig): Promise<ImagePair> {
  if (generation.status !== 'done' || !generation.blob) throw new JobFailure({ code: 'no-image' });
  const [original, recreation] = await Promise.all([
    originalOf(generation.entryId).then((blob) => scaled(blob, config)),
    scaled(generation.blob, config),
  ]);
  return { original, recreation, detailHint: config.preset.imageDetail };
}

/**
 * The vision provider as set up now, checked like a prompt job's: address, key, model, and the
 * user's OK to send images there. Chrome's built-in model takes one image at a time: it cannot compare.
 */
export async function assertVision(config: ProviderConfig): Promise<void> {
  if (config.preset.kind === 'on-device') throw new JobFailure({ code: 'score-unsupported' });
  assertConfigured(config);
  await assertConsent(config);
}

/** The differences are read by the user: in the interface language. */
export function readerLanguage(config: ProviderConfig): string {
  return englishName(resolveLanguage(config.settings.uiLanguage, browser.i18n.getUILanguage()));
}
