// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.linkedin.com/feed/"}
// The content script's read loop (entrypoints/reader/follow.ts): a read runs in slices,
// the first after a drawn frame, the next ones once the page has had its turn (after a
// frame again if the page changed), and a read overtaken by a navigation sends nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { follow as followSite } from '@/entrypoints/reader/follow';
import { allUnreadable } from '@/lib/extract/core';
import { linkedinProfileUrl } from '@/lib/extract/urls';
import { emptyFields, type Extraction } from '@/lib/extract/types';
import type { Steps } from '@/lib/extract/core';

const ALICE = 'https://www.linkedin.com/in/alice-example/';
const BOB = 'https://www.linkedin.com/in/bob-example/';

let clock = 0;
let frames = 0;
let sent: { type: string; url?: string; extraction?: Extraction }[] = [];

beforeEach(() => {
  clock = 0;
  frames = 0;
  sent = [];
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    frames++;
    setTimeout(() => cb(clock), 1);
    return frames;
  });
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    sent.push(m as (typeof sent)[number]);
    return undefined;
  });
  history.replaceState(null, '', ALICE);
});

afterEach(async () => {
  // the extension "removed": each test's loop sees it on its next URL check and stops
  const id = browser.runtime.id;
  Object.defineProperty(browser.runtime, 'id', { configurable: true, writable: true, value: undefined });
  await new Promise((r) => setTimeout(r, 1100));
  Object.defineProperty(browser.runtime, 'id', { configurable: true, writable: true, value: id });
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A reader of `n` steps of `ms` each; its result names the URL it was started on and the steps it ran. */
function reader(n: number, ms: number, ran: string[]) {
  return function* (_doc: Document, url: string): Steps<Extraction> {
    for (let i = 0; i < n; i++) {
      clock += ms;
      ran.push(`${url}#${i}`);
      yield;
    }
    const fields = emptyFields();
    fields.name = { status: 'ok', value: url.includes('alice') ? 'Alice Example' : 'Bob Example', via: 'test' };
    return { site: 'linkedin', kind: 'profile', profileUrl: url, lang: 'en', fields };
  };
}

/** The LinkedIn content script's loop, with `read` for its reader. */
const follow = (read: (doc: Document, url: string) => Steps<Extraction>) => followSite({ read, profileUrl: linkedinProfileUrl });

const settle = () => new Promise((r) => setTimeout(r, 80));

describe('follow: a read in slices', () => {
  /**
   * The page's own work: a task queued again and again; each records how many steps the
   * read had run by then, and may act (`act` once, at the first turn after a slice).
   */
  function pageTasks(ran: string[], act?: () => void) {
    const turns: number[] = [];
    let on = true;
    const tick = () => {
      turns.push(ran.length);
      if (act && ran.length > 0) {
        act();
        act = undefined;
      }
      if (on) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    return { turns, stop: () => (on = false) };
  }

  it('gives the page its thread back between slices of about 5 ms, waits for one frame only, and sends the whole read once', async () => {
    const ran: string[] = [];
    const page = pageTasks(ran);
    follow(reader(12, 2, ran)); // 24 ms of work in steps of 2 ms
    await settle();
    page.stop();
    const reads = sent.filter((m) => m.type === 'content:page-read');
    expect(reads).toHaveLength(1);
    expect(reads[0].url).toBe(ALICE);
    expect(reads[0].extraction?.fields.name).toMatchObject({ status: 'ok', value: 'Alice Example' });
    expect(ran).toHaveLength(12);
    // the page had a turn between every two slices of three 2 ms steps: never more than 3 steps between its turns
    const during = page.turns.filter((n) => n > 0 && n < 12);
    expect(during.length).toBeGreaterThanOrEqual(3);
    const gaps = [...during, 12].map((n, i, a) => n - (i ? a[i - 1] : 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3);
    // one frame before the read; the page did not change, so no frame between slices
    expect(frames).toBe(1);
  });

  it('a page changed between slices: the next slice waits for a drawn frame (its style fresh), and the read still completes', async () => {
    const ran: string[] = [];
    // the site renders something while the read is under way
    const page = pageTasks(ran, () => document.body.append(document.createElement('section')));
    follow(reader(12, 2, ran));
    await settle();
    page.stop();
    expect(ran).toHaveLength(12);
    expect(frames).toBeGreaterThanOrEqual(2);
    expect(sent.filter((m) => m.type === 'content:page-read')).toHaveLength(1);
  });

  it('a read that fits in one slice waits for one frame only', async () => {
    follow(reader(3, 1, []));
    await settle();
    expect(sent.filter((m) => m.type === 'content:page-read')).toHaveLength(1);
    expect(frames).toBe(1);
  });

  it('drops a read overtaken by a navigation: nothing of the old page is sent, the new page is read', async () => {
    const ran: string[] = [];
    // the site navigates to Bob between the read's first and second slice
    const page = pageTasks(ran, () => history.pushState(null, '', BOB));
    follow(reader(12, 2, ran));
    await settle();
    page.stop();
    expect(sent.filter((m) => m.type === 'content:page-read')).toEqual([]);
    // Alice's read stopped where the navigation found it
    expect(ran.filter((r) => r.startsWith(ALICE)).length).toBeLessThan(12);
    // the URL check (once a second) finds Bob's page and reads it whole
    await new Promise((r) => setTimeout(r, 1300));
    const reads = sent.filter((m) => m.type === 'content:page-read');
    expect(reads.map((m) => [m.url, m.extraction?.fields.name])).toEqual([[BOB, { status: 'ok', value: 'Bob Example', via: 'test' }]]);
  });

  it("a page still showing the previous person is not sent: it is read again shortly, and the right person's read is sent", async () => {
    let lingering = true; // the single-page app still shows the previous profile's DOM
    let reads = 0;
    const read = function* (_doc: Document, url: string): Steps<Extraction> {
      reads++;
      yield;
      if (lingering) return { site: 'linkedin', kind: 'profile', profileUrl: url, lang: 'en', fields: allUnreadable('identity-mismatch') };
      return yield* reader(1, 1, [])(_doc, url);
    };
    follow(read);
    await settle();
    expect(reads).toBe(1);
    expect(sent.filter((m) => m.type === 'content:page-read')).toEqual([]);
    lingering = false;
    await new Promise((r) => setTimeout(r, 400)); // the retry, 300 ms later
    expect(reads).toBe(2);
    const got = sent.filter((m) => m.type === 'content:page-read');
    expect(got.map((m) => [m.url, m.extraction?.fields.name])).toEqual([[ALICE, { status: 'ok', value: 'Alice Example', via: 'test' }]]);
  });
});

describe('follow: a page the browser shows translated', () => {
  it('reads nothing from a translated profile and says so; once the original is shown again, reads it', async () => {
    // Chrome's translation marks <html> and wraps the page's words in <font>s: the person's words are gone
    document.documentElement.className = 'translated-ltr';
    document.body.innerHTML = '<p><font style="vertical-align: inherit;"><font style="vertical-align: inherit;">Alice Example</font></font></p>';
    const ran: string[] = [];
    follow(reader(1, 1, ran));
    await settle();
    expect(ran).toEqual([]);
    expect(sent.map((m) => [m.type, m.url, (m as { error?: string }).error])).toEqual([['content:page-error', ALICE, 'translated']]);
    // "Show original": the class goes, the words come back; the page's change is read
    document.documentElement.className = '';
    document.body.innerHTML = '<p>Alice Example</p>';
    await new Promise((r) => setTimeout(r, 500)); // the watch's 400 ms settle
    expect(ran).toEqual([`${ALICE}#0`]);
    expect(sent.filter((m) => m.type === 'content:page-read').map((m) => m.extraction?.fields.name)).toEqual([{ status: 'ok', value: 'Alice Example', via: 'test' }]);
  });

  it("Firefox's translation: marks while it translates, none once done; the document stays translated", async () => {
    // the profile is read as it is first shown
    document.body.innerHTML = '<main><h1>Alice Example</h1><p>Ingeniera</p></main>';
    const ran: string[] = [];
    follow(reader(1, 1, ran));
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['content:page-read']);
    // the user asks Firefox to translate: it marks the elements it sends to its engine, then writes
    // the translation and takes the marks away (translations-document.sys.mjs)
    const p = document.querySelector('p')!;
    p.setAttribute('data-moz-translations-id', '0');
    await new Promise((r) => setTimeout(r, 50));
    p.textContent = 'Engineer';
    p.removeAttribute('data-moz-translations-id');
    await new Promise((r) => setTimeout(r, 500)); // the watch's 400 ms settle
    expect(ran).toEqual([`${ALICE}#0`]);
    expect(sent.map((m) => [m.type, (m as { error?: string }).error])).toEqual([['content:page-read', undefined], ['content:page-error', 'translated']]);
    // later changes (the page's own, or more of the translation) read nothing: no mark is left to see
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Madrid' }));
    await new Promise((r) => setTimeout(r, 500));
    expect(ran).toEqual([`${ALICE}#0`]);
    expect(sent).toHaveLength(2);
  });

  it('a profile Firefox is still translating at the first read is not read', async () => {
    document.body.innerHTML = '<main><h1 data-moz-translations-id="0">Alice Example</h1></main>';
    const ran: string[] = [];
    follow(reader(1, 1, ran));
    await settle();
    expect(ran).toEqual([]);
    expect(sent.map((m) => [m.type, (m as { error?: string }).error])).toEqual([['content:page-error', 'translated']]);
    document.body.innerHTML = '';
  });

  it('a translated feed is no profile: it is read as any other page', async () => {
    history.replaceState(null, '', 'https://www.linkedin.com/feed/');
    document.documentElement.className = 'translated-rtl';
    const ran: string[] = [];
    follow(reader(1, 1, ran));
    await settle();
    document.documentElement.className = '';
    expect(ran).toEqual(['https://www.linkedin.com/feed/#0']);
    expect(sent.map((m) => m.type)).toEqual(['content:page-read']);
  });
});

describe('follow: a word from the background', () => {
  it('bg:read-again from this extension sends the read again though unchanged; from anyone else, nothing', async () => {
    const listeners: ((m: unknown, s: { id?: string }, answer: (r: unknown) => void) => unknown)[] = [];
    const answers: unknown[] = [];
    const answer = (r: unknown) => void answers.push(r);
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((l) => void listeners.push(l as never));
    follow(reader(2, 1, []));
    await settle();
    expect(sent.filter((m) => m.type === 'content:page-read')).toHaveLength(1);
    // the page unchanged: a late re-read says nothing new
    expect(listeners).toHaveLength(1);
    listeners[0]({ type: 'bg:read-again' }, { id: 'another-extension' }, answer);
    expect(answers).toEqual([]);
    await settle();
    expect(sent.filter((m) => m.type === 'content:page-read')).toHaveLength(1);
    // the background asks (the tab "loaded": the site rewrote its history): answered, read, sent
    listeners[0]({ type: 'bg:read-again' }, { id: browser.runtime.id }, answer);
    expect(answers).toEqual([true]);
    await settle();
    const reads = sent.filter((m) => m.type === 'content:page-read');
    expect(reads).toHaveLength(2);
    expect(reads[1]).toEqual(reads[0]);
  });
});
