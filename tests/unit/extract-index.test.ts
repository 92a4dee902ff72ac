// core index(): a column's own elements, other people's parts pruned — by native queries
// (its pruned parts' roots) on a profile-sized column, by a walk on a longer one; both give the same list.
import { JSDOM } from 'jsdom';
import { index, members, pick, pickOne } from '../../lib/extract/core';

const PRUNE = '[role="article"], [data-pagelet="Timeline"]';
const prune = { selector: PRUNE, test: (el: Element) => el.getAttribute('role') === 'article' || el.getAttribute('data-pagelet') === 'Timeline' };

/** A column with the person's own rows, scripts and styles, an SVG with its own <style>, and a timeline of `posts` posts, each with a nested comment. */
function column(posts: number): Element {
  const own = Array.from({ length: 20 }, (_, i) => `<div class="row"><span>Row ${i}</span><a href="/x${i}">link</a></div>`).join('');
  const post = (i: number) => `<div role="article"><h3>Post ${i}</h3><p>text <b>bold</b></p><div role="article"><span>comment</span></div></div>`;
  const html = `<main><section>${own}<script>var x = 1;</script><style>.a{}</style><svg><style>.b{}</style><path d="M0 0"></path></svg><template><p>t</p></template></section>` +
    `<div data-pagelet="Timeline">${Array.from({ length: posts }, (_, i) => post(i)).join('')}</div><aside><p>after the timeline</p><div role="article"><i>x</i></div></aside></main>`;
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document.querySelector('main')!;
}

/** What index() must give: every element under root, minus pruned parts with their subtrees, minus skipped tags with theirs. */
function reference(root: Element): string[] {
  const skip = 'script, style, noscript, template, link, meta';
  return [...root.querySelectorAll('*')]
    .filter((el) => {
      for (let a: Element | null = el; a && a !== root; a = a.parentElement) if (a.matches(PRUNE) || a.matches(skip)) return false;
      return true;
    })
    .map((el) => el.tagName + ':' + (el.textContent ?? '').slice(0, 12));
}

describe('index: a column without other people\'s parts', () => {
  it.each([[10, 'its cuts'], [150, 'walked: mostly posts'], [1100, 'walked: over the size']])('with %i posts (%s): the same elements in document order', (posts) => {
    const root = column(posts);
    const got = members(index(root, prune)).map((el) => el.tagName + ':' + (el.textContent ?? '').slice(0, 12));
    expect(got).toEqual(reference(root));
    expect(got.some((x) => x.startsWith('P:after the'))).toBe(true); // past the timeline
    expect(got.some((x) => /^(H3|B|SCRIPT|STYLE|style):/.test(x))).toBe(false);
    expect(got.filter((x) => x.startsWith('SPAN:Row')).length).toBe(20);
  });

  it('the long column is over the size indexed by cuts (3,000 elements), the others under it', () => {
    expect(column(1100).getElementsByTagName('*').length).toBeGreaterThan(3000);
    expect(column(150).getElementsByTagName('*').length).toBeLessThan(3000);
    expect(index(column(10), prune).cuts?.length).toBe(2); // the timeline (its posts inside it), the aside's post
    expect(index(column(150), prune).cuts).toBeNull(); // its timeline holds most of it: walked, as a long one is
    expect(index(column(150), prune).list).not.toBeNull();
  });

  it.each([10, 150, 1100])('with %i posts: picks and picks one as the reference does', (posts) => {
    const root = column(posts);
    const name = (el: Element) => el.tagName + ':' + (el.textContent ?? '').slice(0, 12);
    const own = new Set(reference(root));
    const ref = (sel: string) => [...root.querySelectorAll(sel)].map(name).filter((n) => own.has(n));
    for (const sel of ['span', 'h3', 'a, p', 'b', 'i', 'p, span, h3', '[role="article"]', 'section > div.row']) {
      expect(pick(index(root, prune), sel).map(name)).toEqual(ref(sel));
      expect(pickOne(index(root, prune), sel)).toBe(pick(index(root, prune), sel)[0] ?? null);
    }
    // what only the posts hold is nobody's here
    expect(pick(index(root, prune), 'h3, b, i')).toEqual([]);
  });
});

describe('index: a column with nothing to prune (whole)', () => {
  const doc = (inner: string) => new JSDOM(`<!doctype html><body><main>${inner}</main></body>`).window.document;
  const own = Array.from({ length: 30 }, (_, i) => `<div class="row" data-k="${i}"><span>Row ${i}</span><a href="/x${i}">link</a><h3>H${i}</h3></div>`).join('');
  const page = `<section>${own}<script>var x = 1;</script><style>.a{}</style><svg><style>.b{}</style><path d="M0 0"></path></svg><template><p>t</p></template></section><aside><p>end</p></aside>`;

  it('lists, picks and picks one as the reference does, skipped tags left out', () => {
    const root = doc(page).querySelector('main')!;
    const ix = index(root, prune);
    expect(ix.whole).toBe(true);
    const name = (el: Element) => el.tagName + ':' + (el.textContent ?? '').slice(0, 12);
    expect(members(ix).map(name)).toEqual(reference(root));
    const ref = (sel: string) => reference(root).length && [...root.querySelectorAll(sel)].filter((e) => !/^(script|style|noscript|template|link|meta)$/i.test(e.tagName)).map(name);
    for (const sel of ['span', 'h3, a', 'style', '[data-k="7"] span', 'div.row', 'p', 'table']) expect(pick(index(root, prune), sel).map(name)).toEqual(ref(sel));
    expect(pick(index(root, prune), 'h3, span').length).toBe(60);
  });

  it('is not whole when a part is pruned, or a <noscript> holds elements (a page parsed without scripting)', () => {
    expect(index(doc(`${page}<div role="article"><p>post</p></div>`).querySelector('main')!, prune).whole).toBe(false);
    const withNoscript = doc(`${page}<noscript><p>no script</p></noscript>`).querySelector('main')!;
    const ix = index(withNoscript, prune);
    expect(ix.whole).toBe(false);
    expect(members(ix).map((e) => e.textContent)).not.toContain('no script');
    expect(pick(ix, 'p').map((e) => e.textContent)).toEqual(['end']);
  });
});

describe('index: a column that changes during a read', () => {
  it('with posts already pruned: what arrives inside a part to prune is still not the person\'s', () => {
    const root = column(5);
    const ix = index(root, prune);
    expect(ix.whole).toBe(false);
    expect(pick(ix, 'a').length).toBe(20);
    root.querySelector('[data-pagelet="Timeline"]')!.insertAdjacentHTML('afterbegin', '<div role="article"><a href="/x">a commenter</a></div>');
    root.insertAdjacentHTML('beforeend', '<div role="article"><a href="/y">another</a></div><p><a href="/late">late own link</a></p>');
    // (what is the person's and arrives late is read by the next read, which the change schedules)
    expect(pick(ix, 'a').map((a) => a.textContent)).not.toContain('a commenter');
    expect(pick(ix, 'a').map((a) => a.textContent)).not.toContain('another');
    expect(pick(ix, 'a').filter((a) => a.textContent === 'link').length).toBe(20);
    expect(members(ix).map((e) => e.textContent)).not.toContain('a commenter');
    expect(pick(index(root, prune), 'a').map((a) => a.textContent)).toEqual([...Array.from({ length: 20 }, () => 'link'), 'late own link']);
  });

  it('a part to prune that arrives after the index was made (posts between two slices) is not the person\'s', () => {
    const d = new JSDOM(`<!doctype html><body><main><section><h2>Intro</h2><a href="/own">own link</a></section></main></body>`).window.document;
    const root = d.querySelector('main')!;
    const ix = index(root, prune);
    expect(ix.whole).toBe(true);
    expect(pick(ix, 'a').map((a) => a.textContent)).toEqual(['own link']);
    // the timeline renders
    root.insertAdjacentHTML('beforeend', '<div data-pagelet="Timeline"><div role="article"><a href="/x">a commenter</a><h2>Post</h2></div></div><p><a href="/late">late own link</a></p>');
    expect(pick(ix, 'a').map((a) => a.textContent)).toEqual(['own link', 'late own link']);
    expect(pick(ix, 'h2').map((h) => h.textContent)).toEqual(['Intro']);
    expect(members(ix).map((e) => e.textContent)).not.toContain('a commenter');
  });
});

describe('index: a column with a few posts of its own among the person\'s rows', () => {
  it.each([2, 5])('with %i posts outside any timeline: members, picks and picks one as the reference does', (posts) => {
    const own = Array.from({ length: 40 }, (_, i) => `<div class="row"><span>Row ${i}</span><a href="/x${i}">link</a></div>`).join('');
    const post = (i: number) => `<div role="article"><a href="/p${i}">poster</a><span>post ${i}</span><div role="article"><span>comment</span></div></div>`;
    const html = `<main>${own}${Array.from({ length: posts }, (_, i) => post(i) + `<p><span>between ${i}</span></p>`).join('')}<script>1</script></main>`;
    const root = new JSDOM(`<!doctype html><body>${html}</body>`).window.document.querySelector('main')!;
    const ix = index(root, prune);
    expect(ix.cuts?.length).toBe(posts);
    const name = (el: Element) => el.tagName + ':' + (el.textContent ?? '').slice(0, 12);
    expect(members(index(root, prune)).map(name)).toEqual(reference(root));
    const mine = new Set(reference(root));
    for (const sel of ['span', 'a', 'p, span', 'script', '[role="article"]']) {
      expect(pick(index(root, prune), sel).map(name)).toEqual([...root.querySelectorAll(sel)].map(name).filter((n) => mine.has(n)));
    }
    expect(pick(ix, 'span').map((e) => e.textContent)).not.toContain('comment');
    expect(pickOne(ix, 'a[href^="/p"]')).toBeNull();
  });
});
