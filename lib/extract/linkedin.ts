// LinkedIn profile extractor.
// Checked on tests/fixtures/pages/linkedin/:
//   li-new-en, li-new-ru, li-nav-b-en (logged-in top card, 2021–; li-new-en → li-nav-b-en is the navigation pair)
//   li-old-en (Maria Garcia), li-old-ru (older top card with "pv-entity" lists, 2019–2021)
//   li-public-en (se.linkedin.com, JSON-LD), li-public-ru (ru.linkedin.com, no JSON-LD) — logged-out public view
//   li-details-en, li-details-ru (/in/<handle>/details/experience/)
//   li-feed-en, li-company-en, li-search-ru (not-profile); li-authwall-en, li-signin-ru (login-wall)
//   li-truncated-en, li-shell-en, li-payload-en (damaged); li-large (generated, ~3 MB)
import type { Extraction, Job, School } from './types';
import {
  all, allUnreadable, arr, byText, countLabelled, first, hasLabel, items, jsonLd, makeCtx, meta, ofType,
  pathOf, pieces, result, runSpec, sectionBody, sectionFor, str, titleParts, uniq,
  type Ctx, type Hook, type SectionHooks, type Spec,
} from './core';
import { identityMatches } from './identity';
import { clean, isoMonth, parseCount, parseRange, plausible, safeUrl, shownText, text } from './text';
import { canonicalProfileUrl } from './urls';

// ---------- hooks as data ----------

const LABEL = {
  connections: 'connections?|контакт(?:ов|а)?(?![\\p{L}])',
  followers: 'followers?|отслеживающ\\p{L}*|подписчик\\p{L}*',
  mutual: 'mutual connections?|общих контакт\\p{L}*|общий контакт',
};

const SECTIONS: Record<'about' | 'experience' | 'education' | 'languages' | 'interests' | 'contact', SectionHooks> = {
  // logged-in (2021–): an empty <div id="about" class="pv-profile-card-anchor"> inside the card;
  // older layout: <section id="…-section">; public view: <section data-section="summary">
  about: { anchors: 'main #about, main section.pv-about-section, main section[data-section="summary"]', label: /^(?:about|summary|общие сведения|о себе|информация)$/i },
  experience: { anchors: 'main #experience, main #experience-section, main section[data-section="experience"]', label: /^(?:experience|опыт работы|опыт)$/i },
  education: { anchors: 'main #education, main #education-section, main section[data-section="educationsDetails"]', label: /^(?:education|образование)$/i },
  languages: { anchors: 'main #languages, main section[data-section="languages"]', label: /^(?:languages|языки|знание языков)$/i },
  interests: { anchors: 'main #interests', label: /^(?:interests|интересы)$/i },
  contact: { anchors: 'section.pv-contact-info, #pv-contact-info', label: /^(?:contact info|контактная информация|контактные сведения)$/i },
};

// The top card: where name, headline, location and counts live.
const TOP_CARD: ((d: Document) => Element | null | undefined)[] = [
  // every layout with an h1 (logged-in 2021–, public view): the section around it
  (d) => first(d, 'main h1')?.closest('section'),
  // older top card (2019–2021), no h1
  (d) => first(d, 'main section.pv-top-card, main .pv-top-card'),
  // public view without <main>
  (d) => first(d, 'section.top-card-layout'),
];

const NAME_EL: ((top: Element) => Element | null)[] = [
  (t) => first(t, 'h1'),
  // older top card (2019–2021): <ul class="pv-top-card--list"><li class="inline t-24 …">
  (t) => first(t, '.pv-top-card--list > li.t-24, li.inline.t-24'),
];

// the connection-degree badge after the name: "· 2nd", "3rd+", "1-й", "2nd degree connection"
const DEGREE = /^[·•]?\s*(?:\d(?:st|nd|rd|th)\+?|\d-й\+?)(?:\s+(?:degree connection|уровень))?$/i;
const EMPLOYMENT_ONLY = /^(?:full-time|part-time|self-employed|freelance|contract|internship|apprenticeship|seasonal|полный рабочий день|частичная занятость|самозанятость|фриланс|контракт|стажировка)$/i;
const EMPLOYMENT = /\s*[·•]\s*(?:full-time|part-time|self-employed|freelance|contract|internship|apprenticeship|seasonal|полный рабочий день|частичная занятость|самозанятость|фриланс|контракт|стажировка)$/i;
const RANGE = /^(?:\p{L}+\.?\s+)?\d{4}(?:\s*г\.)?\s*[–—-]|^(?:\p{L}+\.?\s+)?\d{4}(?:\s*г\.)?$/u;

// ---------- context ----------

function top(c: Ctx): Element | null {
  return c.memo('top', () => {
    for (const h of TOP_CARD) {
      const el = h(c.doc);
      if (el) return el;
    }
    return null;
  });
}

function nameEl(c: Ctx): Element | null {
  return c.memo('nameEl', () => {
    const t = top(c);
    if (!t) return null;
    for (const h of NAME_EL) {
      const el = h(t);
      if (el && plausible(text(el), 120)) return el;
    }
    return null;
  });
}

function topText(c: Ctx): string {
  return c.memo('topText', () => text(top(c)));
}

function sec(c: Ctx, k: keyof typeof SECTIONS): Element | null {
  return c.memo('sec:' + k, () => sectionFor(first(c.doc, 'main') ?? c.doc.body, SECTIONS[k]));
}

/** The JSON-LD Person of the person the URL names (public view). */
function person(c: Ctx): Record<string, unknown> | null {
  return c.memo('person', () => {
    const want = canonicalProfileUrl(c.url)?.profileUrl;
    for (const o of jsonLd(c.doc)) {
      if (o['@type'] !== 'Person') continue;
      const got = typeof o.url === 'string' ? canonicalProfileUrl(o.url)?.profileUrl : undefined;
      if (!want || !got || got === want) return o;
    }
    return null;
  });
}

/** The logged-in page's JSON state (<code> blocks): the profile entity whose publicIdentifier is the URL's handle. */
function state(c: Ctx): Record<string, unknown> | null {
  return c.memo('state', () => {
    const handle = /\/in\/([^/]+)\//.exec(canonicalProfileUrl(c.url)?.profileUrl ?? '')?.[1];
    if (!handle) return null;
    const codes = c.doc.getElementsByTagName('code');
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      const raw = code.textContent ?? '';
      if (!raw.includes('publicIdentifier')) continue;
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        continue;
      }
      for (const e of arr((data as { included?: unknown }).included)) {
        const o = e as Record<string, unknown>;
        if (o && typeof o.publicIdentifier === 'string' && encodeURIComponent(o.publicIdentifier.toLowerCase()) === handle) return o;
      }
    }
    return null;
  });
}

/** The element just after the name block: the headline. */
function afterName(c: Ctx): string | null {
  let el: Element | null = nameEl(c);
  const t = top(c);
  while (el && el !== t) {
    // skip the connection-degree badge ("· 2nd", "· 1-й"), pronouns and icons
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      const v = plausible(shownText(next), 400);
      if (!v || /^[·•]/.test(v) || DEGREE.test(v) || /^\([\p{L}/ ]{1,20}\)$/u.test(v)) continue;
      return hasLabel(v, LABEL.connections) ? null : v;
    }
    el = el.parentElement;
  }
  return null;
}

function headlineSplit(c: Ctx): [string, string] | null {
  const h = headline(c);
  if (!h) return null;
  const m = /^(.+?)\s+(?:at|@|в компании|в)\s+(.+)$/.exec(h.split(/\s[|·•]\s/)[0]);
  return m ? [clean(m[1]), clean(m[2])] : null;
}

function headline(c: Ctx): string | null {
  return c.memo('headline', () => str(state(c)?.headline) ?? afterName(c));
}

// ---------- list readers, one per layout ----------

function isRange(t: string) {
  return RANGE.test(t);
}

/** logged-in "pvs" lists (2021–, and /details/ pages): aria-hidden text pieces per item. */
function pvsJobs(s: Element | null): Job[] {
  const out: Job[] = [];
  for (const li of items(s)) {
    const sub = all(li, 'li').filter((x) => pieces(x).some(isRange));
    const p = pieces(li);
    if (sub.length) {
      // several roles at one company: company first, each role nested
      const company = plausible(p[0]?.replace(EMPLOYMENT, ''), 200);
      if (!company) continue;
      for (const x of sub) {
        const q = pieces(x);
        const r = q.find(isRange);
        const title = q[0] && !isRange(q[0]) ? q[0] : undefined;
        out.push(job(title, company, r));
      }
      continue;
    }
    if (p.length < 2) continue;
    const title = p[0];
    const company = p[1] && !isRange(p[1]) ? plausible(p[1].split(/\s[·•]\s/)[0].replace(EMPLOYMENT, ''), 200) : null;
    if (!company || EMPLOYMENT_ONLY.test(company)) continue;
    out.push(job(title, company, p.find(isRange)));
  }
  return out;
}

function job(title: string | undefined, company: string, range: string | undefined): Job {
  const j: Job = { company };
  if (title) j.title = title;
  Object.assign(j, parseRange(range));
  return j;
}

/** Dates of an item: <time> elements first, else a date-range text. */
function itemRange(li: Element): { start?: string; end?: string } {
  const times = all(li, 'time');
  if (times.length) {
    const out: { start?: string; end?: string } = {};
    const s = isoMonth(times[0].getAttribute('datetime') || text(times[0]));
    if (s) out.start = s;
    if (times[1]) {
      const e = isoMonth(times[1].getAttribute('datetime') || text(times[1]));
      if (e) out.end = e;
    }
    return out;
  }
  const r = first(li, '.date-range, .pv-entity__date-range');
  const t = r ? text(r, 200, (e) => e.matches('.visually-hidden, .sr-only')) : pieces(li).find(isRange);
  return parseRange(t);
}

/** headings per item: older "pv-entity" lists (h3 title, secondary title) and the public view (h3/h4). */
function headingJobs(s: Element | null): Job[] {
  const out: Job[] = [];
  for (const li of items(s)) {
    const h3 = first(li, 'h3');
    if (!h3) continue;
    const sub = first(li, 'h4:not(.pv-entity__date-range):not(.pv-entity__location), .pv-entity__secondary-title');
    // the older layout puts the employment type in a child span of the secondary title
    const company = plausible(sub ? text(sub, 300, (e) => e.matches('.visually-hidden, .separator, .sr-only')).replace(EMPLOYMENT, '') : null, 200);
    if (!company) continue;
    out.push({ title: text(h3), company, ...itemRange(li) });
  }
  return out;
}

function pvsSchools(s: Element | null): School[] {
  const out: School[] = [];
  for (const li of items(s)) {
    const p = pieces(li);
    const school = plausible(p[0], 200);
    if (!school || isRange(school)) continue;
    const o: School = { school };
    if (p[1] && !isRange(p[1])) o.degree = p[1];
    Object.assign(o, parseRange(p.find(isRange)));
    out.push(o);
  }
  return out;
}

function headingSchools(s: Element | null): School[] {
  const out: School[] = [];
  for (const li of items(s)) {
    const h3 = first(li, 'h3');
    const school = plausible(text(h3), 200);
    if (!school) continue;
    const o: School = { school };
    const deg = all(li, 'h4, .pv-entity__degree-name, .pv-entity__fos')
      .filter((e) => !e.querySelector('time') && !e.matches('.date-range, .pv-entity__dates'))
      .map((e) => {
        // the public view puts degree and field in sibling spans of one <h4>: "Master of Science, Economics"
        const hidden = (x: Element) => x.matches('.visually-hidden, .sr-only');
        const kids = Array.from(e.children).filter((x) => !hidden(x));
        const parts = kids.map((x) => text(x, 300, hidden)).filter(Boolean);
        return parts.length > 1 && kids.length === parts.length ? parts.join(', ') : text(e, 300, hidden);
      })
      .filter(Boolean);
    if (deg.length) o.degree = deg.join(', ');
    Object.assign(o, itemRange(li));
    out.push(o);
  }
  return out;
}

function firstPieces(s: Element | null): string[] {
  return uniq(items(s).map((li) => (first(li, 'h3') ? text(first(li, 'h3')) : pieces(li)[0] ?? text(li))), 100);
}

function currentJob(c: Ctx): Job | null {
  const jobs = c.memo('jobs', () => runHooks(EXPERIENCE, c));
  return jobs?.find((j) => !j.end) ?? null;
}

function runHooks<T>(hooks: Hook<T>[], c: Ctx): T | null {
  for (const h of hooks) {
    const v = h.read(c);
    if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length)) return v;
  }
  return null;
}

const EXPERIENCE: Hook<Job[]>[] = [
  // logged-in "pvs" lists (2021–) and /details/experience/
  // (an item with an <h3> title is the older or public layout: left to item-headings)
  { via: 'pvs-list', read: (c) => (first(sec(c, 'experience'), 'li h3') ? [] : pvsJobs(sec(c, 'experience'))) },
  // older pv-entity lists (2019–2021) and the public view's experience-item list
  { via: 'item-headings', read: (c) => headingJobs(sec(c, 'experience')) },
  // JSON-LD worksFor (public view): employers without titles, so after the list
  {
    via: 'json-ld',
    read: (c) =>
      arr(person(c)?.worksFor).flatMap((o) => {
        const company = str(o);
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
];

// ---------- the fields ----------

const SPEC: Spec = {
  name: {
    hooks: [
      { via: 'json-ld', read: (c) => str(person(c)?.name) },
      { via: 'json-state', read: (c) => plausible(`${str(state(c)?.firstName) ?? ''} ${str(state(c)?.lastName) ?? ''}`, 120) },
      { via: 'top-card-heading', read: (c) => plausible(text(nameEl(c)), 120) },
      // <title>: "(3) Anna Kowalski | LinkedIn", "Experience | Anna Kowalski | LinkedIn"
      { via: 'title', read: (c) => plausible(titleParts(c.doc, /^linkedin$/i).pop(), 120) },
    ],
    shown: () => true,
  },
  headline: {
    hooks: [
      { via: 'json-state', read: (c) => str(state(c)?.headline) },
      { via: 'after-name', read: afterName },
    ],
    shown: (c) => nameEl(c),
  },
  company: {
    hooks: [
      { via: 'json-ld', read: (c) => str(person(c)?.worksFor) },
      // logged-in top card: <button aria-label="Current company: Globex. Click to skip to experience card">
      {
        via: 'top-card-current-company',
        read: (c) => {
          const b = first(top(c), '[aria-label^="Current company" i], [aria-label^="Текущая компания" i], [aria-label^="Текущее место работы" i]');
          const m = /:\s*(.+?)(?:\.\s+(?:Click|Нажмите).*)?$/i.exec(clean(b?.getAttribute('aria-label')));
          return plausible(m?.[1], 200);
        },
      },
      { via: 'experience', read: (c) => currentJob(c)?.company },
      { via: 'headline', read: (c) => headlineSplit(c)?.[1] },
    ],
    shown: (c) => sec(c, 'experience'),
  },
  position: {
    hooks: [
      { via: 'json-ld', read: (c) => str(person(c)?.jobTitle) },
      { via: 'experience', read: (c) => currentJob(c)?.title },
      { via: 'headline', read: (c) => headlineSplit(c)?.[0] },
    ],
    shown: (c) => sec(c, 'experience'),
  },
  location: {
    hooks: [
      { via: 'json-ld', read: (c) => str((person(c)?.address as Record<string, unknown> | undefined)?.addressLocality) },
      // logged-in (2021–): "<span>Berlin, Germany</span> · <a href=…/overlay/contact-info/>Contact info</a>"
      {
        via: 'beside-contact-info',
        read: (c) => {
          const a = first(top(c), 'a[href*="/overlay/contact-info"]');
          const s = a?.parentElement && first(a.parentElement, 'span');
          return s && s !== a && !a.contains(s) ? plausible(text(s), 150) : null;
        },
      },
      // public view: first subline item; older top card: first bullet
      { via: 'top-card-subline', read: (c) => plausible(text(first(top(c), '.top-card__subline-item, .top-card-layout__first-subline > div, .pv-top-card--list-bullet > li')), 150) },
    ],
    shown: (c) => top(c),
  },
  about: {
    hooks: [
      { via: 'json-state', read: (c) => str(state(c)?.summary) },
      { via: 'json-ld', read: (c) => str(person(c)?.description) },
      { via: 'about-section', read: (c) => plausible(sectionBody(sec(c, 'about')), 10_000) },
    ],
    shown: (c) => sec(c, 'about'),
  },
  photoUrl: {
    hooks: [
      { via: 'json-ld', read: (c) => photo(str((person(c)?.image as Record<string, unknown> | undefined)?.contentUrl)) },
      // the top card's photo: an <img> whose alt is the person's name (not the viewer's nav avatar)
      {
        via: 'top-card-img',
        read: (c) => {
          const n = text(nameEl(c));
          const img = all(top(c), 'img').find((i) => n && clean(i.getAttribute('alt')).includes(n)) ?? first(top(c), 'img.pv-top-card-profile-picture__image, img.pv-top-card__photo, img.top-card__profile-image');
          return img ? photo(img.getAttribute('src')) ?? photo(img.getAttribute('data-delayed-url')) ?? photo(img.getAttribute('data-ghost-url') ? null : img.getAttribute('data-src')) : null;
        },
      },
    ],
    shown: (c) => {
      const n = text(nameEl(c));
      return all(top(c), 'img').some((i) => n && clean(i.getAttribute('alt')).includes(n) && !/ghost/i.test(i.className + (i.getAttribute('src') ?? '')));
    },
  },
  connections: {
    hooks: [{ via: 'top-card-label', read: (c) => countLabelled(topText(c), LABEL.connections) }],
    shown: (c) => hasLabel(topText(c), LABEL.connections),
  },
  followers: {
    hooks: [
      {
        via: 'json-ld',
        read: (c) =>
          arr(person(c)?.interactionStatistic)
            .map((s) => s as Record<string, unknown>)
            .filter((s) => /follow/i.test(String(s.interactionType ?? s.name)))
            .map((s) => parseCount(String(s.userInteractionCount)))[0],
      },
      { via: 'top-card-label', read: (c) => countLabelled(topText(c), LABEL.followers) },
    ],
    shown: (c) => hasLabel(topText(c), LABEL.followers),
  },
  mutual: {
    hooks: [
      {
        via: 'top-card-label',
        read: (c) => {
          // the smallest element that carries the label: "Olivia Brown, Mark Lee and 10 other mutual connections"
          const re = new RegExp(LABEL.mutual, 'iu');
          let t = '';
          for (const el of all(top(c), 'a, span, li, p')) {
            const x = text(el, 400);
            if (re.test(x) && (!t || x.length < t.length)) t = x;
          }
          const m = /([^·]*?)\s+(?:and|и)\s+(?:ещё\s+)?(\d+)\s+(?:other\s+)?(?:mutual|общ)/iu.exec(t);
          if (m) return +m[2] + m[1].split(/,\s*/).filter(Boolean).length;
          // names only: "Anna Kowalski is a mutual connection", "A and B are mutual connections", "А и Б — общие контакты"
          const n = /^(.+?)\s+(?:is a|are|[—–-]\s*)\s*(?:mutual connections?|общи[йе] контакты?)/iu.exec(t);
          if (n && !/\d/.test(n[1])) return n[1].split(/,\s*|\s+(?:and|и)\s+/).filter(Boolean).length;
          return countLabelled(t, LABEL.mutual);
        },
      },
    ],
    shown: (c) => hasLabel(topText(c), LABEL.mutual),
  },
  experience: { hooks: EXPERIENCE, shown: (c) => sec(c, 'experience') },
  education: {
    hooks: [
      { via: 'pvs-list', read: (c) => (first(sec(c, 'education'), 'h3') ? [] : pvsSchools(sec(c, 'education'))) },
      { via: 'item-headings', read: (c) => headingSchools(sec(c, 'education')) },
      { via: 'json-ld', read: (c) => arr(person(c)?.alumniOf).flatMap((o) => (str(o) ? [{ school: str(o)! }] : [])) },
    ],
    shown: (c) => sec(c, 'education'),
  },
  languages: {
    hooks: [{ via: 'languages-section', read: (c) => firstPieces(sec(c, 'languages')) }],
    shown: (c) => sec(c, 'languages'),
  },
  interests: {
    hooks: [{ via: 'interests-section', read: (c) => firstPieces(sec(c, 'interests')) }],
    shown: (c) => sec(c, 'interests'),
  },
  websites: {
    hooks: [
      // contact-info overlay when open; top-card custom link (redirect-wrapped)
      {
        via: 'links',
        read: (c) =>
          uniq(
            [...all(sec(c, 'contact'), 'a[href]'), ...all(top(c), 'a[href*="/redir/redirect"], a[href*="/safety/go"]')]
              .map((a) => safeUrl(a.getAttribute('href'), c.url))
              .filter((u): u is string => !!u && !/^https?:\/\/([\w-]+\.)*linkedin\.com\//.test(u)),
            2000,
          ),
      },
    ],
  },
};

function photo(u: string | null | undefined): string | null {
  const s = safeUrl(u);
  return s && !/ghost|\/static\.licdn\.com\/(?:sc|aero)/i.test(s) ? s : null;
}

// ---------- kind of page ----------

const NOT_FOUND = /^(?:page not found|this page doesn[’']t exist|profile not found|страница не найдена|эта страница не существует|профиль не найден)/i;
const WALL_PATH = /^\/(?:authwall|login|checkpoint|uas\/login|signup|uas\/authenticate)/;

function loginWall(c: Ctx): boolean {
  return !!(
    first(c.doc, 'form input[name="session_key"], form input[name="session_password"], #captcha-internal, iframe[src*="captcha" i]') ||
    byText(c.doc, 'h1, h2', /^(?:let[’']s do a quick security check|sign in|join linkedin|войти|вход|проверка безопасности|присоединиться к linkedin)/i)
  );
}

export function extractLinkedIn(doc: Document, url: string): Extraction {
  const c = makeCtx(doc, url);
  const canon = canonicalProfileUrl(url);
  if (!canon) {
    const path = pathOf(url);
    return result('linkedin', WALL_PATH.test(path) ? 'login-wall' : 'not-profile', null, c.lang);
  }
  const heading = first(doc, 'main h1, main h2');
  if (NOT_FOUND.test(titleParts(doc, /^linkedin$/i)[0] ?? '') || (heading && NOT_FOUND.test(text(heading)))) {
    return result('linkedin', 'not-profile', null, c.lang);
  }
  if (identityMatches(doc, url) === false) {
    return result('linkedin', 'profile', canon.profileUrl, c.lang, allUnreadable('identity-mismatch'));
  }
  const fields = runSpec(SPEC, c);
  const t = top(c);
  // nothing read; a login page that merely carries a <title>; or the "top card" is the
  // sign-in form itself (its "Sign in" heading is no name)
  const suspect =
    fields.name.status !== 'ok' ||
    (fields.name.via === 'title' && !t && !sec(c, 'experience')) ||
    (fields.name.via === 'top-card-heading' && !!first(t, 'input[type="password"], input[name="session_key"]'));
  if (suspect && loginWall(c)) return result('linkedin', 'login-wall', canon.profileUrl, c.lang);
  return result('linkedin', 'profile', canon.profileUrl, c.lang, fields);
}
