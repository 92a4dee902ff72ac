// `npm run --silent extract -- --url <URL> <saved-page.html>`: runs the content
// script's extractor over a saved page and prints the contract's JSON object
// (docs/extraction.md). Exit 0 whatever was read; 2 only when the file
// cannot be read. Without --url, the page's "saved from url" mark, canonical link or og:url stands in.
//
// `npm run --silent extract -- --score <folder>`: every `<name>.html` under the
// folder (recursively) with its sidecar `<name>.json` (docs/extraction.md)
// is extracted under the sidecar's URL and scored (lib/extract/score.ts): per page
// the keys right / wrong / unread, then the totals. Exit 0; 2 only when the folder
// cannot be read.
//
// Pages are decoded as a browser decodes them (sniffEncoding) and read in a worker
// thread within LIMITS (size 25 MiB, nesting 512, 120 s, 3 GB heap): a page beyond
// them is exit 2 with one line naming the limit (with --score: "not scored"), never a
// crash and never a silent not-profile.
// Over 300 lines on purpose: one CLI; reading a page, its limits and --score share the
// decoding and the reader.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parse as parse5 } from 'parse5';
import { extractPage } from '../lib/extract/extract';
import { brief, parseSidecar, scorePage, totals, type PageScore, type Sidecar } from '../lib/extract/score';
import { emptyFields, type Extraction } from '../lib/extract/types';

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

/** Runs the extractor over a page's HTML, under `url` (else its saved-from mark / canonical link / og:url). */
export function extractHtml(html: string, url: string | null): Extraction {
  // a silent virtual console: jsdom's CSS and parse complaints must not reach stdout
  const virtualConsole = new VirtualConsole();
  // (no catch-all here: a throw is a page beyond the limits or a bug, never a not-profile)
  let dom = new JSDOM(html, { url: validUrl(url) ?? 'about:blank', virtualConsole });
  try {
    if (!validUrl(url)) {
      const doc = dom.window.document;
      const found =
        validUrl(savedFrom(html)) ??
        validUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
        validUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'));
      if (found) {
        url = found;
        dom.window.close();
        dom = new JSDOM(html, { url, virtualConsole });
      }
    }
    return validUrl(url) ? extractPage(dom.window.document, url!) : notProfile();
  } finally {
    dom.window.close();
  }
}

/**
 * The URL a page was saved from, as browsers' "Save as" (and Tiewise's layout
 * report) mark it at the top: `<!-- saved from url=(0042)https://… -->`.
 */
export function savedFrom(html: string): string | null {
  return /<!--\s*saved from url=\(\d{1,5}\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1] ?? null;
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

// ---------- limits ----------

/**
 * What reading one page may cost. A page beyond any of them is exit 2 with one line
 * naming the limit — never a silent not-profile or a process killed out of memory.
 */
export const LIMITS = {
  /**
   * Size of the saved file: 25 MiB, ~8× the largest saved profile pages we have seen
   * (3.3 MB). jsdom needs about 75 bytes of heap per byte of dense HTML.
   */
  maxBytes: 25 * 1024 * 1024,
  /**
   * Element nesting: 512, the depth Chromium's HTML parser never exceeds
   * (kMaximumHTMLParserDOMTreeDepth), so deeper structure is not what a browser shows;
   * real pages nest ~40 deep. jsdom's tree building is quadratic in depth (8,000 deep:
   * 30 s) and overflows its stack past ~10,000.
   */
  maxDepth: 512,
  /** Wall-clock time to read one page, in a worker that is stopped when it runs over. */
  maxSeconds: 120,
  /** Heap of the worker that reads a page (what the largest page allowed needs, ×1.5). */
  maxHeapMb: 3072,
};

/** A page beyond LIMITS; its message is the one line the command prints. */
export class LimitError extends Error {}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

type P5Node = { childNodes?: P5Node[]; content?: P5Node };

/**
 * The deepest element nesting of `html` as an HTML parser builds it (parse5: linear
 * time, no recursion), template contents included. A count, not a DOM to keep.
 */
export function domDepth(html: string): number {
  let max = 0;
  const nodes: P5Node[] = [parse5(html) as P5Node];
  const depths: number[] = [0];
  while (nodes.length) {
    const n = nodes.pop()!;
    const d = depths.pop()!;
    if (d > max) max = d;
    if (n.content) {
      nodes.push(n.content);
      depths.push(d);
    }
    for (const c of n.childNodes ?? []) {
      if (c.childNodes?.length || c.content) {
        nodes.push(c);
        depths.push(d + 1);
      } else if (d + 1 > max && (c as { tagName?: string }).tagName) max = d + 1;
    }
  }
  return max;
}

/**
 * Reads one saved page as the command does: limits checked, decoded, extracted.
 * Throws LimitError beyond a limit; any other throw is an extractor bug, reported as such.
 */
export function readPage(bytes: Uint8Array, url: string | null): Extraction {
  if (bytes.byteLength > LIMITS.maxBytes) throw new LimitError(`the page is ${mib(bytes.byteLength)}, beyond the ${mib(LIMITS.maxBytes)} limit`);
  const html = decodeHtml(bytes);
  const depth = domDepth(html);
  if (depth > LIMITS.maxDepth) throw new LimitError(`the page nests elements ${depth} deep, beyond the limit of ${LIMITS.maxDepth} (the most a browser builds)`);
  try {
    return extractHtml(html, url);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new LimitError('reading the page overflowed the stack');
    throw e;
  }
}

export type Reply = { ok: Extraction } | { limit: string } | { error: string };

function replyOf(fn: () => Extraction): Reply {
  try {
    return { ok: fn() };
  } catch (e) {
    return e instanceof LimitError ? { limit: e.message } : { error: `the extractor failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/**
 * Reads pages in a worker thread with a bounded heap (maxHeapMb) and a deadline
 * (maxSeconds, counted from when the worker has the page): one worker for many
 * pages, replaced after a failure. `limits` overrides LIMITS (tests use small ones).
 */
export class PageReader {
  private worker: Promise<Worker> | null = null;
  readonly limits: typeof LIMITS;

  constructor(limits: Partial<typeof LIMITS> = {}) {
    this.limits = { ...LIMITS, ...limits };
  }

  async read(bytes: Uint8Array, url: string | null): Promise<Reply> {
    const lim = this.limits;
    if (bytes.byteLength > lim.maxBytes) return { limit: `the page is ${mib(bytes.byteLength)}, beyond the ${mib(lim.maxBytes)} limit` };
    let w: Worker;
    try {
      w = await (this.worker ??= this.spawn());
    } catch (e) {
      this.worker = null;
      return { error: `the reader could not start: ${(e as Error).message}` };
    }
    return new Promise((resolve) => {
      const done = (r: Reply, stop: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (stop) {
          this.worker = null;
          void w.terminate();
        }
        resolve(r);
      };
      const onMessage = (r: Reply) => done(r, false);
      const onError = (e: Error & { code?: string }) =>
        done(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { limit: `reading the page needed more than ${lim.maxHeapMb} MB of memory` }
            : { error: `the reader failed: ${e.message}` },
          true,
        );
      const onExit = (code: number) => done({ error: `the reader stopped (exit ${code})` }, true);
      const timer = setTimeout(() => done({ limit: `reading the page took longer than ${lim.maxSeconds} s` }, true), lim.maxSeconds * 1000);
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.postMessage({ bytes, url });
    });
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    void w?.then((x) => x.terminate()).catch(() => {});
  }

  /** A worker that has loaded the extractor and said so (its start-up is not the page's time). */
  private spawn(): Promise<Worker> {
    // run as TypeScript (tsx): a worker does not inherit tsx's loader, so it registers it first
    const self = import.meta.url;
    const boot = self.endsWith('.ts')
      ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`
      : `import(${JSON.stringify(self)});`;
    const w = new Worker(boot, {
      eval: true,
      workerData: { tiewiseExtractReader: true, limits: this.limits },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb },
      stdout: true, // nothing the page's scripts or jsdom print reaches our stdout
    });
    w.on('error', () => {}); // a late error after a deadline: already reported
    return new Promise((resolve, reject) => {
      const exit = (code: number) => reject(new Error(`exit ${code}`));
      const ready = (m: unknown) => {
        if ((m as { ready?: boolean })?.ready) {
          w.off('message', ready).off('error', reject).off('exit', exit);
          resolve(w);
        }
      };
      w.on('message', ready).once('error', reject).once('exit', exit);
    });
  }
}

if (!isMainThread && (workerData as { tiewiseExtractReader?: boolean } | null)?.tiewiseExtractReader) {
  Object.assign(LIMITS, (workerData as { limits?: Partial<typeof LIMITS> }).limits);
  parentPort!.on('message', ({ bytes, url }: { bytes: Uint8Array; url: string | null }) => {
    parentPort!.postMessage(replyOf(() => readPage(bytes, url)));
  });
  parentPort!.postMessage({ ready: true });
}

// ---------- --score ----------

export interface ScoredPage {
  /** path of the .html relative to the folder */
  name: string;
  score: PageScore | null;
  /** why the page was not scored (sidecar missing or broken, page unreadable or beyond the limits) */
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

type Prepared = { name: string; sidecar: Sidecar; bytes: Uint8Array };

/** A page's sidecar and bytes, or the reason it can't be scored. */
function prepare(dir: string, name: string): Prepared | ScoredPage {
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
  try {
    const size = statSync(file).size;
    if (size > LIMITS.maxBytes) return { name, score: null, error: `the page is ${mib(size)}, beyond the ${mib(LIMITS.maxBytes)} limit`, known_unread, sidecar };
    return { name, sidecar, bytes: readFileSync(file) };
  } catch (e) {
    return { name, score: null, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, known_unread, sidecar };
  }
}

function scored(p: Prepared, r: Reply): ScoredPage {
  const known_unread = p.sidecar.known_unread ?? {};
  if ('ok' in r) return { name: p.name, score: scorePage(r.ok, p.sidecar), sidecar: p.sidecar, known_unread };
  return { name: p.name, score: null, error: 'limit' in r ? r.limit : r.error, sidecar: p.sidecar, known_unread };
}

/** Extracts one saved page (in this thread) under its sidecar's URL and scores it; `name` is relative to `dir`. */
export function scoreFile(dir: string, name: string): ScoredPage {
  const p = prepare(dir, name);
  if (!('bytes' in p)) return p;
  return scored(p, replyOf(() => readPage(p.bytes, p.sidecar.url)));
}

/** Extracts (in a bounded worker) and scores every page under `dir`. Throws when `dir` can't be read. */
export async function scoreFolder(dir: string, reader: PageReader): Promise<ScoredPage[]> {
  const out: ScoredPage[] = [];
  for (const name of pagesIn(dir)) {
    const p = prepare(dir, name);
    out.push('bytes' in p ? scored(p, await reader.read(p.bytes, p.sidecar.url)) : p);
  }
  return out;
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
  const scoredPages = pages.filter((p) => p.score).map((p) => p.score!);
  const t = totals(scoredPages);
  const skipped = pages.length - scoredPages.length;
  lines.push(
    `total: ${t.pages} page${t.pages === 1 ? '' : 's'}${skipped ? ` (${skipped} not scored)` : ''}: right ${t.right}, wrong ${t.wrong}, unread ${t.unread}; ${t.pctRight.toFixed(1)}% right`,
  );
  return lines.join('\n') + '\n';
}

// ---------- main ----------

export async function main(argv: string[]): Promise<number> {
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
  const fail = (msg: string) => {
    process.stderr.write(`extract: ${msg.replace(/\s+/g, ' ')}\n`);
    return 2;
  };
  const reader = new PageReader();
  try {
    if (score !== null) {
      let pages: ScoredPage[];
      try {
        pages = await scoreFolder(score, reader);
      } catch (e) {
        return fail(`cannot read folder ${score || '(none given)'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      process.stdout.write(report(pages));
      return 0;
    }
    if (!file) return fail('usage: extract --url <URL> <saved-page.html> | extract --score <folder>');
    let bytes: Uint8Array;
    try {
      const size = statSync(file).size;
      if (size > LIMITS.maxBytes) return fail(`${file}: the page is ${mib(size)}, beyond the ${mib(LIMITS.maxBytes)} limit`);
      bytes = readFileSync(file);
    } catch (e) {
      return fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const r = await reader.read(bytes, url);
    if ('limit' in r) return fail(`${file}: ${r.limit}`);
    if ('error' in r) return fail(`${file}: ${r.error}`);
    process.stdout.write(JSON.stringify(r.ok, null, 2) + '\n');
    return 0;
  } finally {
    reader.close();
  }
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
