// An error page served at a profile's address (a proxy's or server's "404 Not Found",
// a bare "Not found") is nobody's profile: its heading must never come out as a name.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../lib/extract/extract';

const PAGES = {
  bare: '<!doctype html><title>Not found</title><h1>Not found</h1>',
  nginx: '<!doctype html><html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>',
};
const URLS = ['https://www.facebook.com/ann.lee.5', 'https://www.linkedin.com/in/ann-lee-5/', 'https://vk.com/ann.lee.5'];
const read = (html: string, url: string) => extractPage(new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document, url);

describe('an error page at a profile address', () => {
  for (const [kind, html] of Object.entries(PAGES)) {
    for (const url of URLS) {
      it(`${kind} at ${new URL(url).hostname}: no name, nothing read`, () => {
        const x = read(html, url);
        expect(x.fields.name.status).not.toBe('ok');
        for (const f of Object.values(x.fields)) expect(f.status).not.toBe('ok');
      });
    }
  }

  it('a profile whose post says "Not found" is still read (only the page\'s own title or heading counts)', () => {
    const url = URLS[0];
    const x = read(`<html><head><title>Ann Lee | Facebook</title></head><body><div role="main"><h1>Ann Lee</h1><div role="article"><span>Not found</span></div></div></body></html>`, url);
    expect(x.kind).toBe('profile');
    expect(x.fields.name).toMatchObject({ status: 'ok', value: 'Ann Lee' });
  });
});

// Facebook's own "content isn't available" page keeps the profile's address and chrome
describe("Facebook's own unavailable page", () => {
  const url = URLS[0];
  const page = (main: string) => `<html><head><title>Facebook</title></head><body><div role="banner"><a href="/">Facebook</a></div><div role="main">${main}</div></body></html>`;
  for (const [lang, words] of [
    ['en', "This content isn't available right now"],
    ['en, curly apostrophe', 'This page isn’t available'],
    ['ru', 'Этот контент сейчас недоступен'],
  ]) {
    it(`${lang}: nobody's profile, no name`, () => {
      const x = read(page(`<div><div><h2><span>${words}</span></h2><span>When this happens, it's usually because the owner only shared it with a small group of people.</span></div></div>`), url);
      expect(x.kind).toBe('not-profile');
      expect(x.fields.name.status).not.toBe('ok');
    });
  }

  it('a profile whose column holds the words but not as the message is still read', () => {
    const x = read(page(`<h1>Ann Lee</h1><div><span>Founder at Northwind</span><span>Available for consulting</span></div>`), url);
    expect(x.kind).toBe('profile');
    expect(x.fields.name).toMatchObject({ status: 'ok', value: 'Ann Lee' });
  });
});
