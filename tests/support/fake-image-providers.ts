/**
 * Test doubles for the image-generation APIs, written from their published docs: same paths,
 * same body shapes, same status codes and error JSON. One Node server on an ephemeral port,
 * each API under its own prefix (use the `*Base` getters as the provider's base URL):
 * - OpenAI `/openai/v1/images/generations`: every body checked against CreateImageRequest;
 *   `{created, data:[{b64_json}], usage}` for GPT image models, URLs for DALL·E unless b64_json;
 * - xAI `/xai/v1/images/generations`: the same shape, and a 400 for `size` as grok-2-image does;
 * - OpenRouter `/openrouter/api/v1/chat/completions` with `modalities`: images as data URLs;
 * - Gemini `/gemini/v1beta/models/{model}:generateContent`: `inlineData` parts;
 * - fal `/fal/{model}`: the queue, IN_QUEUE (position counting down) → IN_PROGRESS → COMPLETED,
 *   results on an expiring file URL;
 * - AUTOMATIC1111 `/a1111/sdapi/v1/txt2img`: base64 PNGs and `info` as a JSON string.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { validateImageRequest } from './openai-contract';
import { solidPng } from './png';

export interface ImageFaults {
  /** The next generation request answers this status, with the provider's own error shape. */
  status?: number;
  retryAfter?: string;
  /**
   * Refused by the provider's safety system (OpenAI moderation_blocked, Gemini IMAGE_SAFETY, OpenRouter 403 flagged).
   */
  moderation?: boolean;
  /** fal: `has_nsfw_concepts: [true]` and a black image. */
  nsfw?: boolean;
  /** fal: the queue position never moves. */
  stuckQueue?: boolean;
  /** File URLs answer 404 (fal's CDN) or 403 (signed links). */
  expiredUrl?: boolean;
  /** Milliseconds before any answer. */
  slowMs?: number;
  /** The "image" is an HTML page. */
  notImage?: boolean;
  /** The file URL declares 60 MB. */
  hugeImage?: boolean;
  /** A1111 started without `--api`: /sdapi/* is 404. */
  noApi?: boolean;
  /** A chat-style model answers with words only. */
  textOnly?: boolean;
}

export interface ImageRequestRecord {
  route:
    | 'openai'
    | 'xai'
    | 'openrouter'
    | 'gemini'
    | 'fal-submit'
    | 'fal-status'
    | 'fal-result'
    | 'fal-cancel'
    | 'a1111'
    | 'file';
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  violations: string[];
}

interface FalJob {
  id: string;
  app: string;
  polls: number;
  position: number;
  input: any;
  cancelled: boolean;
}

const OPENAI_KEY = 'sk-test-images';
const FAL_KEY = 'fal-test-key';
const GOOGLE_KEY = 'AIza-test';
/** fal's queue walks this many polls of IN_QUEUE, then one IN_PROGRESS, then COMPLETED. */
const FAL_QUEUE_START = 3;

export class FakeImageProviders {
  readonly requests: ImageRequestRecord[] = [];
  faults: ImageFaults = {};
  /** The colour of every generated picture, so a test can recognise it. */
  color: [number, number, number] = [200, 40, 120];
  readonly keys = { openai: OPENAI_KEY, xai: OPENAI_KEY, openrouter: OPENAI_KEY, gemini: GOOGLE_KEY, fal: FAL_KEY };
  /** Every PNG served, by file id: what a test compares the result with. */
  readonly files = new Map<string, Buffer>();
  private jobs = new Map<string, FalJob>();
  private server = http.createServer((req, res) => void this.handle(req, res));

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  get openaiBase() {
    return `${this.origin}/openai/v1`;
  }
  get xaiBase() {
    return `${this.origin}/xai/v1`;
  }
  get openrouterBase() {
    return `${this.origin}/openrouter/api/v1`;
  }
  get geminiBase() {
    return `${this.origin}/gemini/v1beta`;
  }
  get falBase() {
    return `${this.origin}/fal`;
  }
  get a1111Base() {
    return `${this.origin}/a1111`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The PNG the fakes make for a size: the bytes a test expects to get back. */
  png(width: number, height: number, color = this.color): Buffer {
    return solidPng(width, height, color);
  }

  private json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, x-goog-api-key');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return this.json(res, 400, {
        error: {
          message: 'We could not parse the JSON body of your request.',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (this.faults.slowMs) await new Promise((resolve) => setTimeout(resolve, this.faults.slowMs));
    if (res.destroyed) return;
    const record = (route: ImageRequestRecord['route'], violations: string[] = []) =>
      this.requests.push({ route, method: req.method ?? '', path, headers: req.headers, body, violations });

    if (path.startsWith('/files/')) {
      record('file');
      return void this.file(res, path.slice('/files/'.length));
    }
    if (path === '/openai/v1/images/generations') {
      record('openai', validateImageRequest(body));
      return this.openai(req, res, body, false);
    }
    if (path === '/xai/v1/images/generations') {
      record('xai');
      return this.openai(req, res, body, true);
    }
    if (path === '/openrouter/api/v1/chat/completions') {
      record('openrouter');
      return this.openrouter(req, res, body);
    }
    if (/^\/gemini\/v1beta\/models\/[^/:]+:generateContent$/.test(path)) {
      record('gemini');
      return this.gemini(req, res, body);
    }
    if (path.startsWith('/a1111/')) {
      record('a1111');
      return this.a1111(res, path, body);
    }
    if (path.startsWith('/fal/')) return this.fal(req, res, path.slice('/fal/'.length), body, record);
    return this.json(res, 404, { detail: 'Not Found' });
  }

  /** A PNG stored under a fresh id; its URL is what the queue/DALL·E answers point at. */
  private store(width: number, height: number, color = this.color): { id: string; png: Buffer } {
    const id = `${randomUUID()}.png`;
    const png = this.png(width, height, color);
    this.files.set(id, png);
    return { id, png };
  }

  private file(res: http.ServerResponse, id: string) {
    if (this.faults.expiredUrl) return this.json(res, 404, { detail: 'File not found' });
    if (this.faults.notImage) {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end('<!doctype html><html><body>Access denied</body></html>');
    }
    if (this.faults.hugeImage) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(60 * 1024 * 1024) });
      res.write(this.files.get(id) ?? Buffer.alloc(0));
      return; // never finished: the client must stop at the header
    }
    const png = this.files.get(id);
    if (!png) return this.json(res, 404, { detail: 'File not found' });
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
    res.end(png);
  }

  private statusFault(res: http.ServerResponse, shape: (status: number) => unknown): boolean {
    const status = this.faults.status;
    if (!status) return false;
    this.json(res, status, shape(status), this.faults.retryAfter ? { 'retry-after': this.faults.retryAfter } : {});
    return true;
  }

  private openai(req: http.IncomingMessage, res: http.ServerResponse, body: any, xai: boolean) {
    const error = (
      status: number,
      message: string,
      type = 'invalid_request_error',
      code: string | null = null,
      param: string | null = null,
    ) =>
      this.json(
        res,
        status,
        { error: { message, type, param, code } },
        status === 429 && this.faults.retryAfter ? { 'retry-after': this.faults.retryAfter } : {},
      );
    if (req.headers.authorization !== `Bearer ${OPENAI_KEY}`) {
      return error(
        401,
        'Incorrect API key provided: sk-wrong. You can find your API key at ' +
          'https://platform.openai.com/account/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      );
    }
    if (this.faults.status === 429)
      return error(
        429,
        'Rate limit reached for images per minute. Please try again in 20s.',
        'requests',
        'rate_limit_exceeded',
      );
    if (this.faults.status)
      return error(this.faults.status, 'The server had an error while processing your request.', 'server_error');
    if (this.faults.moderation) {
      return error(
        400,
        'Your request was rejected by the safety system. If you believe this is an error, contact us.',
        'image_generation_user_error',
        'moderation_blocked',
      );
    }
    const model = String(body?.model ?? 'dall-e-2');
    if (xai && body?.size !== undefined) return error(400, 'Argument not supported: size');
    const gptImage = model.startsWith('gpt-image');
    if (gptImage && body?.response_format !== undefined)
      return error(
        400,
        "Unknown parameter: 'response_format'.",
        'invalid_request_error',
        'unknown_parameter',
        'response_format',
      );
    const [width, height] = xai
      ? [1024, 768]
      : (String(body?.size ?? '1024x1024')
          .split('x')
          .map(Number) as [number, number]);
    const { id, png } = this.store(width, height);
    const item =
      body?.response_format === 'b64_json' || gptImage
        ? { b64_json: png.toString('base64') }
        : { url: `${this.origin}/files/${id}` };
    const revised = model.startsWith('dall-e-3') || xai ? { revised_prompt: `${body.prompt} (revised)` } : {};
    const usage = gptImage
      ? {
          usage: {
            total_tokens: 4_200,
            input_tokens: 40,
            output_tokens: 4_160,
            input_tokens_details: { text_tokens: 40, image_tokens: 0 },
          },
        }
      : {};
    const size = gptImage
      ? { size: `${width}x${height}`, output_format: 'png', quality: 'medium', background: 'opaque' }
      : {};
    this.json(res, 200, { created: Math.floor(Date.now() / 1000), data: [{ ...item, ...revised }], ...size, ...usage });
  }

  private openrouter(req: http.IncomingMessage, res: http.ServerResponse, body: any) {
    if (req.headers.authorization !== `Bearer ${OPENAI_KEY}`)
      return this.json(res, 401, { error: { code: 401, message: 'No auth credentials found' } });
    if (
      this.statusFault(res, (code) => ({
        error: { code, message: code === 429 ? 'Rate limit exceeded: free-models-per-min' : 'Provider returned error' },
      }))
    )
      return;
    if (this.faults.moderation) {
      return this.json(res, 403, {
        error: {
          code: 403,
          message: 'google/gemini-2.5-flash-image requires moderation on Google. Your input was flagged for "sexual".',
          metadata: {
            reasons: ['sexual'],
            flagged_input: body?.messages?.[0]?.content?.slice(0, 100),
            provider_name: 'Google',
            model_slug: body?.model,
          },
        },
      });
    }
    if (!Array.isArray(body?.modalities) || !body.modalities.includes('image')) {
      return this.json(res, 200, chatAnswer(body, 'Here is a description of the image you asked for.', []));
    }
    const ratio = body?.image_config?.aspect_ratio ?? '1:1';
    const [w, h] = String(ratio).split(':').map(Number) as [number, number];
    const { png } = this.store(Math.round((1024 * w) / Math.max(w, h)), Math.round((1024 * h) / Math.max(w, h)));
    const images = this.faults.textOnly
      ? []
      : [{ type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } }];
    this.json(
      res,
      200,
      chatAnswer(
        body,
        this.faults.textOnly ? 'I cannot draw that, but I can describe it.' : "Here's the image.",
        images,
      ),
    );
  }

  private gemini(req: http.IncomingMessage, res: http.ServerResponse, body: any) {
    const gerror = (code: number, message: string, status: string, details?: unknown[]) =>
      this.json(
        res,
        code,
        { error: { code, message, status, ...(details ? { details } : {}) } },
        code === 429 && this.faults.retryAfter ? { 'retry-after': this.faults.retryAfter } : {},
      );
    if (req.headers['x-goog-api-key'] !== GOOGLE_KEY) {
      return gerror(400, 'API key not valid. Please pass a valid API key.', 'INVALID_ARGUMENT', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]);
    }
    if (this.faults.status === 429)
      return gerror(429, 'Resource has been exhausted (e.g. check quota).', 'RESOURCE_EXHAUSTED');
    if (this.faults.status) return gerror(this.faults.status, 'An internal error has occurred.', 'INTERNAL');
    const usageMetadata = { promptTokenCount: 12, candidatesTokenCount: 1290, totalTokenCount: 1302 };
    if (this.faults.moderation)
      return this.json(res, 200, { candidates: [{ finishReason: 'IMAGE_SAFETY', index: 0 }], usageMetadata });
    const ratio = body?.generationConfig?.imageConfig?.aspectRatio ?? '1:1';
    const [w, h] = String(ratio).split(':').map(Number) as [number, number];
    const { png } = this.store(Math.round((1024 * w) / Math.max(w, h)), Math.round((1024 * h) / Math.max(w, h)));
    const parts = this.faults.textOnly
      ? [{ text: 'I can only describe this scene.' }]
      : [{ inlineData: { mimeType: 'image/png', data: png.toString('base64') } }];
    this.json(res, 200, {
      candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata,
      modelVersion: 'gemini-2.5-flash-image',
    });
  }

  private a1111(res: http.ServerResponse, path: string, body: any) {
    if (this.faults.noApi) return this.json(res, 404, { detail: 'Not Found' });
    if (path !== '/a1111/sdapi/v1/txt2img') return this.json(res, 404, { detail: 'Not Found' });
    if (this.statusFault(res, () => ({ error: 'RuntimeError', detail: '', body: '', errors: 'CUDA out of memory.' })))
      return;
    if (typeof body?.prompt !== 'string') {
      return this.json(res, 422, {
        detail: [{ loc: ['body', 'prompt'], msg: 'str type expected', type: 'type_error.str' }],
      });
    }
    const width = Number(body.width ?? 512);
    const height = Number(body.height ?? 512);
    const seed = body.seed === -1 || body.seed === undefined ? 1234567890 : body.seed;
    const { png } = this.store(width, height);
    // `info` is a JSON string, not an object: the real API's shape.
    const info = JSON.stringify({
      prompt: body.prompt,
      negative_prompt: body.negative_prompt ?? '',
      seed,
      all_seeds: [seed],
      width,
      height,
      steps: body.steps ?? 20,
      sampler_name: 'Euler a',
    });
    this.json(res, 200, { images: [png.toString('base64')], parameters: body, info });
  }

  private fal(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rest: string,
    body: any,
    record: (route: ImageRequestRecord['route']) => void,
  ) {
    if (req.headers.authorization !== `Key ${FAL_KEY}`) {
      record('fal-submit');
      return this.json(res, 401, {
        detail: 'Cannot access application. Authentication is required to access this application.',
      });
    }
    const poll = /^(.+?)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(rest);
    if (!poll) {
      record('fal-submit');
      if (this.statusFault(res, (code) => ({ detail: code === 429 ? 'Too many requests' : 'Internal server error' })))
        return;
      if (typeof body?.prompt !== 'string' || !body.prompt) {
        return this.json(res, 422, {
          detail: [{ loc: ['body', 'prompt'], msg: 'field required', type: 'value_error.missing' }],
        });
      }
      const id = randomUUID();
      // The app id is owner/name; the status and response URLs drop the model's sub-path.
      const app = rest.split('/').slice(0, 2).join('/');
      this.jobs.set(id, { id, app, polls: 0, position: FAL_QUEUE_START - 1, input: body, cancelled: false });
      const base = `${this.falBase}/${app}/requests/${id}`;
      return this.json(res, 200, {
        request_id: id,
        response_url: base,
        status_url: `${base}/status`,
        cancel_url: `${base}/cancel`,
        queue_position: FAL_QUEUE_START - 1,
      });
    }
    const job = this.jobs.get(poll[2]!);
    if (!job || job.app !== poll[1]) return this.json(res, 404, { detail: 'Request not found' });
    if (poll[3] === '/cancel') {
      record('fal-cancel');
      job.cancelled = true;
      return this.json(res, 202, { status: 'CANCELLATION_REQUESTED' });
    }
    if (poll[3] === '/status') {
      record('fal-status');
      const base = `${this.falBase}/${job.app}/requests/${job.id}`;
      const urls = { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
      job.polls++;
      if (this.faults.stuckQueue) return this.json(res, 202, { status: 'IN_QUEUE', queue_position: 4, ...urls });
      if (job.polls <= FAL_QUEUE_START)
        return this.json(res, 202, { status: 'IN_QUEUE', queue_position: FAL_QUEUE_START - job.polls, ...urls });
      if (job.polls === FAL_QUEUE_START + 1) return this.json(res, 202, { status: 'IN_PROGRESS', logs: null, ...urls });
      return this.json(res, 200, { status: 'COMPLETED', logs: null, metrics: { inference_time: 0.42 }, ...urls });
    }
    record('fal-result');
    if (job.polls <= FAL_QUEUE_START + 1) return this.json(res, 400, { detail: 'Request is still in progress' });
    const size = falSize(job.input.image_size);
    const nsfw = !!this.faults.nsfw;
    const { id } = this.store(size.width, size.height, nsfw ? [0, 0, 0] : this.color);
    this.json(res, 200, {
      images: [
        { url: `${this.origin}/files/${id}`, width: size.width, height: size.height, content_type: 'image/png' },
      ],
      timings: { inference: 0.42 },
      seed: 424242,
      has_nsfw_concepts: [nsfw],
      prompt: job.input.prompt,
    });
  }
}

const FAL_PRESETS: Record<string, [number, number]> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};

function falSize(imageSize: unknown): { width: number; height: number } {
  if (imageSize && typeof imageSize === 'object') return imageSize as { width: number; height: number };
  const [width, height] = FAL_PRESETS[String(imageSize ?? 'landscape_4_3')] ?? [1024, 768];
  return { width, height };
}

function chatAnswer(body: any, content: string, images: unknown[]) {
  return {
    id: `gen-${randomUUID()}`,
    provider: 'Google',
    model: body?.model,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    choices: [
      {
        logprobs: null,
        finish_reason: 'stop',
        native_finish_reason: 'STOP',
        index: 0,
        message: { role: 'assistant', content, refusal: null, reasoning: null, images },
      },
    ],
    usage: { prompt_tokens: 9, completion_tokens: 1299, total_tokens: 1308, cost: 0.0387 },
  };
}
