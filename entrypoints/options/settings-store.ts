import { create } from 'zustand';
import {
  apiKeysItem,
  loadSettings,
  settingsItem,
  type ApiKeys,
  type Connection,
  type Settings,
} from '@/lib/settings';

interface OptionsState {
  settings?: Settings;
  keys: ApiKeys;
  /** When the last change reached storage: drives the "Saved" note. */
  savedAt?: number;
  hydrate: () => Promise<void>;
  update: (patch: Partial<Omit<Settings, 'connections'>>) => Promise<void>;
  updateConnection: (patch: Partial<Connection>) => Promise<void>;
  setKey: (key: string) => Promise<void>;
  /** Removes the current provider's key from storage. */
  forgetKey: () => Promise<void>;
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
    async hydrate() {
      const [settings, keys] = await Promise.all([loadSettings(), apiKeysItem.getValue()]);
      set({ settings, keys });
    },
    async update(patch) {
      const current = get().settings;
      if (current) await save({ ...current, ...patch });
    },
    async updateConnection(patch) {
      const current = get().settings;
      if (!current) return;
      const id = current.provider;
      await save({ ...current, connections: { ...current.connections, [id]: { ...current.connections[id], ...patch } } });
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
  };
});
