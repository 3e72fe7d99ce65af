/** Recreate's settings written the way the options page writes them. */
import { SETTINGS_VERSION, type Extension } from './extension';

// The version marker is written with the value when none is stored yet: a value without one is
// taken for v1 by the next page that opens, and the v5 migration would reset the image provider.

export async function configureImages(
  ext: Extension,
  s: { provider: string | null; baseUrl?: string; model?: string; apiKey?: string; timeoutSeconds?: number },
): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    async ({ s, version }) => {
      const chrome = (globalThis as any).chrome;
      const { settings: current = {}, settings$: meta } = await chrome.storage.local.get(['settings', 'settings$']);
      if (!meta) await chrome.storage.local.set({ settings$: { v: version } });
      const connections = { ...(current.imageConnections ?? {}) };
      if (s.provider && s.baseUrl !== undefined) connections[s.provider] = { baseUrl: s.baseUrl, model: s.model ?? '' };
      await chrome.storage.local.set({
        settings: {
          ...current,
          imageProvider: s.provider,
          imageConnections: connections,
          imageTimeoutSeconds: s.timeoutSeconds ?? 30,
        },
        imageApiKeys: s.provider && s.apiKey ? { [s.provider]: s.apiKey } : {},
      });
    },
    { s, version: SETTINGS_VERSION },
  );
}
