import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '@/lib/providers/presets';
import { FakeProvider } from '../e2e/support/fake-provider';
import { configFromArgs, runEval, type EvalConfig } from '../eval/run-eval';

let provider: FakeProvider;
let dir: string;

beforeAll(async () => {
  provider = await new FakeProvider().start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptlens-eval-'));
  fs.copyFileSync('public/icon/128.png', path.join(dir, 'square.png'));
  fs.copyFileSync('public/icon/16.png', path.join(dir, 'tiny.png'));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not an image');
});
afterAll(async () => {
  await provider.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const config = (): EvalConfig => ({
  dir,
  style: 'midjourney',
  detail: 'short',
  language: 'en',
  preset: PRESETS.openai,
  baseUrl: provider.baseUrl,
  model: 'gpt-5.4-mini',
  apiKey: provider.apiKey,
  timeoutMs: 10_000,
});

describe('npm run eval (plumbing, against the fake provider)', () => {
  it('sends each image with the extension’s own request, and reports prompt, tokens and time per image', async () => {
    provider.reply(
      { kind: 'stream', text: 'lens icon, violet gradient, flat design --ar 2:1' },
      { kind: 'error', status: 500 },
      { kind: 'error', status: 500 },
      { kind: 'error', status: 500 },
    );
    const { report, results } = await runEval(config());
    expect(results.map((r) => r.file)).toEqual(['square.png', 'tiny.png']);
    expect(provider.requests.every((r) => r.violations.length === 0)).toBe(true);
    expect(provider.requests[0]!.image!.mime).toBe('image/png');
    expect(results[0]).toMatchObject({
      width: 128,
      height: 128,
      prompt: 'lens icon, violet gradient, flat design --ar 1:1',
      promptTokens: 812,
      kind: 'text',
    });
    expect(results[1]!.error).toMatch(/^server 500/);
    expect(report).toContain('| square.png | 128×128 |');
    expect(report).toContain('lens icon, violet gradient, flat design --ar 1:1');
    expect(report).toContain('1 of 2 images');
    expect(report).toMatch(/error: server 500/);
  });

  it('reads its settings from arguments and the environment, and refuses bad ones clearly', () => {
    const parsed = configFromArgs(['--dir', dir, '--style', 'flux', '--detail', 'detailed', '--language', 'ja'], {
      PROMPTLENS_PROVIDER: 'gemini',
      PROMPTLENS_API_KEY: 'k',
    });
    expect(parsed).toMatchObject({
      style: 'flux',
      detail: 'detailed',
      language: 'ja',
      model: PRESETS.gemini.defaultModel,
      baseUrl: PRESETS.gemini.baseUrl,
    });
    expect(() => configFromArgs(['--style', 'flux'], {})).toThrow(/Usage/);
    expect(() => configFromArgs(['--dir', dir, '--style', 'cubism'], { PROMPTLENS_API_KEY: 'k' })).toThrow(
      /--style must be one of/,
    );
    expect(() => configFromArgs(['--dir', dir], {})).toThrow(/PROMPTLENS_API_KEY/);
    expect(configFromArgs(['--dir', dir], { PROMPTLENS_PROVIDER: 'ollama' }).apiKey).toBe('');
  });
});
