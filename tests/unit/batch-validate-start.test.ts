import { describe, expect, it } from 'vitest';
import { validStartRequest } from '@/lib/batch/validate-start';
import { candidate } from './fixtures/batch';

const good = () => ({
  tabId: 3,
  pageUrl: 'https://gallery.test/',
  pageTitle: 'A gallery',
  style: 'flux',
  detail: 'short',
  candidates: [candidate(1), candidate(2, 'canvas')],
});

describe('a Start request from the Batch page', () => {
  it('passes as sent', () => {
    expect(validStartRequest(good())).toEqual(good());
  });

  it.each([
    ['an unknown style', { style: 'picasso' }],
    ['no images', { candidates: [] }],
    ['more than 500 images', { candidates: Array.from({ length: 501 }, (_, i) => candidate(i)) }],
    ['the same image twice', { candidates: [candidate(1), candidate(1)] }],
    ['a javascript: address', { candidates: [{ ...candidate(1), url: 'javascript:alert(1)' }] }],
    ['an address image without its address', { candidates: [{ ...candidate(1), url: undefined }] }],
    ['a kind the runner does not know', { candidates: [{ ...candidate(1), kind: 'iframe' }] }],
    ['no tab', { tabId: -1 }],
  ])('is refused with %s', (_case, change) => {
    expect(validStartRequest({ ...good(), ...change })).toBeUndefined();
  });
});
