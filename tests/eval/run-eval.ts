/**
 * npm run eval -- --dir IMAGES --style S [--detail D] [--language L] [--out FILE]
 *
 * Runs every image in a folder through the same prompt code as the extension, against a real
 * provider, and writes a Markdown report: the prompt per image, tokens and time. The provider
 * comes from the environment: PROMPTLENS_PROVIDER (a preset id, default openai),
 * PROMPTLENS_BASE_URL and PROMPTLENS_MODEL (default: the preset's), PROMPTLENS_API_KEY.
 * Images are sent as they are on disk (no canvas in Node): use files ≤ 2048 px for
 * realistic token counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguageCode, englishName, type LanguageCode } from '../../lib/languages';
import { readDimensions } from '../../lib/image/dimensions';
import { sniffFormat } from '../../lib/image/sniff';
import { buildMessages, structuredOutputFor } from '../../lib/prompt/build-messages';
import { DETAIL_LEVELS, isDetailLevel, type DetailLevel } from '../../lib/prompt/detail';
import { finalizePrompt } from '../../lib/prompt/finalize';
import { DEFAULT_MIDJOURNEY } from '../../lib/prompt/midjourney';
import { STYLE_IDS, isStyleId, type StyleId } from '../../lib/prompt/styles';
import { classifyError } from '../../lib/providers/classify-error';
import { createClient } from '../../lib/providers/client';
import { PRESETS, isProviderId, type ProviderPreset } from '../../lib/providers/presets';
import { buildChatRequest } from '../../lib/providers/request-params';
import { streamCompletion } from '../../lib/providers/stream-completion';

export interface EvalConfig {
  dir: string;
  style: StyleId;
  detail: DetailLevel;
  language: LanguageCode;
  preset: ProviderPreset;
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

export interface EvalResult {
  file: string;
  width?: number;
  height?: number;
  ms: number;
  promptTokens?: number;
  completionTokens?: number;
  prompt?: string;
  kind?: string;
  error?: string;
}

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export async function evaluateImage(config: EvalConfig, file: string): Promise<EvalResult> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const mime = MIME[sniffFormat(bytes)];
  const size = readDimensions(bytes);
  const started = performance.now();
  const result: EvalResult = { file: path.basename(file), width: size?.width, height: size?.height, ms: 0 };
  try {
    if (!mime || !size) throw new Error('not a JPEG, PNG, WebP or GIF image');
    const url = `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
    const spec = { style: config.style, detail: config.detail, language: englishName(config.language) };
    const body = buildChatRequest(
      config.preset,
      config.model,
      buildMessages(spec, { url, ...size, detailHint: config.preset.imageDetail }),
      { structured: structuredOutputFor(spec) },
    );
    const streamed = await streamCompletion({
      client: createClient(config),
      body,
      timeoutMs: config.timeoutMs,
      signal: new AbortController().signal,
      onText: () => undefined,
    });
    const final = finalizePrompt(streamed.text, {
      style: config.style,
      detail: config.detail,
      original: size,
      midjourney: DEFAULT_MIDJOURNEY,
      refusal: streamed.refusal,
    });
    Object.assign(result, {
      prompt: final.text,
      kind: final.kind,
      promptTokens: streamed.usage?.promptTokens,
      completionTokens: streamed.usage?.completionTokens,
    });
  } catch (error) {
    const info = classifyError(error, config.preset.local);
    result.error = [info.code, info.status, info.detail].filter((x) => x !== undefined).join(' ');
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

export function renderReport(config: EvalConfig, results: EvalResult[], date = new Date()): string {
  const ok = results.filter((r) => !r.error);
  const times = ok.map((r) => r.ms).sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)] : undefined;
  const sum = (key: 'promptTokens' | 'completionTokens') => ok.reduce((n, r) => n + (r[key] ?? 0), 0);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const lines = [
    `# PromptLens eval: ${config.style}, ${config.detail}, ${englishName(config.language)}`,
    '',
    `${date.toISOString()} · ${config.preset.name} · \`${config.model}\` · ${config.baseUrl}`,
    '',
    `${ok.length} of ${results.length} images · median ${median ?? '—'} ms · ${sum('promptTokens')} tokens ` +
      `in, ${sum('completionTokens')} out`,
    '',
    '| Image | Size | Time (ms) | Tokens in | Tokens out | Result |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${cell(r.file)} | ${r.width ? `${r.width}×${r.height}` : '—'} | ${r.ms} | ${r.promptTokens ?? '—'} ` +
        `| ${r.completionTokens ?? '—'} | ${r.error ? `error: ${cell(r.error)}` : r.kind} |`,
    ),
    '',
  ];
  for (const r of results) {
    lines.push(
      `## ${r.file}`,
      '',
      r.error
        ? `Error: ${r.error}`
        : [`\`\`\`${r.kind === 'json' ? 'json' : 'text'}`, r.prompt ?? '', '```'].join('\n'),
      '',
    );
  }
  return lines.join('\n');
}

export async function runEval(config: EvalConfig): Promise<{ report: string; results: EvalResult[] }> {
  const files = fs
    .readdirSync(config.dir)
    .filter((f) => /\.(jpe?g|png|webp|gif)$/i.test(f))
    .sort()
    .map((f) => path.join(config.dir, f));
  if (!files.length) throw new Error(`No JPEG, PNG, WebP or GIF images in ${config.dir}`);
  const results: EvalResult[] = [];
  for (const file of files) results.push(await evaluateImage(config, file));
  return { report: renderReport(config, results), results };
}

export function configFromArgs(argv: string[], env: NodeJS.ProcessEnv): EvalConfig & { out: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      style: { type: 'string', default: 'natural' },
      detail: { type: 'string', default: 'standard' },
      language: { type: 'string', default: 'en' },
      out: { type: 'string' },
      timeout: { type: 'string', default: '60' },
    },
  });
  if (!values.dir)
    throw new Error('Usage: npm run eval -- --dir IMAGES [--style S] [--detail D] [--language L] [--out FILE]');
  if (!isStyleId(values.style)) throw new Error(`--style must be one of ${STYLE_IDS.join(', ')}`);
  if (!isDetailLevel(values.detail)) throw new Error(`--detail must be one of ${DETAIL_LEVELS.join(', ')}`);
  if (!isLanguageCode(values.language)) throw new Error(`--language must be a language code such as en, ja, pt-BR`);
  const providerId = env.PROMPTLENS_PROVIDER ?? 'openai';
  if (!isProviderId(providerId))
    throw new Error(`PROMPTLENS_PROVIDER must be a preset id such as openai, gemini, ollama`);
  const preset = PRESETS[providerId];
  const apiKey = env.PROMPTLENS_API_KEY ?? '';
  if (preset.needsKey && !apiKey) throw new Error(`Set PROMPTLENS_API_KEY for ${preset.name}`);
  return {
    dir: values.dir,
    style: values.style,
    detail: values.detail,
    language: values.language,
    preset,
    baseUrl: env.PROMPTLENS_BASE_URL ?? preset.baseUrl,
    model: env.PROMPTLENS_MODEL ?? preset.defaultModel,
    apiKey,
    timeoutMs: Number(values.timeout) * 1000,
    out:
      values.out ?? path.join('eval-results', `${values.style}-${new Date().toISOString().replace(/[:.]/g, '-')}.md`),
  };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const config = configFromArgs(argv, env);
  const { report, results } = await runEval(config);
  fs.mkdirSync(path.dirname(config.out), { recursive: true });
  fs.writeFileSync(config.out, report);
  const failed = results.filter((r) => r.error).length;
  console.log(`${results.length - failed} of ${results.length} images → ${config.out}`);
  return failed ? 1 : 0;
}
