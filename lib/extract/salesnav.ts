// Sales Navigator's lead page (linkedin.com/sales/lead/<id>,…): the person a rep is
// prospecting, in LinkedIn's sales app. Learnt from a real lead page of 2024. The app marks
// what it shows about people with data-anonymize ("person-name", "headline", "job-title",
// "company-name", "headshot-photo", "person-blurb", "education-name") and its cards with
// data-sn-view-name ("feature-lead-top-card", "lead-current-role", "feature-about-lead",
// "feature-lead-education", "shared-in-common"): the reader reads those, inside those cards
// only (company hovercards and other leads — "People also viewed" — sit elsewhere on the page,
// some hidden), never by its hashed class names. The app's layout of 2017–2020 (a real 2019 lead
// page) named its parts with classes instead: profile-topcard, profile-topcard-person-entity__name,
// profile-topcard__location-data, …__connections-data, …__current-positions, profile-education__…
import type { Extraction, Job, School } from './types';
import { all, allUnreadable, countLabelled, drain, fieldSteps, first, makeCtx, pathOf, result, type Ctx, type Spec, type Steps } from './core';
import { DEGREE } from './linkedin-lists';
import { clean, parseRange, plausible, safeUrl, text } from './text';
import { salesNavLeadUrl } from './urls';

const CARD = {
  top: '[data-sn-view-name="feature-lead-top-card"]',
  roles: '[data-sn-view-name="lead-current-role"]',
  about: '[data-sn-view-name="feature-about-lead"]',
  education: '[data-sn-view-name="feature-lead-education"]',
  shared: '[data-sn-view-name="shared-in-common"]',
};

// "500+ connections", "7 mutual connections" in the UI languages LinkedIn's reader knows
const CONNECTIONS = 'connections?|contacts?|контакт\\p{L}*|conex\\p{L}*|relations?|kontakt\\p{L}*|połącze\\p{L}*|contatti|collegamenti';
const MUTUAL = 'mutual connections?|shared connections?|общи\\p{L}* контакт\\p{L}*|спільн\\p{L}* контакт\\p{L}*|conex\\p{L}* em comum|conex\\p{L}* en común|relations? en commun|gemeinsame kontakte|wspóln\\p{L}* kontakt\\p{L}*|collegamenti in comune';

/**
 * The labels the layout report may keep (layout-labels.ts): the counts' words, the app's name, and
 * the words of its cards' names (data-sn-view-name), so a report keeps the cards it reads by.
 */
export const UI_LABELS: readonly unknown[] = [CONNECTIONS, MUTUAL, /^sales navigator$/i, /^(?:feature|lead|top|card|current|role|about|education|shared|in|common)$/i];

/** An element the page shows: not inside a hidden tooltip, dialog or hovercard. */
function shown(el: Element): boolean {
  return !el.closest('[aria-hidden="true"], [role="tooltip"], [role="dialog"], template');
}

/** The 2017–2020 layout's parts, by their classes. */
const OLD = {
  top: '.profile-topcard',
  name: '.profile-topcard-person-entity__name',
  location: '.profile-topcard__location-data',
  total: '.profile-topcard__connections-data.type-total',
  shared: '.profile-topcard__connections-data.type-shared',
  position: '.profile-topcard__current-positions .profile-topcard__summary-position-title',
  summary: '.profile-topcard__summary-content',
  school: '.profile-education__school-name',
};

function top(c: Ctx): Element | null {
  return c.memo(top, () => all(c.doc, CARD.top).find(shown) ?? all(c.doc, OLD.top).find(shown) ?? null);
}

function nameEl(c: Ctx): Element | null {
  return c.memo(nameEl, () => all(top(c), `[data-x--lead--name], h1[data-anonymize="person-name"], ${OLD.name}`).find(shown) ?? null);
}

/** The shown text of the first element `sel` finds in the top card. */
function topText(c: Ctx, sel: string, max = 300): string | null {
  return plausible(text(all(top(c), sel).find(shown), max * 2), max);
}

/** The top card's name (the title's, "Ann Lee | Sales Navigator", is the next hook). */
function name(c: Ctx): string | null {
  return plausible(text(nameEl(c), 300), 120);
}

function titleName(c: Ctx): string | null {
  const m = /^(.+?)\s+[|–—-]\s+Sales Navigator$/i.exec(clean(c.doc.title));
  return m ? plausible(m[1], 120) : null;
}

/** The lines under the headline: "Brno, Czechia", "500+ connections" (no hook of their own: the headline's next block). */
function lines(c: Ctx): string[] {
  return c.memo(lines, () => {
    const head = first(top(c), '[data-anonymize="headline"]');
    let block = head?.parentElement?.nextElementSibling ?? null;
    while (block && !block.children.length) block = block.nextElementSibling;
    return block ? Array.from(block.children).filter(shown).map((e) => text(e, 300)).filter(Boolean) : [];
  });
}

/**
 * The current roles: each "<title> at <company>" line — its job title, and the company in the same
 * line (a link, or plain text when the company has no page); "Also worked at <a>…</a>" in the same
 * card names past employers, no role. One role is a line of its own, several a list.
 */
function roles(c: Ctx): Job[] {
  return c.memo(roles, () => {
    const current = all(first(c.doc, CARD.roles), '[data-anonymize="job-title"]').filter(shown).map((t) => [t, first(t.parentElement, '[data-anonymize="company-name"]')] as const);
    // 2017–2020: "<span …position-title>Title</span> at <a>Company</a>" in the top card
    const old = all(top(c), OLD.position).filter(shown).map((t) => [t, t.nextElementSibling] as const);
    return [...current, ...old].flatMap(([t, co]): Job[] => {
      const company = plausible(text(co, 300), 200);
      if (!company) return [];
      const job: Job = { company };
      const title = plausible(text(t, 300), 200);
      if (title) job.title = title;
      // "May 2024–Present 7 mos" in the line after it: the range before the duration
      const item = t.closest('li') ?? t.parentElement?.parentElement;
      const dates = all(item, 'p span').map((e) => text(e, 100)).find((x) => /\d{4}/.test(x));
      return [{ ...job, ...parseRange(dates?.replace(/\s+\d+\s+\p{L}+\.?$/u, '')) }];
    });
  });
}

function schools(c: Ctx): School[] {
  return [...all(first(c.doc, CARD.education), '[data-anonymize="education-name"]'), ...all(c.doc, OLD.school)]
    .filter(shown)
    .flatMap((h): School[] => {
      const school = plausible(text(h, 300), 200);
      return school ? [{ school }] : [];
    });
}

/** "You both know <a>A</a>, <a>B</a>, and 5 others": the list after the shared-in-common card. */
function sharedNames(c: Ctx): string[] {
  const list = first(c.doc, CARD.shared)?.nextElementSibling ?? null;
  const line = first(list, 'li');
  return all(line, 'a[data-anonymize="person-name"]').filter(shown).map((a) => plausible(text(a, 200), 120)).filter((x): x is string => !!x);
}

const SPEC: Spec = {
  name: {
    hooks: [
      { via: 'lead-name', read: name },
      { via: 'title', read: titleName },
    ],
    shown: () => true,
  },
  headline: {
    hooks: [
      { via: 'lead-headline', read: (c) => topText(c, '[data-anonymize="headline"]', 400) },
      // 2017–2020: the line under the name (the <dd> after its <dt>), before the summary
      {
        via: 'topcard-headline',
        read: (c) => {
          const dd = nameEl(c)?.closest('dt')?.nextElementSibling;
          return dd?.tagName === 'DD' && !first(dd, OLD.summary) ? plausible(text(dd, 600), 400) : null;
        },
      },
    ],
  },
  location: {
    hooks: [
      {
        via: 'lead-lines',
        // the line that is no count: the place (the app writes it as words, no digits)
        read: (c) => plausible(lines(c).find((t) => !/\d/.test(t)), 200),
      },
      { via: 'topcard-location', read: (c) => topText(c, OLD.location, 200) },
    ],
  },
  connections: {
    hooks: [
      { via: 'lead-lines', read: (c) => countLabelled(lines(c).join(' · '), CONNECTIONS) },
      { via: 'topcard-connections', read: (c) => countLabelled(topText(c, OLD.total) ?? '', CONNECTIONS) },
    ],
  },
  mutual: {
    hooks: [
      {
        via: 'lead-spotlight',
        read: (c) => {
          // (2017–2020: "1 shared connection" beside the count)
          for (const b of all(top(c), `button, ${OLD.shared}`).filter(shown)) {
            const n = countLabelled(text(b, 200), MUTUAL);
            if (n !== null) return n;
          }
          return null;
        },
      },
    ],
  },
  mutualNames: { hooks: [{ via: 'shared-in-common', read: sharedNames }] },
  degree: {
    hooks: [
      {
        via: 'lead-badge',
        read: (c) => {
          // the badge follows the name: "2nd", "3rd+", "1st" (2017–2020: in a list of badges after it)
          for (let el = nameEl(c)?.nextElementSibling; el; el = el.nextElementSibling) {
            for (const b of [el, ...all(el, 'li, span').slice(0, 20)]) {
              const m = shown(b) ? DEGREE.exec(clean(b.textContent)) : null;
              if (m) return Number(m[1]) as 1 | 2 | 3;
            }
          }
          return null;
        },
      },
    ],
  },
  photoUrl: {
    hooks: [
      {
        via: 'lead-headshot',
        read: (c) => {
          const src = first(top(c), 'img[data-anonymize="headshot-photo"]')?.getAttribute('src');
          // (a person with no photo has the app's silhouette, a data: image or a static asset)
          return src && /^https:\/\/media\.licdn\.com\//.test(src) ? safeUrl(src) : null;
        },
      },
    ],
  },
  company: { hooks: [{ via: 'current-roles', read: (c) => roles(c)[0]?.company }] },
  position: { hooks: [{ via: 'current-roles', read: (c) => roles(c)[0]?.title }] },
  experience: { hooks: [{ via: 'current-roles', read: roles }], shown: (c) => first(c.doc, CARD.roles) ?? first(top(c), OLD.position) },
  about: {
    hooks: [
      {
        via: 'lead-about',
        // the whole text is in the clamped block's title; the block shows its first lines
        read: (c) => {
          const blurb = first(first(c.doc, CARD.about), '[data-anonymize="person-blurb"]');
          return plausible(clean(blurb?.getAttribute('title')) || text(blurb, 5000), 5000);
        },
      },
      // 2017–2020: the summary in the top card, as far as it shows it (its "…see more" is no text of it)
      { via: 'topcard-summary', read: (c) => plausible(text(all(top(c), OLD.summary).find(shown), 5000, (e) => e.tagName === 'BUTTON'), 5000) },
    ],
    shown: (c) => first(c.doc, CARD.about) ?? first(top(c), OLD.summary),
  },
  education: { hooks: [{ via: 'lead-education', read: schools }], shown: (c) => first(c.doc, CARD.education) ?? first(c.doc, OLD.school) },
};

export function extractSalesNav(doc: Document, url: string): Extraction {
  return drain(readSalesNav(doc, url));
}

/** A lead page read in steps (core.ts `Steps`). */
export function* readSalesNav(doc: Document, url: string): Steps<Extraction> {
  const c = makeCtx(doc, url);
  const canon = salesNavLeadUrl(url);
  if (!canon) return result('linkedin', /^\/(?:checkpoint|login|uas\/login)/.test(pathOf(url)) ? 'login-wall' : 'not-profile', null, c.lang);
  yield;
  // a lead's address without a top card we know: the app still loading it, or a layout we have not seen —
  // the lead's page all the same, not yet readable (follow.ts reads it again a few times)
  if (!top(c)) return result('linkedin', 'profile', canon, c.lang, allUnreadable('identity-mismatch'));
  // the app keeps the lead before on screen a moment after its address changed; the page names no lead
  // id, but its title follows the route: a top card that is not the title's person is the one before
  const shownName = name(c);
  const titled = titleName(c);
  if (shownName && titled && shownName.toLowerCase() !== titled.toLowerCase()) return result('linkedin', 'profile', canon, c.lang, allUnreadable('identity-mismatch'));
  const fields = yield* fieldSteps(SPEC, c);
  return result('linkedin', 'profile', canon, c.lang, fields);
}
