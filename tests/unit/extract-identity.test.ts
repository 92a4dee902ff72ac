// The right person, never the previous one: after an in-site navigation the old
// person's DOM lingers under the new URL. identityMatches() says whether the page's
// own evidence names the person the URL names; extractPage() discards a mismatched read.
// The pair: li-new-en (Anna Kowalski) and li-nav-b-en (Tom Fischer), same layout.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage, identityMatches } from '../../lib/extract/extract';
import { FIELD_NAMES } from '../../lib/extract/types';
import { loadFixtures } from '../fixtures/pages/load';

const fixtures = loadFixtures();
const page = (name: string) => {
  const f = fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};
const A = page('linkedin/li-new-en.html');
const B = page('linkedin/li-nav-b-en.html');
const dom = (html: string, url: string) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() });

describe('identityMatches with the navigation pair', () => {
  it('is true when the DOM and the URL name the same person', () => {
    expect(identityMatches(dom(A.html, A.expected.url).window.document, A.expected.url)).toBe(true);
    expect(identityMatches(dom(B.html, B.expected.url).window.document, B.expected.url)).toBe(true);
  });

  it('is true for other spellings of the same person (locale host, tail, query, case)', () => {
    const d = dom(B.html, B.expected.url).window.document;
    for (const u of ['https://de.linkedin.com/in/Tom-Fischer-7', 'https://www.linkedin.com/in/tom-fischer-7/details/experience/', 'https://www.linkedin.com/in/tom-fischer-7/?trk=nav']) {
      expect(identityMatches(d, u), u).toBe(true);
    }
  });

  it('is false for the DOM of person A under the URL of person B, both ways', () => {
    expect(identityMatches(dom(A.html, B.expected.url).window.document, B.expected.url)).toBe(false);
    expect(identityMatches(dom(B.html, A.expected.url).window.document, A.expected.url)).toBe(false);
  });

  it('is false after pushState from A to B while A’s DOM is still shown', () => {
    const w = dom(A.html, A.expected.url).window;
    w.history.pushState({}, '', B.expected.url);
    expect(w.location.href).toBe(B.expected.url);
    expect(identityMatches(w.document, w.location.href)).toBe(false);
    // and the extraction is discarded: every field unreadable, nothing of Anna's
    const got = extractPage(w.document, w.location.href);
    expect(got.profileUrl).toBe(B.expected.url);
    for (const f of FIELD_NAMES) expect(got.fields[f]).toEqual({ status: 'unreadable', via: 'identity-mismatch' });
    expect(JSON.stringify(got)).not.toMatch(/Anna|Kowalski|Northwind/);
  });

  it('is null when the page carries no evidence either way', () => {
    const shell = page('linkedin/li-shell-en.html');
    expect(identityMatches(dom(shell.html, B.expected.url).window.document, B.expected.url)).toBeNull();
    const bare = '<!doctype html><html lang="en"><head><title>LinkedIn</title></head><body><main><h1>Tom Fischer</h1></main></body></html>';
    expect(identityMatches(dom(bare, B.expected.url).window.document, B.expected.url)).toBeNull();
  });

  it('is null for a URL that names nobody', () => {
    expect(identityMatches(dom(A.html, A.expected.url).window.document, 'https://www.linkedin.com/feed/')).toBeNull();
  });

  it('does not take the viewer or people in the sidebar as evidence', () => {
    // Anna's page links to Peter Novak, Lena Fischer and the viewer; none of them is "the person"
    const d = dom(A.html, A.expected.url).window.document;
    expect(identityMatches(d, 'https://www.linkedin.com/in/peter-novak-77/')).toBe(false);
    expect(identityMatches(d, 'https://www.linkedin.com/in/sam-viewer/')).toBe(false);
  });
});

describe('identityMatches on the other sites', () => {
  it('tells Facebook and VK people apart by their head and profile links', () => {
    const fb = page('facebook/fb-new-en.html');
    const fbDoc = dom(fb.html, fb.expected.url).window.document;
    expect(identityMatches(fbDoc, fb.expected.url)).toBe(true);
    expect(identityMatches(fbDoc, 'https://www.facebook.com/layla.haddad.94')).toBe(false);
    const vk = page('vk/vk-new-ru.html');
    const vkDoc = dom(vk.html, vk.expected.url).window.document;
    expect(identityMatches(vkDoc, 'https://vk.ru/dvolkov')).toBe(true);
    expect(identityMatches(vkDoc, 'https://vk.com/kpetrov')).toBe(false);
  });
});

describe('identityMatches on pages a mirroring tool saved', () => {
  it('takes no link rewritten to a local copy ("anna.kowalska.html") as another person', () => {
    const url = 'https://www.facebook.com/anna.kowalska.50';
    // HTTrack rewrites the cover name's link and the head's og:url/canonical to the saved files
    const html = `<html><head><link rel="canonical" href="anna.kowalska.html"><meta property="og:url" content="anna.kowalska.html"><meta property="og:title" content="Anna Kowalska"></head>` +
      `<body><span id="fb-timeline-cover-name"><a href="anna.kowalska.html">Anna Kowalska</a></span></body></html>`;
    const doc = dom(html, url).window.document;
    expect(identityMatches(doc, url)).toBeNull();
    const r = extractPage(doc, url);
    expect(r.fields.name).toMatchObject({ status: 'ok', value: 'Anna Kowalska' });
    // a real link to someone else still says so
    const other = dom(html.replaceAll('anna.kowalska.html', 'https://www.facebook.com/tom.fischer.7'), url).window.document;
    expect(identityMatches(other, url)).toBe(false);
  });
});

