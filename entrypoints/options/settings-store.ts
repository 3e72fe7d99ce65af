import { create } from 'zustand';
import {
  apiKeysItem,
  imageApiKeysItem,
  loadSettings,
  settingsItem,
  type ApiKeys,
  type Connection,
  type ImageApiKeys,
  type Settings,
} from '@/lib/settings';
import { withDefault, type ModelTarget } from '@/lib/compare-models/vision-models';

interface OptionsState {
  settings?: Settings;
  keys: ApiKeys;
  /** Keys set for image providers only; an empty one means the vision key of the same account. */
  imageKeys: ImageApiKeys;
  /** When the last change reached storage: drives the "Saved" note. */
  savedAt?: number;
  hydrate: () => Promise<void>;
  update: (patch: Partial<Omit<Settings, 'connections'>>) => Promise<void>;
  updateConnection: (patch: Partial<Connection>) => Promise<void>;
  /** A saved vision model becomes the vision settings (Compare models' list). */
  makeDefaultModel: (model: ModelTarget) => Promise<void>;
  setKey: (key: string) => Promise<void>;
  /** Removes the current provider's key from storage. */
  forgetKey: () => Promise<void>;
  updateImageConnection: (patch: Partial<Connection>) => Promise<void>;
  /** The current image provider's own key; empty removes it (the shared vision key applies again). */
  setImageKey: (key: string) => Promise<void>;
}

/** The options form: every change is written to extension storage at once. */
export const useSettingsStore = create<OptionsState>()((set, get) => {
  const save = async (settings: Settings) => {
    set({ settings });
    await settingsItem.setValue(settings);
    set({ savedAt: Date.now() });
  };
  const saveKeys = async (keys: ApiKeys) => {
    set({ keys });
    await apiKeysItem.setValue(keys);
    set({ savedAt: Date.now() });
  };
  return {
    keys: {},
    imageKeys: {},
    async hydrate() {
      const [settings, keys, imageKeys] = await Promise.all([
        loadSettings(),
        apiKeysItem.getValue(),
        imageApiKeysItem.getValue(),
      ]);
      set({ settings, keys, imageKeys });
    },
    async update(patch) {
      const current = get().settings;
      if (current) await save({ ...current, ...patch });
    },
    async updateConnection(patch) {
      const current = get().settings;
      if (!current) return;
      const id = current.provider;
      await save({
        ...current,
        connections: { ...current.connections, [id]: { ...current.connections[id], ...patch } },
      });
    },
    async makeDefaultModel(model) {
      const current = get().settings;
      if (current) await save(withDefault(current, model));
    },
    async setKey(key) {
      const current = get().settings;
      if (!current) return;
      await saveKeys({ ...get().keys, [current.provider]: key });
    },
    async forgetKey() {
      const current = get().settings;
      if (!current) return;
      const { [current.provider]: _forgotten, ...rest } = get().keys;
      await saveKeys(rest);
    },
    async updateImageConnection(patch) {
      const current = get().settings;
      const id = current?.imageProvider;
      if (!current || !id) return;
      await save({
        ...current,
        imageConnections: { ...current.imageConnections, [id]: { ...current.imageConnections[id], ...patch } },
      });
    },
    async setImageKey(key) {
      const id = get().settings?.imageProvider;
      if (!id) return;
      const { [id]: _old, ...rest } = get().imageKeys;
      const imageKeys = key ? { ...rest, [id]: key } : rest;
      set({ imageKeys });
      await imageApiKeysItem.setValue(imageKeys);
      set({ savedAt: Date.now() });
    },
  };
});
