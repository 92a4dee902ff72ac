// Sales Navigator's lead page (linkedin.com/sales/lead/<id>,…): the person a rep is
// prospecting, in LinkedIn's sales app. Learnt from a real lead page of 2024. The app marks
// what it shows about people with data-anonymize ("person-name", "headline", "job-title",
// "company-name", "headshot-photo", "person-blurb", "education-name") and its cards with
// data-sn-view-name ("feature-lead-top-card", "lead-current-role", "feature-about-lead",
// "feature-lead-education", "shared-in-common"): the reader reads those, inside those cards
// only (company hovercards and other leads — "People also viewed" — sit elsewhere on the page,
// some hidden), never by its hashed class names.
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
const MUTUAL = 'mutual connections?|общи\\p{L}* контакт\\p{L}*|спільн\\p{L}* контакт\\p{L}*|conex\\p{L}* em comum|conex\\p{L}* en común|relations? en commun|gemeinsame kontakte|wspóln\\p{L}* kontakt\\p{L}*|collegamenti in comune';

/**
 * The labels the layout report may keep (layout-labels.ts): the counts' words, the app's name, and
 * the words of its cards' names (data-sn-view-name), so a report keeps the cards it reads by.
 */
export const UI_LABELS: readonly unknown[] = [CONNECTIONS, MUTUAL, /^sales navigator$/i, /^(?:feature|lead|top|card|current|role|about|education|shared|in|common)$/i];

/** An element the page shows: not inside a hidden tooltip, dialog or hovercard. */
function shown(el: Element): boolean {
  return !el.closest('[aria-hidden="true"], [role="tooltip"], [role="dialog"], template');
}

function top(c: Ctx): Element | null {
  return c.memo(top, () => all(c.doc, CARD.top).find(shown) ?? null);
}

function nameEl(c: Ctx): Element | null {
  return c.memo(nameEl, () => all(top(c), '[data-x--lead--name], h1[data-anonymize="person-name"]').find(shown) ?? null);
}

/** The top card's name, else the title's ("Ann Lee | Sales Navigator"). */
function name(c: Ctx): string | null {
  return plausible(text(nameEl(c), 300), 120);
}

function titleName(c: Ctx): string | null {
  const m = /^(.+?)\s+[|–—-]\s+Sales Navigator$/i.exec(clean(c.doc.title));
  return m ? plausible(m[1], 120) : null;
}

/** The lines under the headline: "Bratislava, Slovakia", "500+ connections" (no hook of their own: the headline's next block). */
function lines(c: Ctx): string[] {
  return c.memo(lines, () => {
    const head = first(top(c), '[data-anonymize="headline"]');
    let block = head?.parentElement?.nextElementSibling ?? null;
    while (block && !block.children.length) block = block.nextElementSibling;
    return block ? Array.from(block.children).filter(shown).map((e) => text(e, 300)).filter(Boolean) : [];
  });
}

function roles(c: Ctx): Job[] {
  return c.memo(roles, () =>
    all(first(c.doc, CARD.roles), 'li')
      .filter(shown)
      .flatMap((li): Job[] => {
        const company = plausible(text(first(li, '[data-anonymize="company-name"]'), 300), 200);
        if (!company) return [];
        const job: Job = { company };
        const title = plausible(text(first(li, '[data-anonymize="job-title"]'), 300), 200);
        if (title) job.title = title;
        // "May 2024–Present 7 mos": the range before the duration
        const dates = all(li, 'p span').map((e) => text(e, 100)).find((t) => /\d{4}/.test(t));
        return [{ ...job, ...parseRange(dates?.replace(/\s+\d+\s+\p{L}+\.?$/u, '')) }];
      }),
  );
}

function schools(c: Ctx): School[] {
  return all(first(c.doc, CARD.education), '[data-anonymize="education-name"]')
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
  headline: { hooks: [{ via: 'lead-headline', read: (c) => plausible(text(first(top(c), '[data-anonymize="headline"]'), 600), 400) }] },
  location: {
    hooks: [
      {
        via: 'lead-lines',
        // the line that is no count: the place (the app writes it as words, no digits)
        read: (c) => plausible(lines(c).find((t) => !/\d/.test(t)), 200),
      },
    ],
  },
  connections: { hooks: [{ via: 'lead-lines', read: (c) => countLabelled(lines(c).join(' · '), CONNECTIONS) }] },
  mutual: {
    hooks: [
      {
        via: 'lead-spotlight',
        read: (c) => {
          for (const b of all(top(c), 'button').filter(shown)) {
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
          // the badge follows the name: "2nd", "3rd+", "1st"
          for (let el = nameEl(c)?.nextElementSibling; el; el = el.nextElementSibling) {
            const m = DEGREE.exec(clean(el.textContent));
            if (m) return Number(m[1]) as 1 | 2 | 3;
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
  experience: { hooks: [{ via: 'current-roles', read: roles }], shown: (c) => first(c.doc, CARD.roles) },
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
    ],
    shown: (c) => first(c.doc, CARD.about),
  },
  education: { hooks: [{ via: 'lead-education', read: schools }], shown: (c) => first(c.doc, CARD.education) },
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
  if (!top(c)) return result('linkedin', 'not-profile', null, c.lang);
  // the app keeps the lead before on screen a moment after its address changed; the page names no lead
  // id, but its title follows the route: a top card that is not the title's person is the one before
  const shownName = name(c);
  const titled = titleName(c);
  if (shownName && titled && shownName !== titled) return result('linkedin', 'profile', canon, c.lang, allUnreadable('identity-mismatch'));
  const fields = yield* fieldSteps(SPEC, c);
  return result('linkedin', 'profile', canon, c.lang, fields);
}
