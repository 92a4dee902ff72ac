// The bench's long Facebook and VK profiles in small (tests/fixtures/real/pages.ts): the
// largest real-structure page of each with other people's posts in its timeline or wall,
// their text written like the profile's own rows and counts. The readers skip them (their
// speed) and report what they report on the page without them.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../lib/extract/extract';
import { LONG_BASE, longFacebook, longVk, realPage } from '../fixtures/real/pages';

function read(html: string, url: string) {
  return extractPage(new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document, url);
}

describe('Facebook: a scrolled timeline of other people\'s posts inside the profile column', () => {
  // the bench's long Facebook profile in small: posts whose text reads like Intro rows
  // ("Lives in", "Works at", "Followed by 9,000 people", "1,000 friends"), by other
  // people, commented on by others: what the page reports is what it reports without them
  it('the 2021 Comet timeline with 30 more posts reads exactly as the page itself', () => {
    const base = realPage('facebook', LONG_BASE.facebook);
    const long = longFacebook(30);
    // (the page's own timeline already holds its first post)
    expect(long.html.split('aria-posinset=').length - base.html.split('aria-posinset=').length).toBe(30);
    const want = read(base.html, base.url);
    expect(want.kind).toBe('profile');
    expect(want.fields.followers.status).toBe('ok');
    expect(want.fields.location.status).toBe('ok');
    expect(read(long.html, long.url)).toEqual(want);
  }, 120_000);
});

describe('VK: a long wall of friends\' posts beside the profile', () => {
  // the bench's long VK profile in small: wall posts and replies whose text reads like the
  // info rows and counters ("Город:", "Место работы:", "подписчиков", "друзей")
  it('the 2022 VK page with 30 wall posts reads exactly as the page itself', () => {
    const base = realPage('vk', LONG_BASE.vk);
    const long = longVk(30);
    expect(long.html.split('class="_post post page_block').length - 1).toBe(30);
    const want = read(base.html, base.url);
    expect(want.kind).toBe('profile');
    expect(want.fields.connections.status).toBe('ok');
    expect(want.fields.company.status).toBe('ok');
    // the page shows no city, home town or followers: the posts' own must not become them
    for (const f of ['location', 'hometown', 'followers'] as const) expect(want.fields[f].status).toBe('missing');
    expect(read(long.html, long.url)).toEqual(want);
  }, 120_000);
});
