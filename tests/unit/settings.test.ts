import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PRESETS, PROVIDER_IDS } from '@/lib/providers/presets';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  apiKeysItem,
  imageApiKey,
  loadSettings,
  normalizeSettings,
  settingsItem,
  settingsMigrations,
  type Settings,
} from '@/lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('defaults: OpenAI with its default model, natural language, 60 s, every preset filled in', async () => {
    const settings = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.provider).toBe('openai');
    expect(settings.defaultStyle).toBe('natural');
    expect(settings.timeoutSeconds).toBe(60);
    for (const id of PROVIDER_IDS) {
      expect(settings.connections[id]).toEqual({ baseUrl: PRESETS[id].baseUrl, model: PRESETS[id].defaultModel });
    }
  });

  it('round-trips through extension storage, keys kept apart in storage.local', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, provider: 'ollama', defaultStyle: 'midjourney' });
    await apiKeysItem.setValue({ openai: 'sk-1' });
    expect((await loadSettings()).provider).toBe('ollama');
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw.apiKeys).toEqual({ openai: 'sk-1' });
    expect(JSON.stringify(raw.settings)).not.toContain('sk-1');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('repairs partial, stale or hand-edited values instead of failing', () => {
    const repaired = normalizeSettings({
      provider: 'not-a-provider',
      defaultStyle: 'cubism',
      timeoutSeconds: 99999,
      connections: { ollama: { baseUrl: 'http://box:11434/v1' }, openai: 'garbage' },
    });
    expect(repaired.provider).toBe('openai');
    expect(repaired.defaultStyle).toBe('natural');
    expect(repaired.timeoutSeconds).toBe(600);
    expect(repaired.connections.ollama).toEqual({ baseUrl: 'http://box:11434/v1', model: PRESETS.ollama.defaultModel });
    expect(repaired.connections.openai).toEqual({
      baseUrl: PRESETS.openai.baseUrl,
      model: PRESETS.openai.defaultModel,
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ timeoutSeconds: 'x' }).timeoutSeconds).toBe(60);
    expect(normalizeSettings({ concurrency: 50 }).concurrency).toBe(6);
    expect(normalizeSettings({ concurrency: 0 }).concurrency).toBe(1);
    expect(normalizeSettings({ retention: '1y', storePageInfo: 'no' })).toMatchObject({
      retention: 'forever',
      storePageInfo: true,
    });
    expect(normalizeSettings({ retention: '7d', storePageInfo: false })).toMatchObject({
      retention: '7d',
      storePageInfo: false,
    });
    // The hover button is on only when said so; its off-list keeps hostnames only, each once.
    expect(normalizeSettings({ hoverButton: 'yes' }).hoverButton).toBe(false);
    expect(normalizeSettings({ hoverButton: true }).hoverButton).toBe(true);
    expect(
      normalizeSettings({ hoverButtonOffSites: ['Example.com', 'example.com', 42, 'a b', '<x>'] }).hoverButtonOffSites,
    ).toEqual(['example.com']);
    expect(normalizeSettings({ prepareOnMenu: 'no' }).prepareOnMenu).toBe(true);
    expect(normalizeSettings({ prepareOnMenu: false }).prepareOnMenu).toBe(false);
  });

  it('keeps where results show, and repairs an unknown host to the popup', () => {
    expect(normalizeSettings({ resultsIn: 'sidePanel' }).resultsIn).toBe('sidePanel');
    expect(normalizeSettings({ resultsIn: 'window' }).resultsIn).toBe('popup');
    expect(normalizeSettings({}).resultsIn).toBe('popup');
  });

  it('"Send to…": unknown tools and malformed custom entries are dropped, an empty choice is kept', () => {
    const custom = { id: 'c1', name: 'Mine', template: 'https://example.com/?q={prompt}' };
    expect(
      normalizeSettings({ sendTo: { targets: ['krea', 'myspace', 'krea', 7], custom: [custom, { id: 2 }] } }).sendTo,
    ).toEqual({
      targets: ['krea'],
      custom: [custom],
    });
    expect(normalizeSettings({ sendTo: { targets: [], custom: [] } }).sendTo).toEqual({ targets: [], custom: [] });
    expect(normalizeSettings({ sendTo: 'all' }).sendTo).toEqual(DEFAULT_SETTINGS.sendTo);
  });

  it('a v4 value keeps everything it had and gains "Send to…" and results in the popup', () => {
    const v4 = {
      provider: 'gemini',
      concurrency: 3,
      retention: '7d',
      storePageInfo: false,
      templates: [{ id: 't', name: 'T', text: 'x' }],
    };
    const migrated = normalizeSettings(settingsMigrations[5]!(v4));
    expect(migrated).toMatchObject({ ...v4, sendTo: DEFAULT_SETTINGS.sendTo, resultsIn: 'popup' });
  });

  it('v6: the saved vision models start as the model in use; a list the user emptied stays empty', () => {
    const v5 = { provider: 'groq', connections: { groq: { baseUrl: 'https://groq.test/v1', model: 'llama-v' } } };
    const migrated = normalizeSettings(settingsMigrations[6]!(v5));
    expect(migrated.visionModels).toEqual([
      { id: 'default', provider: 'groq', baseUrl: 'https://groq.test/v1', model: 'llama-v' },
    ]);
    expect(migrated.provider).toBe('groq');
    expect(normalizeSettings({ ...v5, visionModels: [] }).visionModels).toEqual([]);
    expect(DEFAULT_SETTINGS.visionModels).toEqual([
      {
        id: 'default',
        provider: 'openai',
        baseUrl: 'https://api.openai.com/v1',
        model: DEFAULT_SETTINGS.connections.openai.model,
      },
    ]);
  });

  it('walks every version: a value stored at each older version migrates to a valid current one', async () => {
    for (let version = 1; version <= SETTINGS_VERSION; version++) {
      fakeBrowser.reset();
      const stored =
        version === 1
          ? { provider: 'groq', defaultStyle: 'flux' }
          : { provider: 'groq', defaultStyle: 'flux', uiLanguage: 'ja' };
      await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: version } });
      await settingsItem.migrate();
      const raw = await fakeBrowser.storage.local.get(['settings', 'settings$']);
      expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
      const settings = await loadSettings();
      expect(settings).toMatchObject({ provider: 'groq', defaultStyle: 'flux' });
      // v1 had no interface language: it becomes "follow the browser"; later versions keep theirs.
      expect(settings.uiLanguage).toBe(version === 1 ? 'auto' : 'ja');
      // Before v4 nobody chose these: the defaults (2 at once, keep forever, keep page addresses).
      expect(settings).toMatchObject({ concurrency: 2, retention: 'forever', storePageInfo: true });
      // Before v5 results always opened in the popup: they still do.
      if (version < 5) expect(raw.settings).toMatchObject({ resultsIn: 'popup' });
      expect(settings.resultsIn).toBe('popup');
      // Before v5 there was no Recreate: no image provider until the user picks one, 180 s, auto size.
      expect(settings).toMatchObject({ imageProvider: null, imageSize: 'auto', imageTimeoutSeconds: 180 });
      if (version < 5) {
        const raw5 = (await fakeBrowser.storage.local.get('settings')).settings as any;
        expect(raw5).toMatchObject({ imageProvider: null, imageSize: 'auto', imageTimeoutSeconds: 180 });
        expect(raw5.imageConnections.fal).toEqual({ baseUrl: 'https://queue.fal.run', model: 'fal-ai/flux/schnell' });
      }
      // v5: the hover button starts off, on every site.
      if (version < 5) expect(raw.settings).toMatchObject({ hoverButton: false, hoverButtonOffSites: [] });
      expect(settings).toMatchObject({ hoverButton: false, hoverButtonOffSites: [] });
      // Before v5 there was no "Send to…": the default tools, no custom entries.
      expect(settings.sendTo).toEqual({ targets: ['chatgpt', 'gemini', 'midjourney', 'perplexity'], custom: [] });
      if (version < 5) expect((raw.settings as Record<string, unknown>).sendTo).toEqual(settings.sendTo);
      // v5 prepares the right-clicked image while the menu is open, for everyone (a setting turns it off).
      expect(settings.prepareOnMenu).toBe(true);
      // v6: "Refine and recreate" stops at 85 / 100 or after 3 rounds.
      if (version < 6) expect(raw.settings).toMatchObject({ targetScore: 85, maxRounds: 3 });
      expect(settings).toMatchObject({ targetScore: 85, maxRounds: 3 });
      // v6: Compare models' list starts with the model in use (groq's default here).
      expect(settings.visionModels).toEqual([
        {
          id: 'default',
          provider: 'groq',
          baseUrl: settings.connections.groq.baseUrl,
          model: settings.connections.groq.model,
        },
      ]);
      if (version < 6) expect((raw.settings as Settings).visionModels).toEqual(settings.visionModels);
    }
    for (let v = 2; v <= SETTINGS_VERSION; v++) expect(settingsMigrations[v]).toBeTypeOf('function');
  });

  it('refine rounds: target score and round limit kept within their ranges', () => {
    expect(normalizeSettings({ targetScore: 140, maxRounds: 1 })).toMatchObject({ targetScore: 100, maxRounds: 2 });
    expect(normalizeSettings({ targetScore: '70', maxRounds: 5.4 })).toMatchObject({ targetScore: 70, maxRounds: 5 });
    expect(normalizeSettings({ targetScore: 'high' })).toMatchObject({ targetScore: 85, maxRounds: 3 });
  });

  it('image generation: repaired like the vision settings; the key falls back to the same account’s vision key', () => {
    const repaired = normalizeSettings({
      imageProvider: 'midjourney',
      imageSize: '2:3; drop table',
      imageTimeoutSeconds: 0,
      imageConnections: { a1111: { baseUrl: 'http://gpu-box:7860' } },
    });
    expect(repaired).toMatchObject({ imageProvider: null, imageSize: 'auto', imageTimeoutSeconds: 1 });
    expect(repaired.imageConnections.a1111).toEqual({ baseUrl: 'http://gpu-box:7860', model: '' });
    expect(normalizeSettings({ imageProvider: 'fal', imageSize: '1536x1024' })).toMatchObject({
      imageProvider: 'fal',
      imageSize: '1536x1024',
    });
    expect(normalizeSettings({ imageSize: '3:2' }).imageSize).toBe('3:2');
    // Same account: the vision key is reused unless the image provider has its own.
    expect(imageApiKey('openai', {}, { openai: 'sk-vision' })).toBe('sk-vision');
    expect(imageApiKey('openai', { openai: 'sk-images' }, { openai: 'sk-vision' })).toBe('sk-images');
    expect(imageApiKey('openrouter', {}, { openrouter: 'or-1' })).toBe('or-1');
    // fal and local servers share no account with a vision provider.
    expect(imageApiKey('fal', {}, { openai: 'sk-vision' })).toBe('');
    expect(imageApiKey('a1111', {}, { openai: 'sk-vision' })).toBe('');
  });
});
