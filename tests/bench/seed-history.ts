import type { Page } from '@playwright/test';

/**
 * Writes `count` history entries (rows, jobs, thumbnails) straight into the extension's
 * IndexedDB from one of its pages: a benchmark fixture shaped like lib/history/types.ts. Every
 * `count / recreations`-th entry also gets a recreation (lib/history/generation-types.ts) with
 * its thumbnail, as history rows show it.
 */
export async function seedHistory(page: Page, count: number, recreations = 0): Promise<void> {
  await page.evaluate(
    async ({ count, recreations }) => {
      const words = (
        'fox harbor neon alley portrait misty forest dragon castle river sunset city robot garden ocean desert ' +
        'mountain cat owl lantern rain snow glass gold velvet marble cinematic watercolor isometric film grain bokeh'
      ).split(' ');
      let seed = 42;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const sentence = (n: number) =>
        Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
      const canvas = new OffscreenCanvas(96, 72);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#3a6';
      ctx.fillRect(0, 0, 96, 72);
      const thumb = await canvas.convertToBlob({ type: 'image/webp', quality: 0.7 });
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('promptlens');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (!db.objectStoreNames.contains('history'))
        throw new Error(`promptlens DB at version ${db.version}: no history store`);
      const every = recreations > 0 ? Math.max(1, Math.floor(count / recreations)) : 0;
      ctx.fillStyle = '#a36';
      ctx.fillRect(0, 0, 96, 72);
      const recreationThumb = await canvas.convertToBlob({ type: 'image/webp', quality: 0.7 });
      const tx = db.transaction(['history', 'jobs', 'thumbnails', 'generations'], 'readwrite');
      const now = Date.now();
      const styles = ['natural', 'midjourney', 'stable-diffusion', 'flux', 'dalle', 'json'];
      for (let i = 0; i < count; i++) {
        const id = `seed-${i}`;
        const text = sentence(45);
        const title = `Gallery ${i} — ${sentence(3)}`;
        const at = now - i * 60_000;
        const style = styles[i % styles.length];
        const source = {
          pageUrl: `https://example.com/gallery/${i}`,
          pageTitle: title,
          imageUrl: `https://cdn.example.com/${i}.jpg`,
        };
        tx.objectStore('jobs').put({
          id: `job-${i}`,
          imageId: id,
          createdAt: at,
          updatedAt: at,
          status: 'done',
          style,
          detail: 'standard',
          language: 'en',
          provider: 'openai',
          model: 'gpt-5.4-mini',
          text,
          kind: 'text',
          source,
        });
        tx.objectStore('history').put({
          id,
          createdAt: at,
          updatedAt: at,
          favorite: i % 50 === 0 ? 1 : 0,
          latestJobId: `job-${i}`,
          status: 'done',
          kind: 'text',
          text,
          styles: [style],
          templates: [],
          provider: 'openai',
          model: 'gpt-5.4-mini',
          source,
          promptCount: 1,
          searchText: `${title}\n${text}`.toLowerCase(),
        });
        tx.objectStore('thumbnails').put({ id, blob: thumb });
        if (every && i % every === 0)
          tx.objectStore('generations').put({
            id: `gen-${i}`,
            entryId: id,
            jobId: `job-${i}`,
            createdAt: at + 1000,
            updatedAt: at + 1000,
            status: 'done',
            provider: 'openai',
            model: 'gpt-image-1-mini',
            size: '1536x1024',
            prompt: text,
            notes: [],
            blob: recreationThumb,
            mime: 'image/webp',
            width: 96,
            height: 72,
            thumbnail: recreationThumb,
          });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { count, recreations },
  );
}
