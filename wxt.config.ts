import { defineConfig } from 'wxt';

// The three sites' hosts, and nothing else. The content script's matches are
// declared in entrypoints/content.ts; host_permissions stay the same list so the
// panel may ask a tab which page it shows.
export const SITE_HOSTS = [
  '*://*.linkedin.com/*',
  '*://*.facebook.com/*',
  '*://vk.com/*',
  '*://*.vk.com/*',
  '*://vk.ru/*',
  '*://*.vk.ru/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: SITE_HOSTS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tiewise@tiewise.app', strict_min_version: '115.0' } } }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', '.ci/**', '.output/**', 'node_modules/**'],
  },
});
