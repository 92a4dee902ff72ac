import { defineConfig } from 'wxt';

// Fewest permissions: storage (settings) and the side panel. No host permissions:
// the content script's own match patterns (entrypoints/content.ts: the three
// sites over https) are all the site access Tiewise needs. No web-accessible
// resources: the sites probe for them to detect extensions.
export default defineConfig({
  // parallel builds (several engineers' E2E runs) may each use their own folder
  outDir: process.env.TIEWISE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tiewise@tiewise.app', strict_min_version: '115.0' } } }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', '.ci/**', '.output/**', 'node_modules/**'],
  },
});
