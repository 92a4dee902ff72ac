// Property-based robustness: mutate the saved-page fixtures (delete, duplicate and
// move subtrees, truncate the document, swap text for markup, script payloads, emoji,
// right-to-left and very long strings, strip attributes, poison links) and run the
// extractors over each mutated page. Nothing may throw, the result must satisfy the
// contract's schema, values must be text (never serialised markup) and URLs http(s),
// and a read may not take much longer than the clean page's.
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../lib/extract/extract';
import { FIELD_NAMES } from '../../lib/extract/types';
import { ExtractionSchema } from '../../lib/extract/schema';
import { loadFixtures } from '../fixtures/pages/load';

const RUNS = 1000;
const fixtures = loadFixtures();

// Markers that live only in markup (attributes, script bodies): if one shows up in a
// value, the extractor serialised HTML instead of reading text nodes.
const MARKUP = [
  '<img src="x" onerror="ONERROR_MARK()">',
  '<script>SCRIPTBODY_MARK()</script>',
  '<style>STYLEBODY_MARK{}</style>',
  '<svg><image href="javascript:SVG_MARK()"/></svg>',
  '<h2>About</h2><p>Опыт работы</p>',
  '<a href="javascript:JSLINK_MARK()">link</a>',
  '<span aria-hidden="true">500+ connections</span>',
  '<li>Lives in <a href="data:text/html,DATA_MARK">Nowhere</a></li>',
];
const TEXTS = [
  '<b>bold</b> & <i>it</i>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '🙂👩🏽‍💻🇷🇺 emoji',
  'ليلى حداد',
  'שלום עולם',
  '\u202eevil\u202c',
  'x'.repeat(30_000),
  'Опыт работы',
  '1,2 тыс. друзей',
  '',
  '   ',
];
const FORBIDDEN = /ONERROR_MARK|SCRIPTBODY_MARK|STYLEBODY_MARK|SVG_MARK|JSLINK_MARK|DATA_MARK/;

type Op =
  | { k: 'delete' | 'duplicate' | 'strip' | 'poison'; a: number }
  | { k: 'move'; a: number; b: number }
  | { k: 'text'; a: number; t: number }
  | { k: 'markup'; a: number; m: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constantFrom('delete' as const, 'duplicate' as const, 'strip' as const, 'poison' as const), a: fc.nat() }),
  fc.record({ k: fc.constant('move' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ k: fc.constant('text' as const), a: fc.nat(), t: fc.nat(TEXTS.length - 1) }),
  fc.record({ k: fc.constant('markup' as const), a: fc.nat(), m: fc.nat(MARKUP.length - 1) }),
);

// One window for the whole run: a JSDOM per page costs a whole window; DOMParser
// builds just the document (the extractors take the URL as an argument).
const win = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://example.invalid/', virtualConsole: new VirtualConsole() }).window;
const parser = new win.DOMParser();
function parse(html: string) {
  return parser.parseFromString(html, 'text/html');
}

function mutate(doc: Document, ops: Op[]) {
  // a live collection: cheaper than a selector query per operation
  const live = doc.getElementsByTagName('*');
  for (const o of ops) {
    const els = Array.from(live).slice(1); // not <html> itself
    if (!els.length) return;
    const el = els[o.a % els.length];
    switch (o.k) {
      case 'delete':
        el.remove();
        break;
      case 'duplicate':
        el.after(el.cloneNode(true));
        break;
      case 'strip':
        for (const at of Array.from(el.attributes)) el.removeAttribute(at.name);
        break;
      case 'poison':
        if (el.hasAttribute('href')) el.setAttribute('href', 'javascript:JSLINK_MARK()');
        else if (el.hasAttribute('src')) el.setAttribute('src', 'data:image/png;base64,DATA_MARK');
        else if (el.tagName === 'META') el.setAttribute('content', 'javascript:alert(1)');
        else el.setAttribute('aria-label', TEXTS[o.a % TEXTS.length]);
        break;
      case 'move': {
        const to = els[o.b % els.length];
        if (!el.contains(to)) to.append(el);
        break;
      }
      case 'text': {
        const walker = doc.createTreeWalker(el, 4);
        const n = walker.nextNode();
        if (n) n.nodeValue = TEXTS[o.t];
        else el.append(doc.createTextNode(TEXTS[o.t]));
        break;
      }
      case 'markup':
        // <title>, <textarea>, <script>, <style> take it as literal text, which is fair game
        if (!/^(?:TITLE|TEXTAREA|SCRIPT|STYLE|CODE)$/.test(el.tagName)) el.insertAdjacentHTML('afterbegin', MARKUP[o.m]);
        break;
    }
  }
}

function check(out: unknown): string[] {
  const problems: string[] = [];
  const r = ExtractionSchema.safeParse(out);
  if (!r.success) return [`schema: ${r.error.message}`];
  const x = r.data;
  for (const f of FIELD_NAMES) {
    const fld = x.fields[f];
    if (fld.status !== 'ok') continue;
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(fld.value);
    for (const s of strings) {
      if (FORBIDDEN.test(s)) problems.push(`${f}: markup leaked into the value: ${s.slice(0, 120)}`);
      if (s !== s.trim() || /\s{2,}/.test(s)) problems.push(`${f}: whitespace not collapsed: ${JSON.stringify(s.slice(0, 80))}`);
    }
    if (f === 'photoUrl' || f === 'websites') for (const s of strings) if (!/^https?:\/\//.test(s)) problems.push(`${f}: not http(s): ${s}`);
    if (typeof fld.value === 'number' && !(Number.isFinite(fld.value) && fld.value >= 0)) problems.push(`${f}: bad number ${fld.value}`);
  }
  return problems;
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

describe('fuzz: extractors over mutated fixtures', () => {
  it(`survives ${RUNS} mutated pages`, () => {
    // the clean page's read time, per fixture
    const clean = fixtures.map((f) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const d = parse(f.html);
        const t0 = performance.now();
        extractPage(d, f.expected.url);
        times.push(performance.now() - t0);
      }
      return median(times);
    });
    const parsed = fixtures.map((f) => parse(f.html));
    let runs = 0;
    const failures: string[] = [];
    const slow: number[] = [];
    const details = fc.check(
      fc.property(
        fc.nat(fixtures.length - 1),
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.option(fc.double({ min: 0.05, max: 0.98, noNaN: true }), { freq: 5 }),
        (i, ops, cut) => {
          runs++;
          const f = fixtures[i];
          const html = cut === null ? f.html : f.html.slice(0, Math.floor(f.html.length * cut));
          // cloning a parsed page is much cheaper than parsing it again; truncation needs a parse
          const doc = cut === null ? (parsed[i].cloneNode(true) as Document) : parse(html);
          mutate(doc, ops);
          const t0 = performance.now();
          let out: unknown;
          try {
            out = extractPage(doc, f.expected.url);
          } catch (e) {
            failures.push(`${f.name}: threw ${(e as Error).stack}`);
            return false;
          }
          const ms = performance.now() - t0;
          const limit = clean[i] * 10 + 25;
          if (ms > limit) slow.push(ms);
          const p = check(out);
          if (p.length) {
            failures.push(`${f.name} ${JSON.stringify(ops)} cut=${cut}: ${p.join('; ')}`);
            return false;
          }
          return true;
        },
      ),
      { numRuns: RUNS, seed: 20240601, endOnFailure: true },
    );
    if (details.failed && !failures.length) failures.push(String(details.errorInstance ?? details.counterexample));
    // timing is noisy on shared machines: a handful of slow reads is tolerated, a pattern is not
    console.log(`fuzz: ${runs} mutated pages, ${failures.length} failures, ${slow.length} slower than 10× clean + 25 ms`);
    expect(failures).toEqual([]);
    expect(slow.length).toBeLessThanOrEqual(Math.ceil(runs * 0.01));
  }, 300_000);
});
