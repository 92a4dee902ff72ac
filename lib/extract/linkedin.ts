// LinkedIn profile extractor.
// Checked on tests/fixtures/pages/linkedin/ (invented layouts) and on the real-structure
// fixtures of tests/fixtures/real/linkedin/ (structure of real saved pages, people invented):
//   2026 web client (hashed classes, no h1, componentkey cards, stale extra <title>s, sidebars)
//   2024–25 logged-in ("pvs" lists, location beside the "Contact info" link's wrapper,
//     followers only in the Activity card); 2021 logged-in ("pv-entity" lists, Portuguese UI,
//     extension-injected elements in the top card); /details/<section>/ pages; the 2024 public
//     view whose top card holds the sign-in modals; 2015–2016 public hCard pages.
// Order of hooks per field: structure and accessible names first, then labels in many UI
// languages. A value is only read where it is tied to the person the URL names: never from
// a sidebar, another person's card, a skill list or a stale <title>.
// The experience and education list readers are linkedin-lists.ts. The rest stays one
// file over 300 lines on purpose: one reader of one site, whose hooks, context helpers
// and field spec refer to each other and are read (and fixed) together.
import type { Degree, Extraction, Job } from './types';
import {
  all, allUnreadable, arr, byText, countLabelled, first, jsonLd, makeCtx, meta,
  inChrome, oneShown, pathOf, result, fieldSteps, drain, sectionBody, str, uniq,
  type Ctx, type Hook, type SectionHooks, type Spec, type Steps,
} from './core';
import { linkedinIdentity } from './identity';
import {
  cardFirstLines, cardJobs, cardSchools, DEGREE, EMPLOYMENT_ONLY, firstPieces, headingJobs, headingSchools, notShown, pvsJobs, pvsSchools,
} from './linkedin-lists';
import { clean, cssUrl, isoMonth, labelReOnce, parseBirthday, parseCount, plausible, safeUrl, shownText, text } from './text';
import { linkedinProfileUrl, SAVED } from './urls';

// ---------- layouts no longer served ----------
// LinkedIn's 2010–2016 public pages (hResume, hCard) and its 2017–2021 logged-in layouts (the pv- top
// card, its summary, photo, location, "See connections", Accomplishments, Highlights, the …-section
// anchors) live on only as saved copies: the CLI and the tests read them; the content script, which
// reads the live site, is built without their hooks (SAVED).

// ---------- hooks as data ----------

// count labels (a count is written before them): en, ru, uk, pt, es, fr, de, pl, it, nl, sv, tr, id, zh
const LABEL = {
  connections:
    // ("27 conexões em comum" is a mutual count, not the person's connections)
    '(?:connections?|conexões|conexão|conexiones|conexión|contactos|relations?|kontakte?|kontakter|kontakty|kontaktów|kontaktu|collegamenti|connecties|bağlantı|koneksi|位好友|контакт(?:ов|а|ы|ів)?|зв[’\']язк\\p{L}*)(?![\\p{L}])(?!\\s*(?:em comum|en común|en commun|in comune|in common|bersama))',
  followers:
    '(?:followers?|follower:innen|seguidores|seguidor|abonnés|abonné|volgers|följare|takipçi|pengikut|[位个]关注者|obserwuj\\p{L}*|отслеживающ\\p{L}*|подписчик\\p{L}*|відстежувач\\p{L}*|підписник\\p{L}*|стежать)(?![\\p{L}])',
  mutual:
    '(?:mutual connections?|общих контакт\\p{L}*|общий контакт|conexões em comum|conexão em comum|conexiones en común|relations? en commun|gemeinsame kontakte|collegament[oi] in comune|wspóln\\p{L}* kontakt\\p{L}*|спільн\\p{L}* контакт\\p{L}*)',
};

const HEAD = {
  about: /^(?:about|summary|общие сведения|о себе|информация|sobre|acerca de|infos?|à propos|o mnie|informacje|про себе|загальні відомості|riepilogo)$/i,
  experience: /^(?:experience|опыт работы|опыт|experiência|experiencia|expérience|berufserfahrung|erfahrung|doświadczenie|досвід роботи|досвід|esperienza)$/i,
  education: /^(?:education|образование|formação acadêmica|formação|educação|formación|educación|formation|ausbildung|wykształcenie|edukacja|освіта|istruzione)$/i,
  languages: /^(?:languages?|языки|язык|знание языков|idiomas?|langues?|sprachen|sprache|języki|język|мови|мова|lingue|lingua)$/i,
  interests: /^(?:interests|интересы|interesses|intereses|centres d[’']intérêt|interessen|zainteresowania|інтереси|interessi)$/i,
  contact: /^(?:contact info|контактная информация|контактные сведения|informações de contato|información de contacto|coordonnées|kontaktinfo(?:rmationen)?|dane kontaktowe|informacje kontaktowe|контактна інформація)$/i,
  activity: /^(?:activity|активность|действия|atividades?|actividad|activité|aktivität|aktywność|активність|attività)$/i,
};

/** Anchors of layouts LinkedIn serves no more (SAVED): 2019–2021 `…-section` ids and pv- classes, 2015–2016 hCard ids. */
const old = (anchors: string) => (SAVED ? ', ' + anchors : '');

const SECTIONS: Record<'about' | 'experience' | 'education' | 'languages' | 'interests' | 'contact' | 'activity', SectionHooks> = {
  // logged-in (2021–2025): an empty <div id="about" class="pv-profile-card-anchor"> inside the card;
  // public view: <section data-section="summary">;
  // 2026 web client: no ids; <section componentkey="com.linkedin.sdui.profile.card.ref<member id>ExperienceTopLevelSection">
  // whatever the UI's language, else the card's <h2> names it;
  // older layouts: <section id="…-section">; 2015–2016 public hCard: <section id="summary">, <div id="background-experience">
  about: { anchors: 'main #about, main section[data-section="summary"], section[componentkey$=About]' + old('main section.pv-about-section, section#summary'), label: HEAD.about },
  experience: {
    anchors: 'main #experience, main section[data-section="experience"], section[componentkey$=ExperienceTopLevelSection]' + old('main #experience-section, section#experience'),
    label: HEAD.experience,
  },
  education: {
    anchors: 'main #education, main section[data-section="educationsDetails"], section[componentkey$=EducationTopLevelSection]' + old('main #education-section, section#education'),
    label: HEAD.education,
  },
  languages: { anchors: 'main #languages, main section[data-section="languages"], section[componentkey$=LanguageTopLevel]' + old('section#languages'), label: HEAD.languages },
  interests: { anchors: 'main #interests', label: HEAD.interests },
  contact: { anchors: 'section.pv-contact-info, #pv-contact-info', label: HEAD.contact },
  activity: { anchors: 'main #content_collections, section[componentkey$=Activity]' + old('main section.pv-recent-activity-section-v2'), label: HEAD.activity },
};

// the top card's current-company button: "Current company: Globex. Click to skip to experience card"
const CURRENT_COMPANY = /^(?:current company|текущая компания|текущее место работы|empresa atual|aktuelles unternehmen|entreprise actuelle|empresa actual|obecna firma|поточна компанія)/i;
// sign-in and other modals that the public view nests inside its top card
const DIALOG = '[role="dialog"], dialog, [aria-modal="true"]';
const MODAL = DIALOG + ', form';

const PRONOUN = '(?:he|him|his|she|her|hers|they|them|their|theirs|ze|zir|xe|xem|ela|dela|ele|dele|elu|él|ella|elle|il|lui|iel|sie|ihr|er|ihn|ona|jej|on|jego|oni|ich|он|его|она|её|ее|они|их|він|його|вона|її)';
const PRONOUNS = new RegExp(`^\\(?${PRONOUN}(?:\\s*/\\s*${PRONOUN}){1,2}\\)?$`, 'i');
const TITLE_SITE = /^linkedin$/i;

// ---------- context ----------

/** The canonical URL of the person the URL names, once per read. */
function self(c: Ctx): string | null {
  return c.memo(self, () => linkedinProfileUrl(c.url));
}

/** An <a> that links to the person the URL names (not an overlay or a details page). */
function selfLink(c: Ctx, a: Element, tail?: string): boolean {
  let h = a.getAttribute('href');
  if (tail) h = h?.endsWith(tail) ? h.slice(0, -tail.length + 1) : null;
  // (most links are other pages: only a profile path is worth parsing)
  if (!h || !(h.includes('/in/') || h.includes('/pub/')) || /\/(?:overlay|detail|details|recent-activity)\//.test(h)) return false;
  let abs: string;
  try {
    abs = new URL(h, c.url).href;
  } catch {
    return false;
  }
  const got = linkedinProfileUrl(abs);
  return !!got && got === self(c);
}

/** /in/<handle>/details/<section>/: a list page, no top card. */
function detailsPage(c: Ctx): boolean {
  return c.memo(detailsPage, () => /^\/in\/[^/]+\/details\//.test(pathOf(c.url)));
}

function mainEl(c: Ctx): Element | null {
  return c.memo(mainEl, () => c.doc.getElementsByTagName('main')[0] ?? c.doc.body);
}

// Page-wide look-ups by tag name or id, once per read: a selector list over a large page
// (jsdom's and the browser's) costs a full scan each time; these are the few lists the
// hooks filter in JavaScript.
function tags(c: Ctx, tag: WalkTag): Element[] {
  return walk(c).get(tag.toUpperCase()) ?? [];
}

/** The tags the hooks ask the walk for: only these are listed (a page's other thousands of elements are only passed through). */
type WalkTag = 'a' | 'h1' | 'h2' | 'h3' | 'section';
const WALK_TAGS = new Set(['A', 'H1', 'H2', 'H3', 'SECTION']);

/**
 * One walk over <main>, its elements of WALK_TAGS by tag name, in document order. Not
 * walked: scripts, styles and icons; sidebars (<aside>, the 2026 client's "profileAside…" cards: other
 * people), the footer; and inside the Activity card (2026 `componentkey` "…Activity",
 * 2021–2025 the card of `#content_collections`) its lists of posts — hundreds of them on
 * a long profile, none the person's fields — only its heading block is kept.
 */
function walk(c: Ctx): Map<string, Element[]> {
  return c.memo(walk, () => {
    const by = new Map<string, Element[]>();
    const m = mainEl(c);
    // two stacks side by side (the element, and whether it is inside the Activity card):
    // no pair allocated per element of a page of thousands
    const stack: Element[] = m ? [m] : [];
    const inActivity: boolean[] = m ? [false] : [];
    while (stack.length) {
      const e = stack.pop()!;
      const act = inActivity.pop()!;
      const tag = e.tagName;
      // HTML tag names come upper-case; an SVG's do not
      const t = tag.charCodeAt(0) >= 97 ? tag.toUpperCase() : tag;
      if (SKIP_WALK.has(t)) continue;
      const key = e.getAttribute('componentkey');
      if (key && key.startsWith('profileAside')) continue;
      if (act && (t === 'UL' || t === 'OL' || (key && key.endsWith('pillContent')))) continue;
      const inAct = act || (!!key && key.endsWith('Activity')) || (t === 'SECTION' && e.firstElementChild?.id === 'content_collections');
      if (WALK_TAGS.has(t)) {
        let l = by.get(t);
        if (!l) by.set(t, (l = []));
        l.push(e);
      }
      for (let ch = e.lastElementChild; ch; ch = ch.previousElementSibling) {
        stack.push(ch);
        inActivity.push(inAct);
      }
    }
    return by;
  });
}
const SKIP_WALK = new Set(['SCRIPT', 'STYLE', 'SVG', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'ASIDE', 'FOOTER']);

function byId(c: Ctx, ids: string): Element | null {
  for (const id of ids.split(' ')) {
    const e = c.doc.getElementById(id);
    if (e) return e;
  }
  return null;
}

/**
 * The top card's "Contact info" link: by its id or its overlay's path, or — a saved 2026
 * page's link may point at the profile itself ("/in/<handle>/#") — by its own text in the
 * page's UI language.
 */
function contactLink(c: Ctx, within: Element | null): Element | null {
  if (!within) return null;
  const links = tags(c, 'a').filter((a) => within.contains(a));
  // (a 1st-degree connection's 2026 top card also links the name and the notification bell
  // to the overlay: those hold a heading, an icon or a label of their own, and are not it)
  return (
    links.find((a) => a.id === 'top-card-text-details-contact-info') ??
    links.find((a) => a.childElementCount === 0 && HEAD.contact.test(clean(a.textContent))) ??
    links.find((a) => /\/(?:overlay|detail)\/contact-info/.test(a.getAttribute('href') ?? '') && !a.hasAttribute('aria-label') && !first(a, 'h1, h2, h3, svg, img')) ??
    null
  );
}

/**
 * The 2026 web client's top-card tiles (the current company and the school a person shows
 * in their intro): a logo whose placeholder svg is `company-accent-N` or `school-accent-N`,
 * and the name in a <p> beside it. Nothing else on the card says which tile is which.
 * The public view's top card links the same two (its experience may be blurred).
 */
function topTile(c: Ctx, kind: 'company' | 'school'): string | null {
  return c.memo(`tile:${kind}`, () => {
    const t = top(c);
    for (const svg of all(t, `figure svg[id^="${kind}-accent-"]`)) {
      const fig = svg.closest('figure')!;
      const tile = fig.closest('[role="button"]');
      if (!tile || !t!.contains(tile) || tile.closest(MODAL)) continue;
      const name = all(tile, 'p').find((p) => !fig.contains(p));
      const v = plausible(text(name), 200);
      if (v) return v;
    }
    // public view (2020–): the top card's links to the current employer and the latest school
    return plausible(text(first(t, `[data-section="${kind === 'company' ? 'currentPositions' : 'educations'}Details"] .top-card-link__description`)), 200);
  });
}

/** The top card: where name, headline, location and counts live. */
function top(c: Ctx): Element | null {
  return c.memo(top, () => {
    if (detailsPage(c)) {
      // its sticky header (2022–2025, above <main>; the page's first entity lockup): name, headline and
      // photo, when the name is the title's (a header left from the previous person names someone else);
      // a capture with no title at all (a live page always has one): when it sits in the page's own toolbar
      const bar = first(c.doc, '.artdeco-entity-lockup');
      return text(first(bar, '.artdeco-entity-lockup__title')) === titleName(c) || (!c.doc.title && bar?.closest('.scaffold-layout-toolbar')) ? bar : null;
    }
    const m = mainEl(c);
    const hooks: (() => Element | null | undefined)[] = [
      // every layout with an h1 (logged-in 2021–2025, public view): the section around it
      // (first: the query below would walk a long page of these to the end)
      () => {
        const h = tags(c, 'h1').find((x) => !x.closest(MODAL));
        return h ? h.closest('section') : null;
      },
      // 2026 web client: <section componentkey="com.linkedin.sdui.profile.card.ref…Topcard"> in a <div> of the
      // same key (2025: a <div> in a <div>)
      () => first(m, '[componentkey$=Topcard]'),
      // the public view without <main>; older top card (2019–2021), no h1
      () => first(c.doc, SAVED ? 'section.pv-top-card, section.top-card-layout' : 'section.top-card-layout'),
      // 2013–2016 public hCard; a member's /recent-activity/ page: the card in the left rail
      () => byId(c, SAVED ? 'top-card topcard recent-activity-top-card' : 'recent-activity-top-card'),
      // 2013 public hResume: no <section>; the h1 sits in div.masthead.vcard
      () => (SAVED ? tags(c, 'h1').find((x) => !x.closest(MODAL))?.closest('.masthead, .vcard, .profile-header') : null),
      // any layout: the section that holds the "Contact info" link
      () => contactLink(c, m)?.closest('section'),
    ];
    for (const h of hooks) {
      const el = h();
      if (el) return el;
    }
    return null;
  });
}

/** Unknown elements (a browser extension's injections: <lnsection>, <hilite>) are not the site's. */
function foreign(el: Element): boolean {
  return Object.prototype.toString.call(el) === '[object HTMLUnknownElement]' && !el.tagName.includes('-');
}

function nameEl(c: Ctx): Element | null {
  return c.memo(nameEl, () => {
    const t = top(c);
    if (!t) return null;
    // the 2026 client's top card (a `componentkey`): the older layouts' hooks are not asked of it
    const k = t.hasAttribute('componentkey');
    const hooks: (() => Element | null | undefined)[] = [
      () => {
        const h = first(t, 'h1');
        return h && !h.closest(MODAL) ? h : null;
      },
      // older top card (2019–2021): <ul class="pv-top-card--list"><li class="inline t-24 …">
      () => (k || !SAVED ? null : first(t, '.pv-top-card--list > li.t-24, li.inline.t-24')),
      // 2015–2016 hCard: <h1 id="name"><span class="full-name">
      // (a /details/ page's sticky header: its lockup's title)
      () => (k ? null : first(t, SAVED ? '#name .full-name, .full-name, #name, .fn, .artdeco-entity-lockup__title' : '.artdeco-entity-lockup__title')),
      // 2026 web client: the name (an <h2> or a <p>) inside a link to the person's own page
      // (or, for a 1st-degree connection, to their contact info)
      () => {
        for (const a of all(t, 'a[href]')) {
          if (!selfLink(c, a) && !selfLink(c, a, '/overlay/contact-info/')) continue;
          const h = first(a, 'h1, h2, h3, p');
          if (h && plausible(text(h), 120)) return h;
        }
        return null;
      },
      // … or in a button of its own (2026, a 1st-degree connection): the card's one <h2>, or (2025)
      // the <p> of the verified badge's button
      () => (k ? first(t, 'h2,[data-view-name$=verified-badge] p') : null),
    ];
    for (const h of hooks) {
      const el = h();
      if (el && plausible(text(el), 120)) return el;
    }
    return null;
  });
}

function topText(c: Ctx): string {
  return c.memo(topText, () => {
    // the card's dialogs and forms found at once: each element's test is then a lookup
    const modal = new Set(all(top(c), MODAL));
    return text(top(c), 20_000, (e) => modal.has(e) || foreign(e) || srCopy(e));
  });
}

/**
 * The shown half of a screen-reader pair ("<span aria-hidden="true">424</span><span
 * class="visually-hidden">424 connections</span>", 2018–2025): read once, from its hidden
 * twin, so that two copies never run together ("424 424 connections").
 */
function srCopy(e: Element): boolean {
  if (e.getAttribute('aria-hidden') !== 'true' || e.firstElementChild) return false;
  const shown = clean(e.textContent);
  // the twin beside it, or in the wrapper beside it (2018: "<span class="svg-icon-wrap"><span class="visually-hidden">")
  const twin = (x: Element | null) => {
    const h = x && (x.classList.contains('visually-hidden') ? x : first(x, ':scope > .visually-hidden'));
    return !!h && !!shown && clean(h.textContent).includes(shown);
  };
  return twin(e.nextElementSibling) || twin(e.previousElementSibling);
}

// 2010–2016 hCard / hResume pages: the anchor element (by id) is the whole section
// (2013's public view: div.section#profile-summary headed "<Name>'s Summary")
const HCARD: Partial<Record<keyof typeof SECTIONS, string>> = {
  about: 'summary-item-view background-summary profile-summary',
  experience: 'background-experience profile-experience',
  education: 'background-education profile-education',
  languages: 'background-languages profile-languages',
};

/** The <h2>/<h3> of <main> with their shown text, once per read. */
function headings(c: Ctx): [Element, string][] {
  return c.memo(headings, () => [...tags(c, 'h2'), ...tags(c, 'h3')].map((h) => [h, shownText(h)] as [Element, string]));
}

/** A 2026 card's key ends with what it is ("…ExperienceTopLevelSection"): its <section>'s, or (Activity) the card's around it. */
function keyed(e: Element, k: string): boolean {
  return [e, e.parentElement?.closest('[componentkey]')].some((x) => x?.getAttribute('componentkey')?.endsWith(k));
}

/**
 * A profile section without page-wide selector scans: the anchor by id (an empty anchor div
 * inside the card, or the section itself), then a <section> by its data-section, class or componentkey,
 * then the card whose <h2>/<h3> says what it is (in the page's UI language).
 */
function section(c: Ctx, k: keyof typeof SECTIONS): Element | null {
  const m = mainEl(c);
  if (!m) return null;
  const s = SECTIONS[k];
  for (const sel of (s.anchors ?? '').split(/,\s*/)) {
    const id = /#([\w-]+)$/.exec(sel)?.[1];
    if (!id) continue;
    const a = c.doc.getElementById(id);
    if (!a || (sel.startsWith('main ') && !m.contains(a)) || (sel.startsWith('section#') && a.tagName !== 'SECTION') || inChrome(a)) continue;
    return a.tagName === 'SECTION' ? a : a.closest('section') ?? a.parentElement;
  }
  const cls = /section\.([\w-]+)|section\[data-section="([\w-]+)"\]|section\[componentkey\$=(\w+)\]/g;
  for (let x; (x = cls.exec(s.anchors ?? '')); ) {
    const hit = tags(c, 'section').find((e) => (x![1] ? e.classList.contains(x![1]) : x![2] ? e.getAttribute('data-section') === x![2] : keyed(e, x![3])));
    if (hit) return hit;
  }
  for (const [h, t] of headings(c)) {
    if (!s.label.test(t) || inChrome(h)) continue;
    return h.closest('section') ?? h.parentElement?.parentElement ?? h.parentElement;
  }
  return null;
}

/**
 * A section the page shows: neither it nor its heading inside what the page hides (2015's class="hidden",
 * 2020's display: none; layouts LinkedIn serves no more: SAVED).
 */
function shownSec(c: Ctx, k: keyof typeof SECTIONS): Element | null {
  const s = sec(c, k);
  if (!SAVED) return s;
  const hidden = (e: Element | undefined) => !!e?.closest('[hidden], .hidden, [style*="display: none"], [style*="display:none"]');
  return s && !hidden(s) && !hidden(headings(c).find(([h, t]) => s.contains(h) && SECTIONS[k].label.test(t))?.[0]) ? s : null;
}

function sec(c: Ctx, k: keyof typeof SECTIONS): Element | null {
  return c.memo('sec:' + k, () => {
    const h = SAVED && HCARD[k] && byId(c, HCARD[k]!);
    if (h) return h;
    // the 2026 Contact info overlay, open at its own address (looked for only there: a query of the whole page)
    const o = k === 'contact' && /overlay\/contact-info/.test(c.url) && first(c.doc, '[componentkey$=ContactInfoDetailSection]');
    if (o) return o;
    const found = section(c, k);
    if (found) return found;
    // /in/<handle>/details/experience/: the page is that one list, whatever its heading's tag
    const m = /^\/in\/[^/]+\/details\/([a-z]+)/.exec(pathOf(c.url));
    return m && m[1] === k ? mainEl(c) : null;
  });
}

/**
 * The JSON-LD Person of the person the URL names (public view). A Person whose `url` is
 * another page is someone else (a colleague, an "also viewed" card); one without `url`
 * counts only when it is the page's only Person.
 */
function person(c: Ctx): Record<string, unknown> | null {
  return c.memo(person, () => {
    const want = self(c);
    const people = jsonLd(c.doc).filter((o) => o['@type'] === 'Person' || (Array.isArray(o['@type']) && o['@type'].includes('Person')));
    for (const o of people) {
      const got = typeof o.url === 'string' ? linkedinProfileUrl(o.url) : undefined;
      if (want && got === want) return o;
    }
    return people.length === 1 && typeof people[0].url !== 'string' ? people[0] : null;
  });
}

/** JSON-LD / JSON text: literal <br> tags and other markup are not text. */
function jsonText(v: unknown, max: number): string | null {
  const s = typeof v === 'string' ? v : str(v);
  if (!s) return null;
  return plausible(s.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?(?:p|b|i|strong|em|span|div)\b[^>]*>/gi, ' '), max);
}

/** A sibling after the name that is not the headline: badges, pronouns, modals, injected widgets. */
function skipAfterName(el: Element): boolean {
  // (one's own top card: the "Verify now" button, a link styled as one, beside the name)
  if (el.matches(MODAL + ', a.artdeco-button') || first(el, MODAL) || first(el, 'nav, input, button') || foreign(el)) return true;
  for (const x of all(el, '*')) if (foreign(x) && first(x, 'nav, p, a')) return true;
  return false;
}

/** A count line ("500+ connections", "1,234 followers"): not a headline nor a place, which may well say "Investor Relations". */
function isCount(v: string): boolean {
  return countLabelled(v, LABEL.connections) !== null || countLabelled(v, LABEL.followers) !== null;
}

/** The element just after the name block: the headline. */
function afterName(c: Ctx): string | null {
  let el: Element | null = nameEl(c);
  const t = top(c);
  while (el && el !== t) {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (skipAfterName(next)) continue;
      // (a badge kept hidden — "<span style="display: none"><span class="visually-hidden">… has a account" — shows nothing)
      if (!text(next, 400, notShown)) continue;
      // the top card's links to the current employer and school (public view 2020–) come
      // after the headline: past them there is none (a page without one shows none)
      if (first(next, 'a[href*="/company/"], a[href*="/school/"]')) return null;
      const v = plausible(shownText(next), 400);
      if (!v || /^[·•]/.test(v) || DEGREE.test(v) || PRONOUNS.test(v)) continue;
      return isCount(v) ? null : v;
    }
    el = el.parentElement;
  }
  return null;
}

function headline(c: Ctx): string | null {
  return c.memo(headline, () => {
    if (!top(c)) return null;
    // (the public view names its headline's element: without one, what follows the name is the place; with one
    // that says nothing, 2015's "--", the headline is none, not the place after it)
    const el = first(top(c), '#headline .title, p.headline, .headline.title, .top-card-layout__headline');
    return el ? jsonText(el.textContent, 400) : first(top(c), '.top-card-layout__title') ? null : afterName(c);
  });
}

/**
 * The place beside the "Contact info" link (logged-in 2021–2026): the nearest text
 * before the link or before one of its wrappers ("Berlin, Germany · Contact info").
 */
function besideContactInfo(c: Ctx): string | null {
  const t = top(c);
  let el: Element | null = contactLink(c, t);
  for (let up = 0; el && el !== t && up < 4; up++, el = el.parentElement) {
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (skipAfterName(prev)) continue;
      const v = plausible(text(prev), 150);
      if (!v) continue;
      if (isCount(v) || v === text(nameEl(c)) || v === headline(c)) return null;
      return v;
    }
  }
  return null;
}


/** The jobs the experience shows, once per read. */
function jobsShown(c: Ctx): Job[] | null {
  return c.memo(jobsShown, () => runHooks(EXPERIENCE, c));
}

function currentJob(c: Ctx): Job | null {
  return jobsShown(c)?.find((j) => !j.end) ?? null;
}

/** Every job the experience shows has ended: the page shows no current one (missing, not unreadable). */
function allEnded(c: Ctx): boolean {
  return !!jobsShown(c)?.length && !currentJob(c);
}

function runHooks<T>(hooks: Hook<T>[], c: Ctx): T | null {
  for (const h of hooks) {
    const v = h.read(c);
    if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length)) return v;
  }
  return null;
}

/** A 2026 web client card (componentkey attributes): read by card-lines only. */
function cards(s: Element | null): boolean {
  return !!first(s, '[componentkey]');
}

/** The same hooks, each read once per read (the current job and the experience field share them). */
function memoHooks<T>(key: string, hooks: Hook<T>[]): Hook<T>[] {
  return hooks.map((h) => ({ via: h.via, read: (c: Ctx) => c.memo(`${key}:${h.via}`, () => h.read(c)) }));
}

const EXPERIENCE: Hook<Job[]>[] = memoHooks('exp', [
  // logged-in "pvs" lists (2021–2025) and /details/experience/
  // (an item with an <h3>/<h4> title is an older or public layout: left to item-headings)
  // (2026 web client cards carry componentkey attributes: left to card-lines)
  { via: 'pvs-list', read: (c) => (cards(sec(c, 'experience')) || first(sec(c, 'experience'), 'li h3, li h4, .section-item') ? [] : pvsJobs(sec(c, 'experience'))) },
  // older pv-entity lists (2019–2021), the public view's experience-item list, 2015–2016 hCard
  { via: 'item-headings', read: (c) => (cards(sec(c, 'experience')) ? [] : headingJobs(sec(c, 'experience'))) },
  // 2026 web client: logo + <p> lines per entry
  { via: 'card-lines', read: (c) => cardJobs(sec(c, 'experience')) },
  // JSON-LD worksFor (public view): employers without titles, so after the list
  {
    via: 'json-ld',
    read: (c) =>
      arr(person(c)?.worksFor).flatMap((o) => {
        const company = jsonText(o, 200);
        if (!company) return [];
        const m = (o as { member?: { startDate?: unknown; endDate?: unknown } }).member;
        const j: Job = { company };
        const s = isoMonth(String(m?.startDate ?? ''));
        const e = isoMonth(String(m?.endDate ?? ''));
        if (s) j.start = s;
        if (e) j.end = e;
        return [j];
      }),
  },
]);

/** 2017–2019: the About summary inside the top card. */
function topSummary(c: Ctx): Element | null {
  return first(top(c), '.pv-top-card-section__summary-text');
}

/** 2018–2019 "See connections (445)": the count in parentheses after its label. */
function seeConnections(c: Ctx): number | null {
  const m = /\((\d[\d.,\s\u00a0]*\+?)\)/.exec(text(first(top(c), '.pv-top-card-v2-section__connections'), 200));
  return m ? parseCount(m[1]) : null;
}

/** 2017–2020: the Accomplishments card's languages ("Language" over "English", "Polish"). */
function accomplishedLanguages(c: Ctx): string[] {
  const s = tags(c, 'section').find((x) => x.classList.contains('pv-accomplishments-block') && x.classList.contains('languages'));
  return s ? uniq(all(s, 'li.pv-accomplishments-block__summary-list-item').map((li) => text(li, 200, notShown)), 100) : [];
}

/** 2013–2016 hCard: <div class="member-connections"> in the top card; 2010–2013: "<strong>220</strong> connections" in the overview list. */
function memberConnections(c: Ctx): Element | null {
  return first(top(c), '.member-connections') ?? first(byId(c, 'overview'), 'dd.overview-connections');
}

/**
 * The followers count in the Activity card's heading block ("594 followers"), or just after
 * it (2019–2021: "<header><h2>Activity</h2></header><span>948 followers</span>"), never in
 * the posts below.
 */
function activityFollowers(c: Ctx): number | null {
  const s = sec(c, 'activity');
  if (!s) return null;
  // its heading from the walk: a query over the card would go through every post
  // (the card's first: the 2026 card is found by its key, its heading in any UI language)
  const block = headings(c).find(([x]) => s.contains(x))?.[0].parentElement;
  // (a link to the followers list is the count itself — one's own profile: "2 080 followers")
  const skip = (e: Element) => e.matches('button, ul') || (e.tagName === 'A' && !/\/feed\/followers\b/.test(e.getAttribute('href') ?? ''));
  for (let el: Element | null | undefined = block, i = 0; el && i < 3; el = el.nextElementSibling, i++) {
    if (i > 0 && (el.matches('ul, ol, article') || first(el, 'ul, ol, article'))) break;
    const n = countLabelled(text(el, 400, skip), LABEL.followers);
    if (n !== null) return n;
  }
  return null;
}

/** The smallest top-card element that carries the mutual label: "Olivia Brown, Mark Lee and 10 other mutual connections". */
function mutualText(c: Ctx): string {
  return c.memo(mutualText, () => {
    const re = labelReOnce(LABEL.mutual);
    let t = '';
    if (!re.test(topText(c))) {
      // 2018–2021: the count and names in the Highlights card, "16 Mutual Connections You and Sean both know A, B, and 14 others"
      const h = SAVED && first(c.doc.getElementById('highlights-container'), 'a[href*=facetConnectionOf]')?.closest('li');
      return h ? text(h, 400) : '';
    }
    // links, paragraphs and bold counts first; spans and items only when none carries it
    for (const sel of ['a, p, strong', 'span, li']) {
      for (const el of all(top(c), sel)) {
        // "<strong>354 conexões em comum:</strong> Renato Faria, … e mais 352 pessoas": the names follow the bold label
        const own = text(el, 400);
        const x = own.endsWith(':') && el.parentElement ? text(el.parentElement, 400) : own;
        if (x.length > 400 || !re.test(x) || el.closest(MODAL)) continue;
        if (!t || x.length < t.length) t = x;
      }
      if (t) break;
    }
    return t;
  });
}

/**
 * The mutual connections line, read: "Olivia Brown, Mark Lee and 10 other mutual connections"
 * → 12 and both names; "Anna Kowalski is a mutual connection" → 1, Anna; "7 общих контактов" → 7.
 */
function mutuals(c: Ctx): { count: number | null; names: string[] } | null {
  return c.memo(mutuals, () => {
    const t = mutualText(c);
    if (!t) return null;
    // (a comma before a credential is inside a name: "Rui Teles, CPIM, CSCP")
    const names = (s: string) => uniq(s.split(/,(?!\s*[A-Z]{2,6}(?:,|$))\s*|\s+(?:and|и)\s+/).filter((x) => !/\d/.test(x)), 120);
    // "… and 10 other mutual connections", "… i 6 innych wspólnych kontaktów", "… и ещё 6 общих контактов"
    const m = /([^·]*?)\s+(?:and|и|i|e|y|et|und|та|і)\s+(?:ещё\s+|еще\s+|ще\s+|mais\s+|jeszcze\s+|altri\s+)?(\d+)\s+(?:other\s+|innych\s+|outras?\s+|otras?\s+|autres\s+|weitere\s+|інших\s+)?(?:mutual|общ|wspóln|spóln|conex|relations|gemeinsam|спільн|collegament)/i.exec(t);
    if (m) return { count: +m[2] + m[1].split(/,\s*/).filter(Boolean).length, names: names(m[1]) };
    // "354 conexões em comum: Renato Faria, Eduardo Peres e mais 352 pessoas", "1 conexão em comum: Ana Lima"
    const k = /:\s*([^:\d]+?)(?:,?\s+(?:and|и|i|e|y|et|und|та|і)\s+(?:ещё\s+|еще\s+|ще\s+|mais\s+|jeszcze\s+)?\d|$)/i.exec(t);
    const count = countLabelled(t, LABEL.mutual);
    if (k && (/\d/.test(k[0]) || names(k[1]).length === count)) return { count, names: names(k[1]) };
    // "You and Sean both know A, B, and 14 others" (names() leaves out "and 14 others")
    const b = /both know (.+)/.exec(t);
    if (b) return { count, names: names(b[1]) };
    // names only: "Anna Kowalski is a mutual connection", "A and B are mutual connections", "А и Б — общие контакты"
    const n = /^(.+?)\s+(?:is a|are|[—–-]\s*)\s*(?:mutual connections?|общи[йе] контакты?)/i.exec(t);
    if (n && !/\d/.test(n[1])) return { count: n[1].split(/,\s*|\s+(?:and|и)\s+/).filter(Boolean).length, names: names(n[1]) };
    return { count, names: [] };
  });
}

/**
 * The connection-degree badges of the top card ("· 2nd", "2º" with "Conexão de 2º grau",
 * "· 1-й"): each element that holds one, with its degree. The 2026 client keeps both
 * "· 1st" and "· 2nd" and hides one with its CSS; oneShown() settles which, or nothing.
 */
function degreeBadges(c: Ctx): [Element, Degree][] {
  return c.memo(degreeBadges, () =>
    all(top(c), 'p, span').flatMap((e): [Element, Degree][] => {
      // (a bare number is a count — "James Wu and <b>3</b> other" — and links hold names and counts)
      const t = text(e, 80);
      // (the badge's words first: the ancestors' check is the dearer one, and few elements pass the first)
      const m = !/^\d+$/.test(t) && DEGREE.exec(t);
      return m && !e.closest('a, ' + MODAL) ? [[e, +m[1] as Degree]] : [];
    }),
  );
}

/** The <title> name, only when every <title> of the page agrees (a single-page app leaves stale ones). */
function titleName(c: Ctx): string | null {
  return c.memo(titleName, () => {
    const names = new Set<string>();
    const ts = c.doc.head ? Array.from(c.doc.head.getElementsByTagName('title')) : Array.from(c.doc.getElementsByTagName('title')).filter((t) => !t.closest('svg'));
    for (const t of ts) {
      const parts = text(t, 2000)
        .replace(/^\(\d+\+?\)\s*/, '')
        .split(/\s+[|–—]\s+/)
        .map(clean)
        .filter((p) => p && !TITLE_SITE.test(p));
      // "Anna Kowalski | LinkedIn", "Experience | Anna Kowalski | LinkedIn",
      // public view: "Anna Kowalski - Sales Director - Contoso | LinkedIn"
      let n = parts.length > 1 && detailsPage(c) ? parts[parts.length - 1] : parts[0];
      if (n && /\s-\s/.test(n) && !detailsPage(c)) n = n.split(/\s-\s/)[0];
      if (n) names.add(n);
    }
    return names.size === 1 ? plausible([...names][0], 120) : null;
  });
}

/** A member photo's path on LinkedIn's media hosts (not a cover, logo or another image). */
const PHOTO_PATH = /profile-displayphoto|profile-framedphoto|\/mpr\/|shrink_/i;

/** A photo in the top card that is the person's own: inside no link, or a link to their own page or photo. */
function topPhoto(c: Ctx): Element | null {
  return c.memo(topPhoto, () => {
    const t = top(c);
    const n = text(nameEl(c));
    for (const img of all(t, 'img')) {
      if (img.closest(MODAL)) continue;
      // (a page saved "complete" points src at its local copy: the photo's address stays in srcset)
      const src = (img.getAttribute('src') ?? img.getAttribute('data-delayed-url') ?? '') + ' ' + (img.getAttribute('srcset') ?? '');
      const alt = clean(img.getAttribute('alt'));
      const a = img.closest('a');
      const own = !a || selfLink(c, a) || /\/overlay\/photo/.test(a.getAttribute('href') ?? '');
      // (2015's public page: the photo blurred behind the card, <img id="bg-blur-profile-picture">, before the photo)
      if (/background|cover|blur/i.test(src + ' ' + (a?.getAttribute('href') ?? '') + ' ' + img.className + img.id)) continue;
      if ((n && alt.includes(n)) || (own && PHOTO_PATH.test(src)) || img.matches('.pv-top-card-profile-picture__image, .pv-top-card__photo, .top-card__profile-image, .photo')) return img;
    }
    return null;
  });
}

// ---------- the fields ----------

const SPEC: Spec = {
  name: {
    hooks: [
      { via: 'json-ld', read: (c) => jsonText(person(c)?.name, 120) },
      { via: 'top-card-heading', read: (c) => plausible(text(nameEl(c)), 120) },
      // <title>: "(3) Anna Kowalski | LinkedIn", "Experience | Anna Kowalski | LinkedIn"
      // (only beside a top card or a /details/ page's list: a page with neither, "Profil bearbeiten"
      // saved before it rendered, is titled by what it is, not by whom)
      { via: 'title', read: (c) => (top(c) || detailsPage(c) ? titleName(c) : null) },
    ],
    shown: () => true,
  },
  headline: {
    hooks: [{ via: 'top-card', read: headline }],
    // (a public view's card without a headline's element shows none; 2015's public page shows "--" for none)
    shown: (c) => nameEl(c) && (!first(top(c), '.top-card-layout__title') || first(top(c), '.top-card-layout__headline')) &&
      !(SAVED && /^[-–—\s]+$/.test(text(first(top(c), 'p.headline'), 20))),
  },
  company: {
    hooks: [
      { via: 'json-ld', read: (c) => jsonText(arr(person(c)?.worksFor)[0], 200) },
      // logged-in top card: <button aria-label="Current company: Globex. Click to skip to experience card">
      {
        via: 'top-card-current-company',
        read: (c) => {
          const b = all(top(c), '[aria-label]').find((e) => CURRENT_COMPANY.test(e.getAttribute('aria-label') ?? ''));
          if (!b) return null;
          const m = /:\s*(.+?)(?:\.\s+(?:Click|Нажмите|Clique|Klicken|Cliquez|Haga|Kliknij|Натисніть).*)?$/i.exec(clean(b.getAttribute('aria-label')));
          return plausible(m?.[1] ?? text(b), 200);
        },
      },
      // 2026 web client: the top card's company tile
      { via: 'top-card-tile', read: (c) => topTile(c, 'company') },
      { via: 'experience', read: (c) => currentJob(c)?.company },
    ],
    shown: (c) => !allEnded(c) && (sec(c, 'experience') ?? topTile(c, 'company')),
  },
  position: {
    hooks: [
      { via: 'json-ld', read: (c) => jsonText(person(c)?.jobTitle, 200) },
      { via: 'experience', read: (c) => currentJob(c)?.title },
    ],
    shown: (c) => !allEnded(c) && sec(c, 'experience'),
  },
  location: {
    hooks: [
      { via: 'json-ld', read: (c) => jsonText((person(c)?.address as Record<string, unknown> | undefined)?.addressLocality, 150) },
      // logged-in (2021–2026): "Berlin, Germany · Contact info"
      // 2017–2019 top card: <h3 class="pv-top-card-section__location">
      ...(SAVED ? [{ via: 'top-card-location', read: (c: Ctx) => plausible(text(first(top(c), '.pv-top-card-section__location'), 400), 150) }] : []),
      { via: 'beside-contact-info', read: besideContactInfo },
      // public view: first subline item; older top card: first bullet; hCard: .locality
      // with its "(Greater San Diego Area)" beside it in the dd (2013)
      {
        via: 'top-card-subline',
        read: (c) => {
          const el = first(top(c), '.profile-info-subheader > span, .top-card-layout__first-subline .not-first-middot > span, .top-card__subline-item' + (SAVED ? ', .pv-top-card--list-bullet > li, dd:has(>.locality), .locality' : ''));
          const v = plausible(text(el, 400, (e) => e.matches(MODAL)), 150);
          return v && !isCount(v) ? v : null;
        },
      },
    ],
    shown: (c) => contactLink(c, top(c)) ?? first(top(c), '.top-card__subline-item' + (SAVED ? ', .pv-top-card--list-bullet, .locality' : '')),
  },
  about: {
    hooks: [
      { via: 'json-ld', read: (c) => jsonText(person(c)?.description, 10_000) },
      // (the text itself: the card may hold more, as its "Top skills" line)
      { via: 'about-section', read: (c) => { const s = sec(c, 'about'); return plausible(sectionBody(first(s, '[data-testid="expandable-text-box"],[class*=inline-show-more-text]') ?? s), 10_000); } },
      // 2017–2019: the summary inside the top card, clamped with a "…" of its own
      ...(SAVED ? [{ via: 'top-card-summary', read: (c: Ctx) => plausible(text(topSummary(c), 10_000, (e) => e.matches('.lt-line-clamp__ellipsis, button')), 10_000) }] : []),
    ],
    // (2020–2021 keeps an empty About section in the page, hidden: display: none)
    shown: (c) => shownSec(c, 'about') ?? (SAVED && topSummary(c)),
  },
  photoUrl: {
    hooks: [
      { via: 'json-ld', read: (c) => photo(str((person(c)?.image as Record<string, unknown> | undefined)?.contentUrl)) },
      {
        via: 'top-card-img',
        read: (c) => {
          const img = topPhoto(c);
          // (a page saved by SavePage WE keeps the src it inlined in data-savepage-src; one saved "complete", its address in srcset)
          return img ? photo(img.getAttribute('src')) ?? photo(img.getAttribute('data-delayed-url')) ?? photo(img.getAttribute('data-ghost-url') ? null : img.getAttribute('data-src')) ?? photo(img.getAttribute('data-savepage-src')) ?? photo(img.getAttribute('srcset')?.trim().split(/\s/)[0]) : null;
        },
      },
      // 2018–2019: no <img>, the photo is the background of <div class="pv-top-card-section__photo">
      ...(SAVED ? [{
        via: 'top-card-background',
        read: (c: Ctx) => {
          const u = cssUrl(first(top(c), '.pv-top-card-section__photo')?.getAttribute('style'));
          return u && PHOTO_PATH.test(u) ? photo(u) : null;
        },
      }] : []),
    ],
    shown: (c) => {
      const img = topPhoto(c);
      return img && !/ghost/i.test(img.className + (img.getAttribute('src') ?? ''));
    },
  },
  connections: {
    hooks: [
      { via: 'top-card-label', read: (c) => countLabelled(topText(c), LABEL.connections) },
      // 2015–2016 hCard: <div class="member-connections"><strong>500+</strong> connections</div>
      ...(SAVED ? [{ via: 'member-connections', read: (c: Ctx) => parseCount(text(first(memberConnections(c), 'strong') ?? memberConnections(c))) }] : []),
      ...(SAVED ? [{ via: 'see-connections', read: seeConnections }] : []),
    ],
    shown: (c) => countLabelled(topText(c), LABEL.connections) !== null || (SAVED && memberConnections(c)),
  },
  followers: {
    hooks: [
      // what the page shows first: "6K followers" is 6000 here, not JSON-LD's exact 5740 a
      // person cannot see (the panel says what the page says)
      { via: 'top-card-label', read: (c) => countLabelled(topText(c), LABEL.followers) },
      {
        via: 'json-ld',
        read: (c) =>
          arr(person(c)?.interactionStatistic)
            .map((s) => s as Record<string, unknown>)
            .filter((s) => /follow/i.test(String(s.interactionType ?? s.name)))
            .map((s) => parseCount(String(s.userInteractionCount)))[0],
      },
      // logged-in 2024–2026: only in the Activity card's heading
      { via: 'activity-card', read: activityFollowers },
      // logged-in 2018 (saved copies): the Activity section's heading, <h3 class="…__follower-count">
      { via: 'activity-2018', read: (c) => (SAVED ? countLabelled(text(first(c.doc, '.pv-recent-activity-section__follower-count'), 200), LABEL.followers) : null) },
    ],
    shown: (c) => countLabelled(topText(c), LABEL.followers) !== null || activityFollowers(c) !== null,
  },
  mutual: {
    hooks: [{ via: 'top-card-label', read: (c) => mutuals(c)?.count }],
    // "See your mutual connections" (public view, no count, no names) shows no count
    shown: (c) => /\d|\s(?:is a|are|and|и|e|y|et|und|i|та)\s|[—,]/i.test(mutualText(c)),
  },
  degree: {
    hooks: [{ via: 'top-card-badge', read: (c) => oneShown(degreeBadges(c)) }],
    // a badge we could not settle (two different ones, no browser to say which is shown)
    shown: (c) => degreeBadges(c).length,
  },
  mutualNames: {
    hooks: [{ via: 'top-card-label', read: (c) => mutuals(c)?.names }],
  },
  experience: { hooks: EXPERIENCE, shown: (c) => sec(c, 'experience') },
  education: {
    hooks: [
      { via: 'pvs-list', read: (c) => (cards(sec(c, 'education')) || first(sec(c, 'education'), 'li h3, li h4, .section-item') ? [] : pvsSchools(sec(c, 'education'))) },
      { via: 'item-headings', read: (c) => (cards(sec(c, 'education')) ? [] : headingSchools(sec(c, 'education'))) },
      { via: 'card-lines', read: (c) => cardSchools(sec(c, 'education')) },
      { via: 'json-ld', read: (c) => arr(person(c)?.alumniOf).flatMap((o) => (jsonText(o, 200) ? [{ school: jsonText(o, 200)! }] : [])) },
      // 2026 web client before (or without) its Education card: the top card's school tile
      // (only then: with the card on the page, one school of several would read as the list)
      {
        via: 'top-card-tile',
        read: (c) => {
          const school = sec(c, 'education') ? null : topTile(c, 'school');
          return school ? [{ school }] : null;
        },
      },
    ],
    shown: (c) => sec(c, 'education') ?? topTile(c, 'school'),
  },
  languages: {
    hooks: [
      ...(SAVED ? [{ via: 'accomplishments', read: accomplishedLanguages }] : []),
      { via: 'languages-section', read: (c) => firstPieces(sec(c, 'languages')) },
      { via: 'card-lines', read: (c) => cardFirstLines(sec(c, 'languages')) },
    ],
    shown: (c) => sec(c, 'languages'),
  },
  interests: {
    hooks: [
      { via: 'interests-section', read: (c) => firstPieces(sec(c, 'interests')) },
      // 2026 web client: the shown tab's entries, links with the followed page's name as their first line
      { via: 'interest-tabs', read: (c) => uniq(all(sec(c, 'interests'), 'a[data-view-name^=interest-tab]').map((a) => text(first(a, 'p')))) },
    ],
    // (2015 keeps an empty Interests section in the page, hidden: class="hidden")
    shown: (c) => shownSec(c, 'interests'),
  },
  birthday: {
    // the 2026 Contact info overlay: its calendar icon's row, the day after the label ("April 30")
    hooks: [{ via: 'contact-info', read: (c) => parseBirthday(text(first(sec(c, 'contact'), '#calendar-medium+div>p:last-child'))) }],
  },
  websites: {
    hooks: [
      // contact-info overlay when open; top-card custom link (redirect-wrapped)
      {
        via: 'links',
        read: (c) =>
          uniq(
            [...all(sec(c, 'contact'), 'a[href]'), ...all(top(c), 'a[href]').filter((a) => REDIRECT.test(a.getAttribute('href') ?? ''))]
              // (LinkedIn's own pages are no one's site, unless the person's link leads there through the redirect)
              .map((a) => [safeUrl(a.getAttribute('href'), c.url), REDIRECT.test(a.getAttribute('href') ?? '')] as const)
              .filter(([u, out]) => !!u && (out || !/^https?:\/\/([\w-]+\.)*linkedin\.com\//.test(u)))
              .map(([u]) => u!),
            2000,
          ),
      },
    ],
  },
};

/** LinkedIn's redirect around a member's own link (its Websites, its contact info's sites). */
const REDIRECT = /\/redir\/redirect|\/safety\/go/;

function photo(u: string | null | undefined): string | null {
  const s = safeUrl(u);
  return s && !/ghost|\/static\.licdn\.com\/(?:sc|aero)|^data:/i.test(s) ? s : null;
}

// ---------- whose page ----------

/**
 * identityMatches() with this read's walk: the top card's Contact info / photo overlay
 * links name the person the DOM shows (a single-page app may still show the previous
 * one); without them, the shared check (JSON-LD, canonical link, og:url).
 */
function sameOrOther(c: Ctx): boolean | null {
  const a = contactLink(c, mainEl(c)) ?? tags(c, 'a').find((x) => (x.getAttribute('href') ?? '').includes('/overlay/photo'));
  const h = a?.getAttribute('href');
  if (h) {
    try {
      const got = linkedinProfileUrl(new URL(h, c.url).href);
      if (got) return got === self(c);
    } catch {
      /* not a URL: no evidence */
    }
  }
  return linkedinIdentity(c.doc, c.url);
}

// ---------- kind of page ----------

const NOT_FOUND = /^(?:page not found|(?:404 )?not found$|this page doesn[’']t exist|profile not found|страница не найдена|эта страница не существует|профиль не найден|página não encontrada|perfil não encontrado|página no encontrada|seite nicht gefunden|page introuvable|nie znaleziono strony|сторінку не знайдено)/i;
const WALL_PATH = /^\/(?:authwall|login|checkpoint|uas\/login|signup|uas\/authenticate)/;

/** A sign-in form that is the page itself, not a modal the public view nests in its top card. */
function loginWall(c: Ctx): boolean {
  const inputs = all(c.doc, 'form input[name="session_key"], form input[name="session_password"], #captcha-internal, iframe[src*="captcha" i]');
  return (
    inputs.some((i) => !i.closest('[role="dialog"], dialog, [aria-modal="true"], [id*="modal" i]')) ||
    !!byText(c.doc, 'h1, h2', /^(?:let[’']s do a quick security check|sign in|join linkedin|войти|вход|проверка безопасности|присоединиться к linkedin|entrar|iniciar sesión|anmelden|s[’']identifier|zaloguj się)/i)
  );
}

/** The page read at once (the CLI, the tests, the panel's layout report). */
export function extractLinkedIn(doc: Document, url: string): Extraction {
  return drain(readLinkedIn(doc, url));
}

/** The page read in steps, between which the content script may yield (core.ts `Steps`). */
export function* readLinkedIn(doc: Document, url: string): Steps<Extraction> {
  const c = makeCtx(doc, url);
  const canon = linkedinProfileUrl(url);
  if (!canon) {
    const path = pathOf(url);
    return result('linkedin', WALL_PATH.test(path) ? 'login-wall' : 'not-profile', null, c.lang);
  }
  // the site names its page: a guest homepage or a sign-in page served at a profile URL is a wall
  if (/homepage|guest-home|checkpoint|login|signup|auth_?wall/i.test(meta(doc, 'pageKey') ?? '')) return result('linkedin', 'login-wall', canon, c.lang);
  const heading = tags(c, 'h1')[0] ?? tags(c, 'h2')[0];
  if (NOT_FOUND.test(titleName(c) ?? '') || (heading && NOT_FOUND.test(text(heading)))) {
    return result('linkedin', 'not-profile', null, c.lang);
  }
  yield;
  if (sameOrOther(c) === false) {
    return result('linkedin', 'profile', canon, c.lang, allUnreadable('identity-mismatch'));
  }
  const fields = yield* fieldSteps(SPEC, c);
  const t = top(c);
  // nothing read; a login page that merely carries a <title>; or the "top card" is the
  // sign-in form itself (its "Sign in" heading is no name)
  const suspect =
    fields.name.status !== 'ok' ||
    (fields.name.via === 'title' && !t && !sec(c, 'experience') && !sec(c, 'education')) ||
    (fields.name.via === 'top-card-heading' && all(t, 'input[type="password"], input[name="session_key"]').some((i) => !i.closest(DIALOG)));
  if (suspect && loginWall(c)) return result('linkedin', 'login-wall', canon, c.lang);
  return result('linkedin', 'profile', canon, c.lang, fields);
}

/** The UI labels this extractor matches: a layout report keeps these texts as they are (layout-report.ts). */
export const UI_LABELS: readonly unknown[] = [LABEL, HEAD, SECTIONS, DEGREE, PRONOUNS, EMPLOYMENT_ONLY, NOT_FOUND, /^linkedin$/i];
