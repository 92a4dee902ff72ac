// Facebook profile extractor.
// Checked on tests/fixtures/pages/facebook/:
//   fb-new-en, fb-new-ru (desktop "Comet" layout, 2020–)
//   fb-old-en, fb-old-ru (classic timeline, –2020; drop when no user reports it)
//   fb-mobile-en (mbasic.facebook.com About page), fb-mobile-ru (m.facebook.com profile)
//   fb-few-en, fb-few-ru (logged-out view with only a few public fields)
//   fb-group-en (not-profile), fb-login-en (login-wall), fb-rtl-en (right-to-left name, emoji);
//   fb-large (generated, ~3 MB)
import type { Extraction, Job, School } from './types';
import {
  all, allUnreadable, byTextIn, countLabelled, first, hasLabel, index, makeCtx, meta, pathOf, pick, pickOne, region, result, runSpec, titleParts, uniq,
  type Ctx, type Spec,
} from './core';
import { identityMatches } from './identity';
import { clean, parseBirthday, parseRange, plausible, safeUrl, text } from './text';
import { canonicalProfileUrl } from './urls';

// ---------- hooks as data ----------

// Intro / "Places lived" lines, in the order they must be tried (study before work:
// "Studied at X" would otherwise read as the job title "Studied").
const LINE = {
  study: /^(?:studie[sd] at|studied|went to|goes to|учил(?:ся|ась|ся\(-ась\))|учится|училась)\s*(?:at|в)?\s+(.+)$/i,
  lives: /^(?:lives in|живет в|живёт в)(?:\s+городе|\s+г\.)?\s+(.+)$/i,
  from: /^(?:from|из|откуда:?)(?:\s+города|\s+г\.)?\s+(.+)$/i,
  worksAt: /^(?:works at|worked at|работает в компании|работает в|работал[аи]? в(?: компании)?)\s+(.+)$/i,
  job: /^(.+?)\s+(?:at|в компании)\s+(.+)$/i,
};

const LABEL = {
  friends: 'friends?|друз(?:ей|ья)(?![\\p{L}])|друга?(?![\\p{L}])',
  followers: 'followers?|подписчик\\p{L}*',
  mutual: 'mutual(?: friends?)?|общ(?:их|ий)(?: друз\\p{L}*)?(?![\\p{L}])',
  // mbasic/m. "About" tables
  city: /^(?:current city|текущий город|город проживания|город)$/i,
  hometown: /^(?:hometown|родной город)$/i,
  birthday: /^(?:birthday|birth date|день рождения|дата рождения)$/i,
  languages: /^(?:languages|языки)$/i,
  websites: /^(?:websites?|веб-сайты?|сайты?)$/i,
  intro: /^(?:intro|информация|краткая информация)$/i,
};

// Where the profile's own content lives (excludes the nav bar, chat sidebar, stories).
const MAIN: ((d: Document) => Element | null)[] = [
  (d) => first(d, '[role="main"]'), // Comet (2020–) and mbasic's #root role=main
  (d) => first(d, '#timeline_top_section, #content_container, #contentArea'), // classic timeline
  (d) => first(d, '#root, #viewport'), // m. / mbasic without role
];

// The Intro card by its anchors: classic (–2020), Comet pagelets (2020–), m.facebook.com's sigil
const INTRO = ['#intro_container_id', '[data-pagelet="ProfileTilesFeed_0"]', '[data-pagelet="ProfileIntro"]', '#profile_intro_card', '[data-sigil="profile-intro-card"]'];

// mbasic / m. section ids (the "About" page's blocks)
const MB = { work: '#work', education: '#education', living: '#living', basic: '#basic-info', contact: '#contact-info', bio: '#bio' };

// ---------- context ----------

function main(c: Ctx): Element {
  return region(c, 'main', MAIN);
}

// Where other people's text lives inside main: posts, comments, feeds, chat and dialogs
const PRUNE = '[role="article"], [role="feed"], [role="complementary"], [role="dialog"], [data-pagelet="ProfileTimeline"]';

/** main's own elements (posts, comments and sidebars pruned), indexed once per read. */
function els(c: Ctx): Element[] {
  return c.memo('els', () => index(main(c), PRUNE));
}

/** og: tags, but only when og:url (if any) names this person. */
function og(c: Ctx, key: string): string | null {
  const u = meta(c.doc, 'og:url');
  if (u && canonicalProfileUrl(u)?.profileUrl !== canonicalProfileUrl(c.url)?.profileUrl && identityMatches(c.doc, c.url) !== true) return null;
  return meta(c.doc, key);
}

function nameEl(c: Ctx): Element | null {
  return c.memo('nameEl', () =>
    pickOne(els(c), '#fb-timeline-cover-name') ?? // classic: the h1 also holds the alternate name
    pickOne(els(c), 'h1') ??
    // m./mbasic cover: <div id="m-timeline-cover-section"> … <strong>Name</strong>, or <h3> in #cover-name-root
    pickOne(els(c), '#cover-name-root h3, #m-timeline-cover-section strong, #m-timeline-cover-section h3'),
  );
}

function name(c: Ctx): string | null {
  return c.memo('name', () => {
    for (const h of SPEC.name!.hooks) {
      const v = h.read(c);
      if (v) return v;
    }
    return null;
  });
}

/** The Intro card (Comet, classic): the container around its heading that holds its list. */
function intro(c: Ctx): Element | null {
  return c.memo('intro', () => {
    for (const sel of INTRO) {
      const el = pickOne(els(c), sel);
      if (el) return el;
    }
    const h = byTextIn(pick(els(c), 'h2, h3, span[dir="auto"]'), LABEL.intro);
    let el: Element | null = h;
    // the heading's container: the first ancestor holding a list, or more than the heading
    for (let i = 0; el && i < 6; i++, el = el.parentElement) if (first(el, 'ul, li') || (el !== h && el.children.length > 1 && text(el, 400).length > text(h).length + 10)) return el;
    return null;
  });
}

/** Intro lines ("Lives in …"), each with its link text when the line has one. */
function lines(c: Ctx): string[] {
  return c.memo('lines', () => rowEls(c).map((li) => text(li, 500)).filter(Boolean));
}

function rowEls(c: Ctx): Element[] {
  return c.memo('rowEls', () => {
    const i = intro(c);
    const lis = all(i, 'li');
    // m.facebook.com: rows are <div>s; take the innermost blocks that hold text
    return lis.length ? lis : all(i, 'div, span').filter((e) => !e.closest('header, h3') && !first(e, 'div, span, li'));
  });
}

/** Every "Studied X at School" / "Went to School" line: the school is the line's link when it has one. */
function introSchools(c: Ctx): School[] {
  const out: School[] = [];
  for (const li of rowEls(c)) {
    const t = text(li, 500);
    const m = LINE.study.exec(t);
    if (!m) continue;
    const links = all(li, 'a').map((a) => text(a)).filter(Boolean);
    const school = plausible(links[links.length - 1] ?? m[1], 200);
    if (!school) continue;
    const o: School = { school };
    // "Studied Mechanical Engineering at University of Leeds": the words before " at <school>"
    const d = new RegExp(`^(?:studied|учил\\p{L}*(?:\\(-ась\\))?)\\s+(.+?)\\s+(?:at|в)\\s+${school.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu').exec(t);
    if (d && !/^(?:at|в)$/i.test(d[1])) o.degree = clean(d[1]);
    out.push(o);
  }
  return out;
}

function line(c: Ctx, re: RegExp): string | null {
  for (const l of lines(c)) {
    const m = re.exec(l);
    if (m) return plausible(m[m.length - 1] ?? m[1], 200);
  }
  return null;
}

function jobLine(c: Ctx): { title?: string; company: string } | null {
  for (const l of lines(c)) {
    if (LINE.study.test(l) || LINE.lives.test(l) || LINE.from.test(l)) continue;
    let m = LINE.worksAt.exec(l);
    if (m) return { company: clean(m[1]) };
    m = LINE.job.exec(l);
    if (m) return { title: clean(m[1]), company: clean(m[2]) };
  }
  return null;
}

/** mbasic / m. "About" tables: the value cell beside a label cell. */
function row(c: Ctx, sel: string, label: RegExp): Element | null {
  for (const r of all(pickOne(els(c), sel) ?? null, 'tr, .row, dl, div[title]')) {
    const cells = all(r, 'td, dt, dd, span.label');
    const lab = cells[0] ? text(cells[0]).replace(/:$/, '') : clean(r.getAttribute('title'));
    if (label.test(lab)) return cells[1] ?? cells[0];
  }
  return null;
}

/**
 * mbasic / m. "Work" and "Education" blocks: one entry per lead (the link or bold
 * text naming the employer or school), the entry being the largest container that
 * holds no other lead; its other leaf texts follow in order (title or degree, dates).
 */
function mbEntries(c: Ctx, sel: string): { lead: string; rest: string[] }[] {
  const s = pickOne(els(c), sel);
  if (!s) return [];
  const leads = all(s, 'a, strong').filter((e) => !e.closest('header, h3') && !e.parentElement?.closest('a, strong') && plausible(text(e), 200) && !/edit|изменить|see all|смотреть все/i.test(text(e)));
  const out: { lead: string; rest: string[] }[] = [];
  for (const lead of leads) {
    let box: Element = lead;
    while (box.parentElement && box.parentElement !== s && leads.every((o) => o === lead || !box.parentElement!.contains(o))) box = box.parentElement;
    const name = text(lead);
    const rest: string[] = [];
    for (const e of all(box, 'span, div, td, p')) {
      if (e.firstElementChild || e.contains(lead) || lead.contains(e)) continue;
      const t = text(e, 300);
      if (t && t !== name && rest[rest.length - 1] !== t) rest.push(t);
    }
    out.push({ lead: name, rest });
  }
  return out;
}

function counts(c: Ctx): string {
  return c.memo('counts', () => pick(els(c), 'a[href*="friends"], a[href*="followers"], a[href*="sk=friends"], a[data-tab-key]').map((a) => text(a)).join(' · '));
}

/** The url(…) of an inline style, CSS escapes decoded ("https\\3a //…" → "https://…"). */
function cssUrl(style: string | null): string | null {
  const m = /url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(style ?? '');
  if (!m) return null;
  return m[2].replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_, hex: string | undefined, ch: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch!));
}

function friendsBox(c: Ctx): string {
  return c.memo('friendsBox', () => text(byTextIn(pick(els(c), 'h3'), /^(?:friends|друзья)(?![\p{L}])/iu), 200));
}

function labelThenNumber(t: string, label: string): number | null {
  const m = new RegExp(`(?:${label})\\s*[:(]?\\s*(\\d[\\d .,\\u00a0\\u202f]*\\s*(?:[KkMКк]|тыс\\.?)?)`, 'iu').exec(t);
  if (!m) return null;
  return countLabelled(m[1] + ' x', 'x');
}

// ---------- the fields ----------

const SPEC: Spec = {
  name: {
    hooks: [
      { via: 'og:title', read: (c) => plausible(og(c, 'og:title'), 120) },
      { via: 'profile-heading', read: (c) => plausible(text(nameEl(c)), 120) },
      { via: 'title', read: (c) => plausible(titleParts(c.doc, /^facebook$/i).filter((t) => !/log ?in|sign up|войти|вход|регистрац/i.test(t)).pop(), 120) },
    ],
    shown: () => true,
  },
  headline: {
    hooks: [
      // Comet / classic Intro: the bio line under the heading, outside the list of facts
      {
        via: 'intro-bio',
        read: (c) => {
          const i = intro(c);
          const bio = first(i, '#profile_intro_card_bio, [data-testid="intro-bio"]');
          if (bio) return plausible(text(bio), 400);
          for (const el of all(i, 'span[dir="auto"], div[dir="auto"]')) {
            if (el.closest('li, h2, h3, [role="button"], button') || LABEL.intro.test(text(el))) continue;
            if (Object.values(LINE).some((re) => re.test(text(el, 500)))) continue;
            const v = plausible(text(el), 400);
            if (v) return v;
          }
          return null;
        },
      },
      // mbasic / m.: the #bio block
      { via: 'bio-section', read: (c) => plausible(text(pickOne(els(c), MB.bio), 2000, (e) => e.matches('header, h3, h4, a[href*="edit"]')), 400) },
    ],
    shown: (c) => pickOne(els(c), MB.bio) || first(intro(c), '#profile_intro_card_bio'),
  },
  company: {
    hooks: [
      { via: 'intro-line', read: (c) => jobLine(c)?.company },
      { via: 'work-section', read: (c) => WORK(c)[0]?.company },
    ],
    shown: (c) => pickOne(els(c), MB.work),
  },
  position: {
    hooks: [
      { via: 'intro-line', read: (c) => jobLine(c)?.title },
      { via: 'work-section', read: (c) => WORK(c)[0]?.title },
    ],
    shown: (c) => pickOne(els(c), MB.work),
  },
  location: {
    hooks: [
      { via: 'intro-line', read: (c) => line(c, LINE.lives) },
      { via: 'places-table', read: (c) => plausible(text(row(c, MB.living, LABEL.city)), 200) },
    ],
    shown: (c) => lines(c).some((l) => /^(?:lives in|живет в|живёт в)/i.test(l)) || row(c, MB.living, LABEL.city),
  },
  hometown: {
    hooks: [
      { via: 'intro-line', read: (c) => line(c, LINE.from) },
      { via: 'places-table', read: (c) => plausible(text(row(c, MB.living, LABEL.hometown)), 200) },
    ],
    shown: (c) => lines(c).some((l) => /^(?:from|из)\s/i.test(l)) || row(c, MB.living, LABEL.hometown),
  },
  photoUrl: {
    hooks: [
      // Comet: <svg aria-label="Olga Smirnova" role="img"><image xlink:href="…"></svg> in the cover
      {
        via: 'profile-svg-image',
        read: (c) => {
          const n = name(c);
          const svg = n ? pick(els(c), 'svg[aria-label]').find((s) => clean(s.getAttribute('aria-label')) === n) : null;
          const img = first(svg, 'image');
          return safeUrl(img?.getAttribute('xlink:href') ?? img?.getAttribute('href'));
        },
      },
      // classic and m./mbasic: an <img> whose alt names the person or says "profile picture"
      {
        via: 'profile-img-alt',
        read: (c) => {
          const n = name(c);
          const img = pick(els(c), 'img[alt]').find((i) => {
            const a = clean(i.getAttribute('alt'));
            if (/cover|обложк/i.test(a)) return false; // "Mark Ellison's cover photo"
            return (n && a.startsWith(n) && /photo|picture|фото/i.test(a)) || /^(?:profile picture|фото профиля)/i.test(a) || first(c.doc, '#fb-timeline-cover-name') && i.matches('.profilePic');
          });
          return safeUrl(img?.getAttribute('src'));
        },
      },
      // m.facebook.com: <i role="img" aria-label="Name, фото профиля" style="background:url(…)">
      {
        via: 'profile-role-img',
        read: (c) => {
          const n = name(c);
          const el = pick(els(c), '[role="img"][aria-label]').find((e) => {
            const a = clean(e.getAttribute('aria-label'));
            return !!n && a.startsWith(n) && /photo|picture|фото/i.test(a) && !/cover|обложк/i.test(a);
          });
          return el ? safeUrl(cssUrl(el.getAttribute('style'))) : null;
        },
      },
      { via: 'og:image', read: (c) => safeUrl(og(c, 'og:image')) },
    ],
  },
  connections: {
    hooks: [
      { via: 'friends-link', read: (c) => countLabelled(counts(c), LABEL.friends) ?? labelThenNumber(counts(c), LABEL.friends) },
    ],
    shown: (c) => hasLabel(counts(c), LABEL.friends),
  },
  followers: {
    hooks: [
      { via: 'followers-link', read: (c) => countLabelled(counts(c), LABEL.followers) ?? labelThenNumber(counts(c), LABEL.followers) },
      // Intro: "Followed by 356 people" / "Подписчики: 356"
      { via: 'intro-line', read: (c) => labelThenNumber(lines(c).join(' · '), 'followed by|подписчики|отслеживают') },
    ],
    shown: (c) => hasLabel(counts(c), LABEL.followers) || /^(?:followed by|подписчики)/im.test(lines(c).join('\n')),
  },
  mutual: {
    hooks: [
      { via: 'friends-link', read: (c) => countLabelled(counts(c), LABEL.mutual) },
      // classic timeline: the friends box heading "Friends · 842 (35 Mutual)"
      { via: 'friends-box', read: (c) => countLabelled(friendsBox(c), LABEL.mutual) },
    ],
    shown: (c) => hasLabel(counts(c), LABEL.mutual) || hasLabel(friendsBox(c), LABEL.mutual),
  },
  birthday: {
    hooks: [{ via: 'basic-info-table', read: (c) => parseBirthday(text(row(c, MB.basic, LABEL.birthday))) }],
    shown: (c) => row(c, MB.basic, LABEL.birthday),
  },
  experience: {
    hooks: [
      { via: 'work-section', read: (c) => WORK(c) },
      { via: 'intro-line', read: (c) => { const j = jobLine(c); return j ? [j] : null; } },
    ],
    shown: (c) => pickOne(els(c), MB.work),
  },
  education: {
    hooks: [
      {
        via: 'education-section',
        read: (c) =>
          mbEntries(c, MB.education).flatMap(({ lead, rest }): School[] => {
            const school = plausible(lead, 200);
            if (!school) return [];
            const o: School = { school };
            const deg = rest.find((t) => !/\d{4}/.test(t));
            if (deg) o.degree = deg;
            return [{ ...o, ...parseRange(rest.find((t) => /\d{4}/.test(t))) }];
          }),
      },
      { via: 'intro-line', read: introSchools },
    ],
    shown: (c) => pickOne(els(c), MB.education),
  },
  languages: {
    hooks: [{ via: 'basic-info-table', read: (c) => uniq(text(row(c, MB.basic, LABEL.languages)).split(/\s*(?:,|\band\b|\sи\s)\s*/), 60) }],
    shown: (c) => row(c, MB.basic, LABEL.languages),
  },
  websites: {
    hooks: [
      {
        via: 'links',
        read: (c) =>
          uniq(
            [...all(row(c, MB.contact, LABEL.websites), 'a[href]'), ...all(intro(c), 'a[href*="l.facebook.com/l.php"], a[href*="lm.facebook.com/l.php"]')]
              .map((a) => safeUrl(a.getAttribute('href'), c.url))
              .filter((u): u is string => !!u && !/^https?:\/\/([\w-]+\.)*facebook\.com\//.test(u)),
            2000,
          ),
      },
    ],
  },
};

function WORK(c: Ctx): Job[] {
  return c.memo('work', () =>
    mbEntries(c, MB.work).flatMap(({ lead, rest }): Job[] => {
      const company = plausible(lead, 200);
      if (!company) return [];
      const j: Job = { company };
      const title = rest.find((t) => !/\d{4}/.test(t));
      if (title) j.title = title;
      return [{ ...j, ...parseRange(rest.find((t) => /\d{4}/.test(t))) }];
    }),
  );
}

// ---------- kind of page ----------

const UNAVAILABLE = /^(?:this content isn[’']t available|this page isn[’']t available|content not found|этот контент сейчас недоступен|страница недоступна|контент недоступен)/i;

function loginForm(c: Ctx): boolean {
  if (c.doc.getElementById('login_form')) return true;
  // the few <form>s, not a scan of the whole page
  const forms = c.doc.getElementsByTagName('form');
  for (let i = 0; i < forms.length; i++) if (first(forms[i], 'input[name="pass"], input[type="password"]')) return true;
  return false;
}

export function extractFacebook(doc: Document, url: string): Extraction {
  const c = makeCtx(doc, url);
  const canon = canonicalProfileUrl(url);
  if (!canon) {
    const path = pathOf(url);
    return result('facebook', /^\/(?:login|checkpoint|recover)/.test(path) ? 'login-wall' : 'not-profile', null, c.lang);
  }
  if (byTextIn(pick(els(c), 'h1, h2, span'), UNAVAILABLE) || UNAVAILABLE.test(clean(doc.title))) {
    return result('facebook', 'not-profile', null, c.lang);
  }
  if (identityMatches(doc, url) === false) {
    return result('facebook', 'profile', canon.profileUrl, c.lang, allUnreadable('identity-mismatch'));
  }
  const fields = runSpec(SPEC, c);
  if ((fields.name.status !== 'ok' || (fields.name.via === 'title' && !nameEl(c))) && loginForm(c)) {
    return result('facebook', 'login-wall', canon.profileUrl, c.lang);
  }
  return result('facebook', 'profile', canon.profileUrl, c.lang, fields);
}
