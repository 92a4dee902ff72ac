// `npm run --silent extract -- --url <URL> <saved-page.html>`: runs the content
// script's extractor over a saved page and prints the contract's JSON object
// (../../shared/docs/extraction.md). Exit 0 whatever was read; 2 only when the file
// cannot be read. Without --url, the page's canonical link or og:url stands in.
//
// `npm run --silent extract -- --score <folder>`: every `<name>.html` under the
// folder (recursively) with its sidecar `<name>.json` (../../shared/docs/real-pages.md)
// is extracted under the sidecar's URL and scored (lib/extract/score.ts): per page
// the keys right / wrong / unread, then the totals. Exit 0; 2 only when the folder
// cannot be read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../extract/extract';
import { brief, parseSidecar, scorePage, totals, type PageScore, type Sidecar } from '../extract/score';
import { emptyFields, type Extraction } from '../extract/types';

const notProfile = (): Extraction => ({ site: null, kind: 'not-profile', profileUrl: null, lang: null, fields: emptyFields() });

// The HTML standard's encoding sniffing (jsdom's own implementation): BOM, then a
// <meta charset> / <meta http-equiv="Content-Type"> in the first 1024 bytes.
const sniff = createRequire(import.meta.url)('html-encoding-sniffer') as (bytes: Uint8Array, o?: { defaultEncoding?: string }) => string;

/** How far past the first 1024 bytes a late `<meta charset>` is still looked for (Blink scans the whole <head>). */
export const HEAD_SCAN_BYTES = 64 * 1024;

export type EncodingSource = 'bom' | 'meta' | 'default' | 'utf-8 bytes';

/**
 * The encoding a browser would decode a saved page with: its BOM, else the charset a
 * `<meta>` declares (in the first 1024 bytes as the standard says, else anywhere in the
 * <head> within HEAD_SCAN_BYTES, as Chromium does), else UTF-8.
 * One departure: a page whose `<meta>` declares a legacy charset but whose bytes are
 * valid UTF-8 with non-ASCII text in them was re-saved as UTF-8 by a tool that kept
 * the old declaration (real legacy-encoded text is practically never valid UTF-8);
 * it is decoded as UTF-8 instead of being garbled.
 */
export function sniffEncoding(bytes: Uint8Array): { encoding: string; source: EncodingSource } {
  // (3 bytes hold a BOM but no <meta>)
  const bom = sniff(bytes.subarray(0, 3), { defaultEncoding: '' });
  if (bom) return { encoding: bom, source: 'bom' };
  let declared = sniff(bytes, { defaultEncoding: '' });
  if (!declared) {
    // a declaration after a long <head> prologue (saved-from comments, inline styles)
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_SCAN_BYTES));
    const end = head.search(/<\/head\s*>|<body[\s>]/i);
    const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(end < 0 ? head : head.slice(0, end));
    // through the prescan itself, for its label rules (cp1251 → windows-1251; a UTF-16 label means UTF-8)
    if (m) declared = sniff(new TextEncoder().encode(`<meta charset="${m[1]}">`), { defaultEncoding: '' });
  }
  if (!declared) return { encoding: 'UTF-8', source: 'default' };
  if (declared !== 'UTF-8' && bytes.some((b) => b >= 0x80) && isUtf8(bytes)) return { encoding: 'UTF-8', source: 'utf-8 bytes' };
  return { encoding: declared, source: 'meta' };
}

/** The page's text from its bytes, decoded as a browser would (sniffEncoding). */
export function decodeHtml(bytes: Uint8Array): string {
  const { encoding } = sniffEncoding(bytes);
  try {
    // TextDecoder drops the BOM of the encoding it decodes
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    // an encoding this Node has no decoder for: what a browser falls back to
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Runs the extractor over a page's HTML, under `url` (else its canonical link / og:url). */
export function extractHtml(html: string, url: string | null): Extraction {
  // a silent virtual console: jsdom's CSS and parse complaints must not reach stdout
  const virtualConsole = new VirtualConsole();
  let out: Extraction;
  try {
    let dom = new JSDOM(html, { url: validUrl(url) ?? 'about:blank', virtualConsole });
    if (!validUrl(url)) {
      const doc = dom.window.document;
      const found =
        validUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
        validUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'));
      if (found) {
        url = found;
        dom.window.close();
        dom = new JSDOM(html, { url, virtualConsole });
      }
    }
    out = validUrl(url) ? extractPage(dom.window.document, url!) : notProfile();
    dom.window.close();
  } catch {
    out = notProfile();
  }
  return out;
}

function validUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
  } catch {
    return null;
  }
}

// ---------- --score ----------

export interface ScoredPage {
  /** path of the .html relative to the folder */
  name: string;
  score: PageScore | null;
  /** why the page was not scored (sidecar missing or broken, page unreadable) */
  error?: string;
  known_unread: Record<string, string>;
  sidecar?: Sidecar;
}

/** Every `.html` under `dir` (sorted, recursively); throws when `dir` can't be read. */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.html?$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every `.html` under `dir` (relative paths, sorted); throws when `dir` can't be read. */
export function pagesIn(dir: string): string[] {
  if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  return htmlFiles(dir).map((f) => relative(dir, f));
}

/** Extracts one saved page under its sidecar's URL and scores it; `name` is relative to `dir`. */
export function scoreFile(dir: string, name: string): ScoredPage {
  const file = join(dir, name);
  const jsonPath = file.replace(/\.html?$/i, '.json');
  let sidecarText: string;
  try {
    sidecarText = readFileSync(jsonPath, 'utf8');
  } catch {
    return { name, score: null, error: 'no sidecar (.json) beside it', known_unread: {} };
  }
  let sidecar;
  try {
    sidecar = parseSidecar(JSON.parse(sidecarText));
  } catch (e) {
    sidecar = `not valid JSON (${(e as Error).message})`;
  }
  if (typeof sidecar === 'string') return { name, score: null, error: `sidecar: ${sidecar}`, known_unread: {} };
  const known_unread = sidecar.known_unread ?? {};
  let html: string;
  try {
    html = decodeHtml(readFileSync(file));
  } catch (e) {
    return { name, score: null, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, known_unread };
  }
  return { name, score: scorePage(extractHtml(html, sidecar.url), sidecar), sidecar, known_unread };
}

/** Extracts and scores every page under `dir`. Throws when `dir` can't be read. */
export function scoreFolder(dir: string): ScoredPage[] {
  return pagesIn(dir).map((name) => scoreFile(dir, name));
}

/** The human report of a scored folder: per page, then the totals. */
export function report(pages: ScoredPage[]): string {
  const lines: string[] = [];
  for (const p of pages) {
    if (!p.score) {
      lines.push(`${p.name}: not scored: ${p.error}`);
      continue;
    }
    const s = p.score;
    lines.push(`${p.name}: right ${s.right}, wrong ${s.wrong}, unread ${s.unread}`);
    const of = (v: string) => s.keys.filter((k) => k.verdict === v);
    if (of('right').length) lines.push(`  right:  ${of('right').map((k) => k.key).join(', ')}`);
    for (const k of of('wrong')) lines.push(`  WRONG:  ${k.key}: got ${brief(k.got)}, expected ${brief(k.expected)}${k.note ? ` (${k.note})` : ''}`);
    if (of('unread').length)
      lines.push(
        `  unread: ${of('unread')
          .map((k) => `${k.key} (${k.note ?? 'not ok'}${p.known_unread[k.key] ? '; known' : ''})`)
          .join(', ')}`,
      );
    for (const pr of s.problems) lines.push(`  sidecar problem: ${pr}`);
  }
  const scored = pages.filter((p) => p.score).map((p) => p.score!);
  const t = totals(scored);
  const skipped = pages.length - scored.length;
  lines.push(
    `total: ${t.pages} page${t.pages === 1 ? '' : 's'}${skipped ? ` (${skipped} not scored)` : ''}: right ${t.right}, wrong ${t.wrong}, unread ${t.unread}; ${t.pctRight.toFixed(1)}% right`,
  );
  return lines.join('\n') + '\n';
}

// ---------- main ----------

export function main(argv: string[]): number {
  let url: string | null = null;
  let file: string | null = null;
  let score: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url') url = argv[++i] ?? null;
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--score') score = argv[++i] ?? '';
    else if (a.startsWith('--score=')) score = a.slice(8);
    else if (a === '--') continue;
    else if (!file) file = a;
  }
  if (score !== null) {
    let pages: ScoredPage[];
    try {
      pages = scoreFolder(score);
    } catch (e) {
      process.stderr.write(`extract: cannot read folder ${score || '(none given)'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    process.stdout.write(report(pages));
    return 0;
  }
  if (!file) {
    process.stderr.write('usage: extract --url <URL> <saved-page.html> | extract --score <folder>\n');
    return 2;
  }
  let html: string;
  try {
    html = decodeHtml(readFileSync(file));
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  process.stdout.write(JSON.stringify(extractHtml(html, url), null, 2) + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
