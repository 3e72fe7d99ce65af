import Dexie, { type EntityTable } from 'dexie';
import type { Job, StoredImage } from './types';

/** IndexedDB in the extension's origin, shared by the background and the popup. */
export class PromptLensDb extends Dexie {
  jobs!: EntityTable<Job, 'id'>;
  images!: EntityTable<StoredImage, 'id'>;

  constructor(name = 'promptlens') {
    super(name);
    this.version(1).stores({
      jobs: 'id, createdAt, status, imageId',
      images: 'id, createdAt',
    });
  }
}

export const db = new PromptLensDb();
