import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

// Fewest permissions: storage (settings), alarms (the team book's sync) and the side
// panel. No host permissions at install (the team's server is an optional one):
// the content scripts' own match patterns (entrypoints/<site>.content.ts: the three
// sites over https) are all the site access Tiewise needs. No web-accessible
// resources: the sites probe for them to detect extensions.

/**
 * WXT wraps a content script's main() in its ContentScriptContext, which
 * dispatches `<extension id>:content:wxt:content-script-started` on the page's
 * document at start (the site can listen for it) and stops the script when a
 * same-named event arrives (the site can forge one). Our content script needs
 * none of it: this swaps WXT's isolated-world wrapper for one that only calls
 * main(). The privacy E2E suites check the built bundle and the page's view.
 */
function contentScriptWithoutContext(): Plugin {
  const prefix = '\0virtual:wxt-content-script-isolated-world-entrypoint?';
  return {
    name: 'tiewise:content-script-without-context',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const input = JSON.stringify(id.slice(prefix.length));
      return `import definition from ${input};\nexport default definition.main();\n`;
    },
  };
}

/**
 * zod's object parser probes for eval (`new Function('')`) unless told
 * `jitless`; extension pages forbid eval, so Firefox logs a CSP error for the
 * probe on every panel, settings and import-worker load. Every `import … from
 * 'zod'` in the extension goes through lib/zod.ts, which sets jitless before
 * any schema exists (the content script uses zod/mini, which never probes).
 */
/** Where a team's CouchDB may be: any https origin, or this machine over http. */
const TEAM_SERVER_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * The content scripts are minified by terser, not esbuild: each runs on every page of a
 * huge site under a 15 KB gzip budget (issue 16), and terser's extra passes and function
 * hoisting take 80–120 B gzip more off each script. The panel's pages keep esbuild.
 * (The extraction bench minifies its readers with the same options: tests/bench/cases/extract.ts.)
 */
export const CONTENT_SCRIPT_TERSER = {
  ecma: 2020,
  // Vite turns Safari 10's workarounds on by default; no Safari runs these scripts
  safari10: false,
  compress: { passes: 5, pure_getters: true, unsafe_arrows: true, hoist_funs: true },
} as const;

/** The Facebook layouts each Facebook content script reads (entrypoints/facebook*.content.ts). */
const FACEBOOK_LAYOUTS: Record<string, 'desktop' | 'mobile'> = { facebook: 'desktop', 'facebook-mobile': 'mobile' };

const zodJitless = { find: /^zod$/, replacement: resolve(import.meta.dirname, 'lib/zod.ts') };

export default defineConfig({
  // parallel builds (several engineers' E2E runs) may each use their own folder
  outDir: process.env.TIEWISE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    plugins: [contentScriptWithoutContext()],
    resolve: { alias: [zodJitless] },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the team book's sync resumes on an alarm after the MV3 worker slept (lib/sync)
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // the team's own CouchDB (issue 18): asked for one origin at a time, in Settings → Team's
    // "Connect" click; nothing is granted at install. MV2 (Firefox) has no
    // optional_host_permissions (WXT drops it there): origins go in optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: TEAM_SERVER_ORIGINS } : { optional_host_permissions: TEAM_SERVER_ORIGINS }),
    // tests only (tests/e2e/team-sync.e2e.test.ts): headless Chromium cannot answer the
    // permission prompt, so the team-sync E2E build is given the test server's origin up front
    ...(process.env.TIEWISE_TEST_HOST_PERMISSIONS ? { host_permissions: process.env.TIEWISE_TEST_HOST_PERMISSIONS.split(',') } : {}),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tiewise@tiewise.app',
              strict_min_version: '115.0',
              // Mozilla's add-on store asks every new add-on to declare what it collects: nothing
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The content scripts' builds write a hidden source map beside each script (no
    // `sourceMappingURL` in the script, so the browser never asks for it) from which
    // tools/size.ts tells what each module weighs; the zips leave the maps out.
    // Each Facebook script is built for its hosts' layouts (lib/extract/facebook.ts's LAYOUT):
    // the other's code is left out of it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.build = { ...config.build, sourcemap: 'hidden', minify: 'terser', terserOptions: CONTENT_SCRIPT_TERSER };
      // (and every content script reads the live sites only: the layouts they no longer serve are left out)
      const layout = entrypoints.length === 1 ? FACEBOOK_LAYOUTS[entrypoints[0].name] : undefined;
      config.define = { ...config.define, __TIEWISE_LIVE__: 'true', ...(layout ? { __TIEWISE_FACEBOOK__: JSON.stringify(layout) } : {}) };
    },
  },
  zip: {
    exclude: ['**/*.map'],
    excludeSources: ['tests/**', '.ci/**', '.output/**', 'node_modules/**'],
  },
});
