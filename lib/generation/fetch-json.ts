/** JSON over fetch for the adapters that do not go through the openai SDK. */
import { fail, GenerationFailure } from './generation-error';
import { httpError, readErrorBody } from './http-error';

export interface JsonCall {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  signal: AbortSignal;
  local: boolean;
}

export async function fetchJson<T>(
  url: string,
  { method = 'POST', headers = {}, body, signal, local }: JsonCall,
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal,
  });
  if (!response.ok)
    throw new GenerationFailure(httpError(response.status, await readErrorBody(response), response.headers, local));
  try {
    return (await response.json()) as T;
  } catch (error) {
    fail('no-image-in-answer', { status: response.status, detail: `not JSON: ${String(error)}` });
  }
}
