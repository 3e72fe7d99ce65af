import type { Page } from '@playwright/test';

export interface JobRecord {
  id: string;
  imageId: string;
  createdAt: number;
  status: string;
  text: string;
  ahead?: number;
  error?: { code: string };
  source: { imageUrl?: string };
  image?: { originalWidth: number; originalHeight: number };
}

/** Every row of one table of the extension's IndexedDB, read from one of its pages. */
export function storedRows<T>(extensionPage: Page, table: 'jobs' | 'history' | 'images' | 'batches'): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('promptlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

export const jobRecords = (extensionPage: Page) => storedRows<JobRecord>(extensionPage, 'jobs');
