// Prints the content script's built size (it runs on every profile page, so it
// must stay small: target under 30 KB gzip). Run after `wxt build`.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const TARGET_GZIP = 30 * 1024;
let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv2']) {
  const file = `.output/${target}/content-scripts/content.js`;
  if (!existsSync(file)) continue;
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`content script (${target}): ${raw.length} bytes, ${gz} bytes gzip (target < ${TARGET_GZIP})`);
  if (gz > TARGET_GZIP) failed = true;
}
if (failed) {
  console.error('The content script is over its size budget.');
  process.exit(1);
}
