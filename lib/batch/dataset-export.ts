/**
 * The Dataset (.zip) export, streamed: one image and its caption at a time go through fflate's
 * streaming Zip and out as chunks, so memory holds one image whatever the batch size. Images
 * are stored, not deflated (they are compressed already); the text files are deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8, type ZipInputFile } from 'fflate';
import { sniffFormat, type ImageFormat } from '../image/sniff';
import { toCaption, withTrigger, type CaptionStyle } from './caption';
import { captionsCsv, failedCsv, metadataJsonl, type CaptionRow, type FailedImage } from './dataset-files';

export const DATASET_LONG_SIDES = [512, 768, 1024, 1536] as const;
export type DatasetLongSide = (typeof DATASET_LONG_SIDES)[number];

export interface DatasetItem {
  name: string;
  imageUrl?: string;
  /** The image's prompt in the chosen caption style. */
  prompt: string;
  /** The image as downloaded, read only when its turn comes. */
  image: () => Promise<Blob>;
}

/** Scales an image to fit the long side (never up) and encodes it; a canvas in the extension, a fake in tests. */
export type ResizeImage = (
  image: Blob,
  target: { longSide: DatasetLongSide; mime: 'image/jpeg' | 'image/png' },
) => Promise<Blob>;

export interface DatasetOptions {
  captionStyle: CaptionStyle;
  trigger?: string;
  /** Absent: images as downloaded. */
  resize?: { longSide: DatasetLongSide; format: 'jpeg' | 'png'; resizeImage: ResizeImage };
  /** Images that failed in the batch: listed in failed.csv with those that fail here. */
  failed?: readonly FailedImage[];
  /** The files' date in the zip. */
  now?: Date;
}

const EXTENSIONS: Partial<Record<ImageFormat, string>> = {
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  bmp: 'bmp',
  svg: 'svg',
};

/** fflate writes no Zip64: every offset must stay below 4 GiB. Room kept for the text files. */
const ZIP_LIMIT = 0xffff_ffff - 64 * 1024 * 1024;

export const fileNumber = (n: number) => String(n).padStart(4, '0');

async function extensionOf(image: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await image.slice(0, 512).arrayBuffer());
  return EXTENSIONS[sniffFormat(head)];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function* datasetZipChunks(
  items: Iterable<DatasetItem> | AsyncIterable<DatasetItem>,
  options: DatasetOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      written += chunk.length;
      out.push(chunk);
    }
  });
  function* drain() {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  }
  const mtime = options.now ?? new Date();
  const entry = <T extends ZipInputFile>(file: T): T => {
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  const addText = (name: string, text: string) => entry(new ZipDeflate(name, { level: 6 })).push(strToU8(text), true);

  const rows: CaptionRow[] = [];
  const failed: FailedImage[] = [...(options.failed ?? [])];
  for await (const item of items) {
    const fail = (reason: string) =>
      failed.push({ name: item.name, ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}), reason });
    // Empty before the trigger word: a refusal or a prompt that never came; not worth training on.
    const bare = toCaption(item.prompt, options.captionStyle);
    if (!bare) {
      fail('no-caption');
      continue;
    }
    const caption = withTrigger(bare, options.trigger);
    let image: Blob;
    let extension: string | undefined;
    try {
      image = await item.image();
      if (options.resize) {
        const { longSide, format, resizeImage } = options.resize;
        image = await resizeImage(image, { longSide, mime: format === 'jpeg' ? 'image/jpeg' : 'image/png' });
      }
      extension = await extensionOf(image);
    } catch (error) {
      fail(errorText(error));
      continue;
    }
    if (!extension) {
      fail('unknown-format');
      continue;
    }
    if (written + image.size > ZIP_LIMIT) {
      fail('zip-too-large');
      continue;
    }
    const base = fileNumber(rows.length + 1);
    rows.push({ fileName: `${base}.${extension}`, caption, ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}) });
    const file = entry(new ZipPassThrough(`${base}.${extension}`));
    const reader = image.stream().getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      file.push(read.value);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    addText(`${base}.txt`, caption);
    yield* drain();
  }
  addText('metadata.jsonl', metadataJsonl(rows));
  addText('captions.csv', captionsCsv(rows));
  if (failed.length) addText('failed.csv', failedCsv(failed));
  zip.end();
  yield* drain();
}

/** The zip as a stream the page can hand to a Blob, a file handle or a download. */
export function datasetZipStream(
  items: Iterable<DatasetItem> | AsyncIterable<DatasetItem>,
  options: DatasetOptions,
): ReadableStream<Uint8Array> {
  const chunks = datasetZipChunks(items, options);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
