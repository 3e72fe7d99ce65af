import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { datasetZipChunks, datasetZipStream, type DatasetItem, type ResizeImage } from '@/lib/batch/dataset-export';

const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (head: number[], marker: string, size = 64) => {
  const out = new Uint8Array(size);
  out.set(head);
  out.set(new TextEncoder().encode(marker), head.length);
  return out;
};
const item = (
  name: string,
  prompt: string,
  image: Uint8Array<ArrayBuffer> | Error,
  imageUrl?: string,
): DatasetItem => ({
  name,
  prompt,
  ...(imageUrl ? { imageUrl } : {}),
  image: async () => {
    if (image instanceof Error) throw image;
    return new Blob([image]);
  },
});

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle));

describe('dataset zip', () => {
  const fox = bytes(JPEG, 'FOX-IMAGE-BYTES');
  const owl = bytes(PNG, 'OWL-IMAGE-BYTES');
  const items = [
    item('Red fox', '(red fox:1.3), snow, "winter"\nNegative prompt: blurry', fox, 'https://a.test/fox.jpg'),
    item('Broken', 'never used', new Error('http-404'), 'https://a.test/404.jpg'),
    item('Refused', '   ', fox),
    item('Owl', 'owl, =night', owl),
  ];

  it('pairs each image with its caption file, numbered, plus metadata.jsonl, captions.csv and failed.csv', async () => {
    const zip = await collect(
      datasetZipStream(items, {
        captionStyle: 'tags',
        trigger: 'sks',
        failed: [{ name: 'Timed out, twice', imageUrl: 'https://a.test/slow.jpg', reason: 'timeout "60 s"' }],
        now: new Date('2025-05-06T07:08:09Z'),
      }),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual([
      '0001.jpg',
      '0001.txt',
      '0002.png',
      '0002.txt',
      'metadata.jsonl',
      'captions.csv',
      'failed.csv',
    ]);
    expect(files['0001.jpg']).toEqual(fox);
    expect(files['0002.png']).toEqual(owl);
    expect(strFromU8(files['0001.txt']!)).toBe('sks, red fox, snow, "winter"');
    expect(strFromU8(files['0002.txt']!)).toBe('sks, owl, =night');
    expect(strFromU8(files['metadata.jsonl']!).split('\n')).toEqual([
      '{"file_name":"0001.jpg","text":"sks, red fox, snow, \\"winter\\""}',
      '{"file_name":"0002.png","text":"sks, owl, =night"}',
      '',
    ]);
    expect(strFromU8(files['captions.csv']!)).toBe(
      'file_name,caption,image_url\r\n0001.jpg,"sks, red fox, snow, ' +
        '""winter""",https://a.test/fox.jpg\r\n0002.png,"sks, owl, =night",\r\n',
    );
    expect(strFromU8(files['failed.csv']!)).toBe(
      'name,image_url,reason\r\n' +
        '"Timed out, twice",https://a.test/slow.jpg,"timeout ""60 s"""\r\n' +
        'Broken,https://a.test/404.jpg,http-404\r\n' +
        'Refused,,no-caption\r\n',
    );
    // Stored, not deflated: the image bytes appear as they are in the archive.
    expect(contains(zip, fox)).toBe(true);
  });

  it('prose captions, no trigger, no failed.csv when nothing failed', async () => {
    const files = unzipSync(
      await collect(datasetZipStream([item('Fox', 'A red fox.\nIn snow.', fox)], { captionStyle: 'prose' })),
    );
    expect(Object.keys(files)).toEqual(['0001.jpg', '0001.txt', 'metadata.jsonl', 'captions.csv']);
    expect(strFromU8(files['0001.txt']!)).toBe('A red fox. In snow.');
  });

  it('resized images go through the injected resizer and get its format', async () => {
    const calls: Parameters<ResizeImage>[1][] = [];
    const resizeImage: ResizeImage = async (_image, target) => {
      calls.push(target);
      return new Blob([bytes(PNG, `RESIZED-${target.longSide}`)]);
    };
    const files = unzipSync(
      await collect(
        datasetZipStream([item('Fox', 'fox', fox), item('Owl', 'owl', owl)], {
          captionStyle: 'tags',
          resize: { longSide: 768, format: 'png', resizeImage },
        }),
      ),
    );
    expect(calls).toEqual([
      { longSide: 768, mime: 'image/png' },
      { longSide: 768, mime: 'image/png' },
    ]);
    expect(Object.keys(files).filter((name) => /^\d{4}\./.test(name))).toEqual([
      '0001.png',
      '0001.txt',
      '0002.png',
      '0002.txt',
    ]);
    expect(strFromU8(files['0002.png']!.subarray(8, 19))).toBe('RESIZED-768');
  });

  it(
    'an image of an unknown format or one that would pass the 4 GiB zip limit is listed as failed, the rest goes ' +
      'on',
    async () => {
      const huge = new Blob([fox]);
      Object.defineProperty(huge, 'size', { value: 5 * 2 ** 30 });
      const files = unzipSync(
        await collect(
          datasetZipStream(
            [
              { name: 'Huge', prompt: 'huge', image: async () => huge },
              item('Text', 'html', new TextEncoder().encode('<!doctype html><p>login</p>')),
              item('Owl', 'owl', owl),
            ],
            { captionStyle: 'tags' },
          ),
        ),
      );
      expect(Object.keys(files)).toContain('0001.png');
      expect(strFromU8(files['failed.csv']!)).toBe(
        'name,image_url,reason\r\nHuge,,zip-too-large\r\nText,,unknown-format\r\n',
      );
    },
  );

  // 256 KB rather than 1 MB images: the property is the same (the output keeps pace with the
  // input, one image behind at most) and the CRC of 300 MB took 30 s on the shared test machine.
  it('streams with bounded memory: 300 images come out as they go in, never held back', {
    timeout: 60_000,
  }, async () => {
    const SIZE = 2 ** 18;
    let loaded = 0;
    async function* gallery(): AsyncGenerator<DatasetItem> {
      for (let i = 0; i < 300; i++)
        yield {
          name: `img ${i}`,
          prompt: `tag${i}`,
          image: async () => {
            loaded += 1;
            const data = new Uint8Array(SIZE);
            data.set(JPEG);
            return new Blob([data]);
          },
        };
    }
    let out = 0;
    let worstLag = 0;
    let firstChunkAfter = -1;
    let last: Uint8Array = new Uint8Array(0);
    for await (const chunk of datasetZipChunks(gallery(), { captionStyle: 'tags' })) {
      if (firstChunkAfter < 0) firstChunkAfter = loaded;
      out += chunk.length;
      // Bytes read from images but not yet handed out: what the export holds in memory.
      worstLag = Math.max(worstLag, loaded * SIZE - out);
      last = chunk;
    }
    expect(loaded).toBe(300);
    expect(firstChunkAfter).toBe(1);
    expect(worstLag).toBeLessThanOrEqual(SIZE);
    expect(out).toBeGreaterThan(300 * SIZE);
    expect(out).toBeLessThan(301 * SIZE);
    // End of central directory: 600 entries (300 pairs) + metadata.jsonl + captions.csv.
    const view = new DataView(last.buffer, last.byteOffset + last.length - 22, 22);
    expect(view.getUint32(0, true)).toBe(0x06054b50);
    expect(view.getUint16(10, true)).toBe(602);
  });

  it('a cancelled download stops reading images', async () => {
    let loaded = 0;
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...item(`i${i}`, 'x', fox),
      image: async () => {
        loaded++;
        return new Blob([fox]);
      },
    }));
    const reader = datasetZipStream(many, { captionStyle: 'tags' }).getReader();
    await reader.read();
    await reader.cancel();
    expect(loaded).toBeLessThan(5);
  });
});
