import { defineConfig } from 'wxt';
import { historyValidator } from './lib/build/history-validator-plugin';
import { addLocaleAssets } from './lib/build/locale-assets';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: { 'build:publicAssets': addLocaleAssets },
  vite: () => ({ plugins: [historyValidator()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // contextMenus: the entry on images. storage: settings and key. notifications: "prompt
    // ready" when the browser will not open the popup. <all_urls>: read the image the user
    // right-clicked from whatever site serves it, and reach whichever provider URL they set.
    // declarativeNetRequestWithHostAccess: the page's Referer on our own download of a
    // hotlink-protected image (a session rule for that one URL, removed right after).
    // alarms: history retention runs hourly, waking a stopped worker. unlimitedStorage: the
    // history (thumbnails, cached images) is never evicted under disk pressure nor capped by
    // the origin quota; only a really full disk can refuse it (caught, see storage-guard.ts).
    permissions: ['contextMenus', 'storage', 'notifications', 'declarativeNetRequestWithHostAccess', 'alarms', 'unlimitedStorage'],
    host_permissions: ['<all_urls>'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
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
