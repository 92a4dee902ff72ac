// LinkedIn's experience and education lists, one reader per layout: the "pvs" lists
// (2024–25), the heading lists (2021 and the public view), the componentkey cards
// (2026). Each takes the section's element and returns jobs or schools; which
// section, and which reader runs first, is linkedin.ts's business.
import type { Job, School } from './types';
import { all, first, items, pieces, uniq } from './core';
import { isoMonth, labelRe, parseRange, plausible, text } from './text';

// the connection-degree badge after the name: "· 2nd", "3rd+", "2º", "Conexão de 2º grau", "1-й", "2nd degree connection"
// ("3. i dalsze", "3-й и далее": Polish and Russian for 3rd+); the digit is the degree
export const DEGREE =
  /^[·•]?\s*(?:(?:conexão|conexión|contacto|contact|kontakt|connection|relation|контакт)\s+(?:de\s+)?)?([1-3])(?:st|nd|rd|th|\.?º|°|ª|e|er|ème|\.|-й|-го)?\+?(?:\s+(?:i dalsze|и далее|і далі))?(?:\s+(?:degree|grau|grado|niveau|grades?|stopnia|уровня?|рівня?)(?:\s+connection)?)?(?:\s+et plus)?$/i;
const EMPLOYMENT_WORDS =
  'full-time|part-time|self-employed|freelance|contract|internship|apprenticeship|seasonal|полный рабочий день|частичная занятость|самозанятость|фриланс|контракт|стажировка|tempo integral|meio período|autônomo|estágio|jornada completa|media jornada|autónomo|prácticas|temps plein|temps partiel|indépendant|stage|vollzeit|teilzeit|selbstständig|praktikum|pełny etat|część etatu|samozatrudnienie|staż|praktyka|повна зайнятість|часткова зайнятість|стажування|purnawaktu|paruh waktu|pekerja lepas|kontrak|stajyer|正式|实习|정규직';
export const EMPLOYMENT_ONLY = new RegExp(`^(?:${EMPLOYMENT_WORDS})$`, 'i');
const EMPLOYMENT = new RegExp(`\\s*[·•]\\s*(?:${EMPLOYMENT_WORDS})$`, 'i');
// "Mar 2021 – Present", "2019 – 2021", "ago de 2025 - o momento", "янв. 2020 г. – настоящее время", "2018"
// a month word before the year: the UI languages that write one (Latin, Greek, Cyrillic: labelRe's letters); the month after it: "2023年1月 - 至今", "2023년 3월 - 현재"
const YEAR = String.raw`(?:\p{L}+\.?\s+(?:de\s+)?)?\d{4}(?:\s*(?:г\.|r\.|[年년]\s*\d{1,2}\s*[月월]))?`;
const RANGE = labelRe(String.raw`^${YEAR}\s*[–—-]|^${YEAR}(?:\s*[·•].*)?$`, 'u');

function isRange(t: string | undefined) {
  return !!t && RANGE.test(t);
}

function job(title: string | undefined, company: string, range: string | undefined): Job {
  const j: Job = { company };
  if (title) j.title = title;
  Object.assign(j, parseRange(range));
  return j;
}

function companyOf(s: string | undefined): string | null {
  const v = plausible(s?.split(/\s[·•]\s/)[0].replace(EMPLOYMENT, ''), 200);
  // (an employment type alone is no company — but one working for themselves writes that where the company goes:
  // "Freelance", "Self-employed", its logo a search for the word)
  return v && (!EMPLOYMENT_ONLY.test(v) || ON_OWN.test(v)) && !isRange(v) ? v : null;
}
const ON_OWN = /^(?:self-employed|freelance|фриланс|самозанятость|autônomo|autónomo|indépendant|selbstständig|samozatrudnienie)$/i;

/**
 * Jobs from entries' text lines (`linesOf`: the entry's own lines, or a nested role's):
 * company then roles when roles are nested, else title then company; dates anywhere.
 */
function jobsOf(entries: Element[], linesOf: (e: Element, nested?: boolean) => string[]): Job[] {
  const out: Job[] = [];
  for (const e of entries) {
    const roles = all(e, 'li').filter((li) => linesOf(li, true).some(isRange));
    const p = linesOf(e);
    if (roles.length) {
      // several roles at one company: company first, each role nested
      const company = companyOf(p[0]);
      if (!company) continue;
      for (const r of roles) {
        const q = linesOf(r, true);
        out.push(job(q[0] && !isRange(q[0]) ? q[0] : undefined, company, q.find(isRange)));
      }
      continue;
    }
    if (p.length < 2 || isRange(p[0])) continue;
    const company = companyOf(p[1]);
    if (!company) continue;
    out.push(job(p[0], company, p.find(isRange)));
  }
  return out;
}

/** logged-in "pvs" lists (2021–2025, and /details/ pages): aria-hidden text pieces per item. */
export function pvsJobs(s: Element | null): Job[] {
  return jobsOf(items(s), pieces);
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
  const r = first(li, '.date-range, .pv-entity__date-range, .experience-date-locale, .education-date');
  const t = r ? text(r, 200, notShown) : pieces(li).find(isRange);
  return parseRange(t);
}

/**
 * An element whose text the page does not show: a screen reader's label beside its shown twin, a hidden box,
 * or the 2016 public view's translation of a degree beside the original (shown until asked for).
 */
export const notShown = (e: Element) => e.matches('[hidden], [style*="display: none"], [style*="display:none"], .visually-hidden, .sr-only, .a11y-text, .translated.translation');

/** headings per item: older "pv-entity" lists (2019–2021), the public view (h3/h4) and hCard pages (h4/h5). */
export function headingJobs(s: Element | null): Job[] {
  const out: Job[] = [];
  for (const li of entriesOf(s, 'li, .section-item, .position')) {
    // several roles at one company (2019–2021 company summary h3, 2023 public view's
    // group header h4): the first heading outside the nested role items, never a role's title.
    // A role has dates; a job's media (a carousel of titled slides, 2018–2020) has none.
    const roles = all(li, 'li').filter((x) => first(x, 'h3, h4') && itemRange(x).start);
    if (roles.length) {
      const company = companyOf(text(all(li, 'h3, h4').find((h) => !roles.some((r) => r.contains(h))), 300, notShown));
      if (!company) continue;
      for (const r of roles) out.push({ title: text(first(r, 'h3, h4'), 300, notShown) || undefined, company, ...itemRange(r) } as Job);
      for (const j of out) if (!j.title) delete j.title;
      continue;
    }
    const h = first(li, 'h3, h4.item-title, h4');
    if (!h) continue;
    const subSel = h.tagName === 'H3' ? 'h4:not(.pv-entity__date-range):not(.pv-entity__location), .pv-entity__secondary-title' : '.item-subtitle, h5';
    // the first subtitle after the title that has text (2015–16 public/logged-in views put an empty logo <h5> first)
    const sub = all(li, subSel).find((e) => e !== h && !e.contains(h) && !!(h.compareDocumentPosition(e) & 4) && !!text(e, 300, notShown));
    // the older layout puts the employment type in a child span of the secondary title
    const company = companyOf(sub ? text(sub, 300, (e) => notShown(e) || e.matches('.separator')) : undefined);
    if (!company) continue;
    out.push({ title: text(h, 300, notShown), company, ...itemRange(li) });
  }
  return out;
}

/** The top-level entries of a section that match `sel` (not nested in another entry). */
function entriesOf(s: Element | null, sel: string): Element[] {
  if (!s) return [];
  const els = all(s, sel);
  return els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
}

/** A <p> that holds one line of text (no markup inside): 2026 web client's entry lines. */
function lines(root: Element, inNested = false): string[] {
  return all(root, 'p')
    .filter((p) => !p.firstElementChild && (inNested || !p.parentElement?.closest('li') || !root.contains(p.parentElement.closest('li'))))
    .map((p) => text(p, 400))
    .filter(Boolean);
}

/**
 * 2026 web client (and /details/ pages): no lists for single entries; each entry is a
 * block with its logo (<figure>) and <p> lines; several roles at one company are a
 * nested <ul>. Entries are the children of the smallest element holding every logo.
 */
function cardEntries(s: Element | null): Element[] {
  if (!s) return [];
  const keyed = all(s, '[componentkey^="entity-collection-item"]');
  if (keyed.length) return entriesOf(s, '[componentkey^="entity-collection-item"]');
  const figs = all(s, 'figure').filter((f) => !f.closest('li') || !s.contains(f.closest('li')));
  if (!figs.length) return [];
  if (figs.length === 1) return [s];
  let box: Element | null = figs[0].parentElement;
  while (box && !figs.every((f) => box!.contains(f))) box = box.parentElement;
  if (!box) return [];
  return Array.from(box.children).filter((ch) => figs.some((f) => ch.contains(f)) || first(ch, 'ul li'));
}

export function cardJobs(s: Element | null): Job[] {
  return jobsOf(cardEntries(s), lines);
}

/** A school from an entry's lines: school, then degree, and a date range anywhere. */
function schoolOf(p: string[]): School | null {
  const school = plausible(p[0], 200);
  if (!school || isRange(school)) return null;
  const o: School = { school };
  if (p[1] && !isRange(p[1])) o.degree = p[1];
  return Object.assign(o, parseRange(p.find(isRange)));
}

export function cardSchools(s: Element | null): School[] {
  return cardEntries(s).map((e) => schoolOf(lines(e))).filter((x): x is School => x !== null);
}

/** 2026 web client's plain lists (languages, interests): the first line of each entry block. */
export function cardFirstLines(s: Element | null): string[] {
  if (!s || first(s, 'li')) return [];
  const seen = new Set<Element>();
  const out: string[] = [];
  for (const p of all(s, 'p')) {
    if (p.firstElementChild || !p.parentElement || seen.has(p.parentElement)) continue;
    if (p.closest('h2, h3, a[aria-label], button')) continue;
    seen.add(p.parentElement);
    out.push(text(p));
  }
  return uniq(out, 100);
}

export function pvsSchools(s: Element | null): School[] {
  return items(s).map((li) => schoolOf(pieces(li))).filter((x): x is School => x !== null);
}

export function headingSchools(s: Element | null): School[] {
  const out: School[] = [];
  for (const li of entriesOf(s, 'li, .section-item, .school, .position.education')) {
    const h = first(li, 'h3, h4.item-title, h4');
    const school = plausible(text(h, 300, notShown), 200);
    if (!school) continue;
    const o: School = { school };
    const degEls = all(li, h?.tagName === 'H3' ? 'h4, .pv-entity__degree-name, .pv-entity__fos' : '.item-subtitle, h5, .degree, .major');
    const deg = degEls
      .filter((e) => e !== h && !e.contains(h) && !degEls.some((o) => o !== e && o.contains(e)) && !e.querySelector('time') && !e.matches('.date-range, .pv-entity__dates, .education-date'))
      .map((e) => {
        // the public view puts degree and field in sibling spans of one <h4>: "Master of Science, Economics"
        const kids = Array.from(e.children).filter((x) => !notShown(x));
        // (2015's own separators sit inside the spans: "Bachelor of Engineering (B.E.)," — not doubled)
        const parts = kids.map((x) => text(x, 300, notShown).replace(/\s*[,;]$/, '')).filter(Boolean);
        // (2015's field of study with no degree keeps the comma the degree would have had: ", Chinese")
        return (parts.length > 1 && kids.length === parts.length ? parts.join(', ') : text(e, 300, notShown)).replace(/^[,;]\s*/, '');
      })
      .filter(Boolean);
    // (a dash, as the public view shows for no degree, is none)
    const degree = uniq(deg, 300).join(', ');
    if (degree) o.degree = degree;
    Object.assign(o, itemRange(li));
    out.push(o);
  }
  return out;
}

export function firstPieces(s: Element | null): string[] {
  return uniq(
    // (not the entries of a tab the card hides: 2022's Interests shows one tab's, the others [hidden])
    entriesOf(s, 'li, .section-item').filter((li) => !li.closest('[hidden]')).map((li) => {
      const h = first(li, 'h3, h4');
      return h ? text(h, 300, notShown) : pieces(li)[0] ?? text(li);
    }),
    100,
  );
}
