/**
 * A provider's error answer → GenerationError. Each API words its errors differently:
 * OpenAI `{error:{message,type,code}}` (code `moderation_blocked` / `content_policy_violation`
 * for refusals), OpenRouter `{error:{code,message,metadata:{reasons}}}` (403 = flagged by
 * moderation), Gemini `{error:{code,message,status,details:[{reason}]}}` (a bad key is a 400
 * with reason API_KEY_INVALID), fal and A1111 (FastAPI) `{detail: string | [{loc,msg,type}]}`.
 */
import { retryAfterFromHeaders } from '../providers/retry-policy';
import { codeForStatus, type GenerationError } from './generation-error';
import { shorten } from '../errors';

const POLICY_CODES = new Set(['moderation_blocked', 'content_policy_violation', 'content_filter']);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  const record = asRecord(body);
  if (!record) return undefined;
  const error = record.error;
  if (typeof error === 'string') return error;
  const inner = asRecord(error);
  if (typeof inner?.message === 'string') return inner.message;
  const detail = record.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => {
        const item = asRecord(d);
        const loc = Array.isArray(item?.loc) ? item.loc.join('.') : '';
        return `${loc ? `${loc}: ` : ''}${String(item?.msg ?? '')}`;
      })
      .join('; ');
  }
  return typeof record.message === 'string' ? record.message : undefined;
}

function isPolicyRefusal(status: number, body: unknown): boolean {
  const error = asRecord(asRecord(body)?.error);
  if (!error) return false;
  if (typeof error.code === 'string' && POLICY_CODES.has(error.code)) return true;
  if (typeof error.type === 'string' && POLICY_CODES.has(error.type)) return true;
  const metadata = asRecord(error.metadata);
  return status === 403 && !!metadata && ('reasons' in metadata || 'flagged_input' in metadata);
}

function isInvalidKey(body: unknown): boolean {
  const details = asRecord(asRecord(body)?.error)?.details;
  return Array.isArray(details) && details.some((d) => asRecord(d)?.reason === 'API_KEY_INVALID');
}

export function httpError(
  status: number,
  body: unknown,
  headers: Headers | undefined,
  local: boolean,
): GenerationError {
  const detail = messageOf(body);
  const retryAfter = status === 429 ? retryAfterFromHeaders(headers, Date.now()) : undefined;
  const code = isPolicyRefusal(status, body)
    ? 'content-policy'
    : isInvalidKey(body)
      ? 'unauthorized'
      : codeForStatus(status, local);
  return {
    code,
    status,
    local,
    ...(detail ? { detail: shorten(detail) } : {}),
    ...(retryAfter !== undefined ? { retryAfterSeconds: Math.ceil(retryAfter / 1000) } : {}),
  };
}

/** The body of an error answer: JSON where it is JSON, the text otherwise (a proxy's HTML page). */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}
