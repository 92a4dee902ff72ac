// A page saved with SavePage WE inlines every <img> as a data: URL and keeps the page's
// own src in data-savepage-src: the profile photo is read from there (real 2021 LinkedIn
// pages saved this way read it as missing before), never a data: URL.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '@/tools/extract';

const real = (p: string) => readFileSync(new URL(`../fixtures/real/${p}`, import.meta.url), 'utf8');
const ok = (f: { status: string; value?: unknown }) => (f.status === 'ok' ? f.value : null);
const urlOf = (p: string) => (JSON.parse(real(p.replace(/\.html$/, '.json'))) as { url: string }).url;

describe('pages saved by SavePage WE', () => {
  it('LinkedIn 2021: the top card photo from data-savepage-src', () => {
    const x = extractHtml(real('linkedin/li-2021-client-pt.html'), urlOf('linkedin/li-2021-client-pt.html'));
    expect(ok(x.fields.photoUrl)).toMatch(/^https:\/\/media\.licdn\.com\/.*profile-displayphoto/);
  });

  it('VK 2016-22: the avatar from data-savepage-src, and no data: URL ever', () => {
    const p = 'vk/vk-2022-old-career-ru.html';
    const html = real(p).replace(/(<img\s+class="page_avatar_img"\s+)src="([^"]+)"/, '$1src="data:image/jpeg;base64,AAAA" data-savepage-src="$2"');
    expect(ok(extractHtml(html, urlOf(p)).fields.photoUrl)).toMatch(/^https:\/\/sun1-89\.userapi\.com\//);
    const none = real(p).replace(/(<img\s+class="page_avatar_img"\s+)src="([^"]+)"/, '$1src="data:image/jpeg;base64,AAAA"');
    expect(extractHtml(none, urlOf(p)).fields.photoUrl.status).not.toBe('ok');
  });
});
