/**
 * A Start request as it arrives over messaging, checked field by field before anything is
 * stored or fetched: only our pages may send it, but what they send is still data from a scan of
 * someone else's page.
 */
import { isDetailLevel } from '../prompt/detail';
import { isStyleId } from '../prompt/styles';
import type { BatchStartRequest } from './batch-record';
import { MAX_BATCH_IMAGES } from './candidates';
import type { BatchCandidate, FoundImageKind, PictureSource, SrcsetCandidate } from './found-image';

const KINDS: ReadonlySet<FoundImageKind> = new Set(['url', 'blob', 'canvas', 'video', 'svg']);
const MAX_URL = 8192;
const MAX_TEXT = 1000;
const MAX_RENDITIONS = 64;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isSize = (value: unknown) => isRecord(value) && Number.isFinite(value.width) && Number.isFinite(value.height);
const isText = (value: unknown, max = MAX_TEXT): value is string => typeof value === 'string' && value.length <= max;
const isOptional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isUrl = (value: unknown) => isText(value, MAX_URL) && /^(https?|blob):/i.test(value);
const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

const isRendition = (value: unknown): value is SrcsetCandidate =>
  isRecord(value) && isUrl(value.url) && isOptional(value.w, isPositive) && isOptional(value.x, isPositive);

const isRenditions = (value: unknown) =>
  Array.isArray(value) && value.length <= MAX_RENDITIONS && value.every(isRendition);

const isSource = (value: unknown): value is PictureSource =>
  isRecord(value) &&
  isRenditions(value.candidates) &&
  isOptional(value.type, (type) => isText(type, 100)) &&
  isOptional(value.media, isText) &&
  isOptional(value.mediaMatches, (matches) => typeof matches === 'boolean');

function isCandidate(value: unknown): value is BatchCandidate {
  return (
    isRecord(value) &&
    isText(value.id, MAX_URL) &&
    value.id.length > 0 &&
    KINDS.has(value.kind as FoundImageKind) &&
    isOptional(value.url, isUrl) &&
    (value.kind !== 'url' || value.url !== undefined) &&
    isSize(value.displayed) &&
    isOptional(value.natural, isSize) &&
    isRenditions(value.srcset) &&
    Array.isArray(value.sources) &&
    value.sources.length <= MAX_RENDITIONS &&
    value.sources.every(isSource) &&
    isText(value.name) &&
    isCount(value.frameId) &&
    isOptional(value.elementRef, isText) &&
    isCount(value.count)
  );
}

/** The request if every field is as the Batch page sends it; undefined otherwise. */
export function validStartRequest(value: unknown): BatchStartRequest | undefined {
  if (!isRecord(value)) return undefined;
  const { tabId, pageUrl, pageTitle, style, detail, candidates } = value;
  if (!isCount(tabId) || !isText(pageUrl, MAX_URL) || !isText(pageTitle)) return undefined;
  if (!isStyleId(style) || !isDetailLevel(detail)) return undefined;
  if (!Array.isArray(candidates) || candidates.length === 0 || candidates.length > MAX_BATCH_IMAGES) return undefined;
  if (!candidates.every(isCandidate)) return undefined;
  // Item ids key the batch's files and the page's cards.
  if (new Set(candidates.map((candidate) => candidate.id)).size !== candidates.length) return undefined;
  return { tabId, pageUrl, pageTitle, style, detail, candidates };
}
