// Prints each content script's built size: one per site (entrypoints/<site>.content.ts),
// each holding that site's reader only; it runs on every page of a huge site, so it
// must stay small (target under 30 KB gzip each). Run after `wxt build`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_GZIP = 30 * 1024;
const OUT = process.env.TIEWISE_OUT_DIR ?? '.output';
let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv2']) {
  const dir = join(OUT, target, 'content-scripts');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js')).sort()) {
    const raw = readFileSync(join(dir, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    console.log(`content script ${f} (${target}): ${raw.length} bytes, ${gz} bytes gzip (target < ${TARGET_GZIP})`);
    if (gz > TARGET_GZIP) failed = true;
  }
}
if (failed) {
  console.error('A content script is over its size budget.');
  process.exit(1);
}
