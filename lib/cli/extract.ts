// `npm run --silent extract -- --url <URL> <saved-page.html>`: runs the content
// script's extractor over a saved page and prints the contract's JSON object
// (../../shared/docs/extraction.md). Exit 0 whatever was read; 2 only when the file
// cannot be read. Without --url, the page's canonical link or og:url stands in.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../extract/extract';
import { emptyFields } from '../extract/types';

function main(argv: string[]): number {
  let url: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url') url = argv[++i] ?? null;
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--') continue;
    else if (!file) file = a;
  }
  if (!file) {
    process.stderr.write('usage: extract --url <URL> <saved-page.html>\n');
    return 2;
  }
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  // a silent virtual console: jsdom's CSS and parse complaints must not reach stdout
  const virtualConsole = new VirtualConsole();
  let out;
  try {
    let dom = new JSDOM(html, { url: validUrl(url) ?? 'about:blank', virtualConsole });
    if (!validUrl(url)) {
      const doc = dom.window.document;
      const found =
        validUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
        validUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'));
      if (found) {
        url = found;
        dom = new JSDOM(html, { url, virtualConsole });
      }
    }
    out = validUrl(url)
      ? extractPage(dom.window.document, url!)
      : { site: null, kind: 'not-profile', profileUrl: null, lang: null, fields: emptyFields() };
    dom.window.close();
  } catch {
    out = { site: null, kind: 'not-profile', profileUrl: null, lang: null, fields: emptyFields() };
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
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

process.exitCode = main(process.argv.slice(2));
