import { defineConfig } from 'wxt';

// Build integration (locale checks, the slimmed openai SDK, the history validator) lives in
// modules/, which WXT loads by itself.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The sources zip AMO asks for: what `npm ci && npm run build:firefox` needs, nothing more
  // (no tests, reports, screenshots or local files; dot files such as .env are never included).
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'modules/**',
      'locales/**',
      'public/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: {
      default_title: '__MSG_actionTitle__',
      // A mid-tone tile with a white glyph: Chrome has no per-theme action icon, and the glyph's
      // contrast with its own tile holds on light and dark toolbars alike (README, "Icons").
      default_icon: { 16: 'icon/toolbar-16.png', 32: 'icon/toolbar-32.png' },
      // Firefox: "light" is shown on themes with light text (dark toolbars), "dark" on the others.
      ...(browser === 'firefox'
        ? {
            theme_icons: [16, 32].map((size) => ({
              light: `icon/toolbar-on-dark-${size}.png`,
              dark: `icon/toolbar-${size}.png`,
              size,
            })),
          }
        : {}),
    },
    // contextMenus: the entry on images. storage: settings and key. notifications: "prompt
    // ready" when the browser will not open the popup. <all_urls>: read the image the user
    // right-clicked from whatever site serves it, and reach whichever provider URL they set.
    // declarativeNetRequestWithHostAccess: the page's Referer on our own download of a
    // hotlink-protected image (a session rule for that one URL, removed right after).
    // alarms: history retention runs hourly, waking a stopped worker. unlimitedStorage: the
    // history (thumbnails, cached images) is never evicted under disk pressure nor capped by
    // the origin quota; only a really full disk can refuse it (caught, see storage-guard.ts).
    // webNavigation: list a tab's frames, so "All images on this page…" asks each one.
    permissions: [
      'contextMenus',
      'storage',
      'notifications',
      'declarativeNetRequestWithHostAccess',
      'alarms',
      'unlimitedStorage',
      'webNavigation',
      // Chrome: the offscreen document that decodes JPEGs at reduced size (Firefox has no such API).
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: ['<all_urls>'],
    // The content script: every site and every frame (the image the user right-clicks can be on
    // any page, in any frame), at document_idle (the default), so it never competes with the
    // page's own loading. Declared here, as an unlisted script, rather than by defineContentScript:
    // WXT's content-script context would cost each of a page's frames a start-up message and a
    // listener, and a page can invalidate that context with a forged "newer script" signal.
    content_scripts: [{ matches: ['<all_urls>'], all_frames: true, js: ['page-watcher.js'] }],
    // Keyboard commands need no permission. Alt+Shift+P is only a suggestion: a browser where it
    // is taken leaves it unassigned, and the user picks another (options → "Change shortcuts").
    // The side panel's `sidePanel` permission (Chrome) and Firefox's sidebar_action come from the
    // entrypoints/sidepanel entrypoint (WXT writes them).
    commands: {
      'prompt-under-pointer': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPromptUnderPointer__',
      },
      'open-batch-page': { description: '__MSG_commandOpenBatch__' },
    },
    // Stricter than both browsers' MV3 default: no 'wasm-unsafe-eval' (we run no WebAssembly), no
    // plugins, no <base> rewriting. Checked on every build by scripts/check-extension-policy.ts.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'promptlens@promptlens.app',
              strict_min_version: '140.0',
              // The image the user right-clicks goes to the AI provider they chose: website content.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
