// IndexedDB for Dexie in Node: an in-memory implementation of the real API.
import 'fake-indexeddb/auto';
