/**
 * A test double for an OpenAI-compatible provider: real SSE chunk shapes, real error JSON,
 * status codes and headers, and every request checked against OpenAI's published spec.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { validateChatRequest } from '../../support/openai-contract';

export type Reply =
  | {
      kind: 'stream';
      text: string;
      pieces?: number;
      delayMs?: number;
      /** OpenAI's structured-output refusal: sent in `delta.refusal`, content stays null. */
      refusal?: string;
      /** The connection breaks (socket reset) after this many content pieces: no finish, no [DONE]. */
      cutAfter?: number;
      /** The stream goes silent after this many content pieces, the connection left open. */
      stallAfter?: number;
    }
  | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  /** A body that is not what the API sends: a proxy's HTML page, plain text. */
  | { kind: 'raw'; status: number; body: string; contentType: string }
  /** The connection is reset before any answer: what a dropped network looks like. */
  | { kind: 'drop' }
  | { kind: 'hang' };

export interface ReceivedImage {
  mime: string;
  bytes: Buffer;
  dataUrl: string;
}

export interface ReceivedRequest {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: any;
  violations: string[];
  image?: ReceivedImage;
}

const ERROR_BODIES: Record<number, { message: string; type: string; code: string | null }> = {
  400: {
    message: 'Invalid content type. image_url is only supported by certain models.',
    type: 'invalid_request_error',
    code: null,
  },
  401: {
    message:
      'Incorrect API key provided: sk-wrong. You can find your API key at ' +
      'https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  403: { message: 'You are not allowed to sample from this model', type: 'invalid_request_error', code: null },
  404: {
    message: 'The model `{model}` does not exist or you do not have access to it.',
    type: 'invalid_request_error',
    code: 'model_not_found',
  },
  413: { message: 'Request too large.', type: 'invalid_request_error', code: null },
  429: {
    message: 'Rate limit reached for requests. Please try again in 1s.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  502: { message: 'Bad gateway.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

export function openaiErrorBody(status: number, model = ''): unknown {
  const e = ERROR_BODIES[status] ?? ERROR_BODIES[500]!;
  return { error: { message: e.message.replace('{model}', model), type: e.type, param: null, code: e.code } };
}

function decodeImage(body: any): ReceivedImage | undefined {
  for (const message of body?.messages ?? []) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content) {
      const url: unknown = part?.image_url?.url;
      const match = typeof url === 'string' ? /^data:([^;,]+);base64,(.*)$/s.exec(url) : null;
      if (match) return { mime: match[1]!, bytes: Buffer.from(match[2]!, 'base64'), dataUrl: url as string };
    }
  }
  return undefined;
}

/** How many images a chat request carries ("How close?" and "Refine" send two). */
function countImages(body: any): number {
  return (body?.messages ?? [])
    .flatMap((m: any) => (Array.isArray(m.content) ? m.content : []))
    .filter((part: any) => part?.type === 'image_url').length;
}

/** What OpenAI's strict structured outputs refuse: an object with a property not required, or extra ones allowed. */
export function strictSchemaProblems(schema: any, path = '()'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const problems: string[] = [];
  if (schema.type === 'object') {
    const keys = Object.keys(schema.properties ?? {});
    const missing = keys.filter((k) => !(schema.required ?? []).includes(k));
    if (missing.length)
      problems.push(
        `In context=${path}, 'required' is required to be supplied and to be an array including every key in ` +
          `properties. Missing '${missing[0]}'.`,
      );
    if (schema.additionalProperties !== false)
      problems.push(`In context=${path}, 'additionalProperties' is required to be supplied and to be false.`);
    for (const key of keys)
      problems.push(...strictSchemaProblems(schema.properties[key], `${path}, 'properties', '${key}'`));
  }
  if (schema.type === 'array') problems.push(...strictSchemaProblems(schema.items, `${path}, 'items'`));
  return problems;
}

/** "How close?" or "Refine", told from the request as a server would see it. */
function comparisonKind(body: any): 'score' | 'refine' | undefined {
  const system = body?.messages?.find((m: any) => m.role === 'system')?.content;
  if (body?.response_format?.json_schema?.name === 'image_comparison') return 'score';
  if (typeof system !== 'string') return undefined;
  if (system.startsWith('You compare two images')) return 'score';
  if (system.includes('Write an improved prompt')) return 'refine';
  return undefined;
}

/** A verdict as a model writes it: the overall score given, the others around it. */
export function fakeVerdict(overall: number) {
  return {
    overall,
    subject: Math.min(100, overall + 6),
    composition: overall,
    style: Math.min(100, overall + 3),
    colour: Math.max(0, overall - 12),
    lighting: overall,
    differences:
      overall < 80
        ? ['The fox faces left in the original, right here', 'The snow in the original is bluer and colder']
        : ['The fox is slightly smaller in the original'],
  };
}

export class FakeProvider {
  /** The overall scores of the next "How close?" answers, in order; afterwards 70. */
  verdicts: number[] = [];
  /** What "Refine" answers with (when no reply is queued). */
  refined = 'A red fox facing left in fresh blue-white snow, cold morning light, soft rim light';
  readonly requests: ReceivedRequest[] = [];
  /** Replies for the next requests, in order; afterwards `fallback`. */
  private queue: Reply[] = [];
  fallback: Reply = {
    kind: 'stream',
    text: 'A red fox in fresh snow, golden hour, soft rim light, shallow depth of field.',
  };
  /**
   * A model's own answer when no queued reply is waiting: models asked at once (Compare models)
   * each answer in their own words, whichever request arrives first.
   */
  perModel: Record<string, Reply> = {};
  /** Empty: no key checked, as local servers do. */
  apiKey = 'sk-test-promptlens';
  models = ['gpt-5.4-mini', 'vision-test'];
  private server = http.createServer((req, res) => void this.handle(req, res));
  private hanging = new Set<http.ServerResponse>();
  /** Chat requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  /** Each returns true once satisfied, and is then dropped. */
  private waiters: Array<() => boolean> = [];

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  reply(...replies: Reply[]): void {
    this.queue.push(...replies);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Resolves once `count` chat requests have arrived. */
  waitForRequests(count: number, timeoutMs = 15_000): Promise<ReceivedRequest[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} requests, got ${this.requests.length}`)),
        timeoutMs,
      );
      const check = () => {
        if (this.requests.length < count) return false;
        clearTimeout(timer);
        resolve(this.requests);
        return true;
      };
      if (!check()) this.waiters.push(check);
    });
  }

  private cors(res: http.ServerResponse) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  }

  private json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID()}`, ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.cors(res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      return this.json(res, 200, {
        object: 'list',
        data: this.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })),
      });
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      return this.json(res, 404, {
        error: {
          message: `Invalid URL (${req.method} ${url.pathname})`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
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
    const received: ReceivedRequest = {
      at: Date.now(),
      headers: req.headers,
      body,
      violations: validateChatRequest(body),
      image: decodeImage(body),
    };
    this.requests.push(received);
    this.waiters = this.waiters.filter((satisfied) => !satisfied());

    if (received.violations.length) {
      return this.json(res, 400, {
        error: {
          message: `Invalid request: ${received.violations.join('; ')}`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
    }
    if (this.apiKey && req.headers.authorization !== `Bearer ${this.apiKey}`)
      return this.json(res, 401, openaiErrorBody(401));
    if (!this.models.includes(body.model)) return this.json(res, 404, openaiErrorBody(404, body.model));

    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => this.inFlight--);
    const kind = comparisonKind(body);
    if (kind && countImages(body) !== 2)
      return this.json(res, 400, {
        error: {
          message: 'Expected the original and the recreation.',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
    const schema = body.response_format?.json_schema;
    const schemaProblems = schema?.strict ? strictSchemaProblems(schema.schema) : [];
    if (schemaProblems.length)
      return this.json(res, 400, {
        error: {
          message: `Invalid schema for response_format '${schema.name}': ${schemaProblems[0]}`,
          type: 'invalid_request_error',
          param: 'response_format',
          code: null,
        },
      });
    const reply =
      this.queue.shift() ?? this.comparisonReply(kind, !!schema) ?? this.perModel[body.model] ?? this.fallback;
    if (reply.kind === 'error')
      return this.json(res, reply.status, reply.body ?? openaiErrorBody(reply.status, body.model), reply.headers);
    if (reply.kind === 'raw')
      return void res.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.body);
    if (reply.kind === 'drop') return void req.socket.destroy();
    if (reply.kind === 'hang') {
      this.hanging.add(res);
      return;
    }
    await this.stream(res, body, reply);
  }

  /** A verdict (exact JSON under structured output, wrapped in prose and a fence otherwise) or a refined prompt. */
  private comparisonReply(kind: 'score' | 'refine' | undefined, structured: boolean): Reply | undefined {
    if (kind === 'refine') return { kind: 'stream', text: this.refined };
    if (kind !== 'score') return undefined;
    const verdict = JSON.stringify(fakeVerdict(this.verdicts.shift() ?? 70));
    return { kind: 'stream', text: structured ? verdict : `Here is the comparison:\n\`\`\`json\n${verdict}\n\`\`\`` };
  }

  private async stream(res: http.ServerResponse, body: any, reply: Extract<Reply, { kind: 'stream' }>) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-request-id': `req_${randomUUID()}`,
      'openai-processing-ms': '42',
    });
    const id = `chatcmpl-${randomUUID()}`;
    const base = {
      id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      system_fingerprint: 'fp_test',
      service_tier: 'default',
    };
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const wantsUsage = body.stream_options?.include_usage === true;
    const usage = wantsUsage ? { usage: null } : {};
    send({
      ...base,
      choices: [
        { index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null },
      ],
      ...usage,
    });
    const words = reply.text ? reply.text.split(/(?<= )/) : [];
    const per = Math.max(1, Math.ceil(words.length / (reply.pieces ?? 8)));
    for (let i = 0, piece = 0; i < words.length; i += per, piece++) {
      if (piece === reply.cutAfter) return void res.socket?.destroy();
      if (piece === reply.stallAfter) {
        this.hanging.add(res);
        return;
      }
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed) return;
      send({
        ...base,
        choices: [
          { index: 0, delta: { content: words.slice(i, i + per).join('') }, logprobs: null, finish_reason: null },
        ],
        ...usage,
      });
    }
    if (reply.refusal) {
      send({
        ...base,
        choices: [{ index: 0, delta: { content: null, refusal: reply.refusal }, logprobs: null, finish_reason: null }],
        ...usage,
      });
    }
    send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], ...usage });
    if (wantsUsage) {
      send({
        ...base,
        choices: [],
        usage: { prompt_tokens: 812, completion_tokens: words.length, total_tokens: 812 + words.length },
      });
    }
    res.end('data: [DONE]\n\n');
  }
}
