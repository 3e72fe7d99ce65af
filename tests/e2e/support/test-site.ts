/**
 * The web pages a user would browse, served from two loopback origins so that cross-origin
 * behaviour is real: pages on 127.0.0.1, images on 127.0.0.2 (without CORS headers).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Asset {
  body: Buffer | string;
  type: string;
  /** Hotlink protection: 403 unless the Referer starts with this. */
  refererFrom?: string;
  /** An expiring link: served once, 404 afterwards. */
  once?: boolean;
}

export class TestSite {
  private assets = new Map<string, Asset>();
  readonly hits: string[] = [];
  private servers: http.Server[] = [];
  pageOrigin = '';
  imageOrigin = '';

  add(path: string, body: Buffer | string, type: string, refererFrom?: string, once = false): void {
    this.assets.set(path, { body, type, refererFrom, once });
  }

  /** A page whose `{{IMG}}` placeholders point at the other origin. */
  page(path: string, html: string): string {
    this.add(path, html.replaceAll('{{IMG}}', this.imageOrigin), 'text/html; charset=utf-8');
    return `${this.pageOrigin}${path}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.hits.push(path);
    const asset = this.assets.get(path);
    if (!asset) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (asset.refererFrom && !(req.headers.referer ?? '').startsWith(asset.refererFrom)) {
      return void res
        .writeHead(403, { 'content-type': 'text/html' })
        .end('<!doctype html><h1>Hotlinking not allowed</h1>');
    }
    if (asset.once) this.assets.delete(path);
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
    res.end(asset.body);
  }

  async start(): Promise<this> {
    const listen = (host: string, port = 0) =>
      new Promise<http.Server>((resolve, reject) => {
        const server = http.createServer((req, res) => this.handle(req, res));
        server.once('error', reject);
        server.listen(port, host, () => resolve(server));
      });
    const first = await listen('127.0.0.1');
    const { port } = first.address() as AddressInfo;
    // Same port on another loopback address: a different origin, as a CDN would be.
    const second = await listen('127.0.0.2', port);
    this.servers = [first, second];
    this.pageOrigin = `http://127.0.0.1:${port}`;
    this.imageOrigin = `http://127.0.0.2:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map((s) => {
        s.closeAllConnections();
        return new Promise((resolve) => s.close(resolve));
      }),
    );
  }
}
