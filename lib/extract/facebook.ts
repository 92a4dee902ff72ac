// Facebook profile extractor.
// Checked on tests/fixtures/pages/facebook/:
//   fb-new-en, fb-new-ru (desktop "Comet" layout, 2020–)
//   fb-old-en, fb-old-ru (classic timeline, –2020; drop when no user reports it)
//   fb-mobile-en (mbasic.facebook.com About page), fb-mobile-ru (m.facebook.com profile)
//   fb-few-en, fb-few-ru (logged-out view with only a few public fields)
//   fb-group-en (not-profile), fb-login-en (login-wall), fb-rtl-en (right-to-left name, emoji);
//   fb-large (generated, ~3 MB)
// Over 300 lines on purpose: one reader of one site; its hooks, context helpers and field
// spec refer to each other and are read (and fixed) together.
import type { Extraction, Job, School } from './types';
import {
  all, allUnreadable, byTextIn, countLabelled, first, hasLabel, holdsMostOf, index, type Index, inOrder, makeCtx, meta, oneShown, pathOf, pick, pickOne, region, result, fieldSteps, drain, titleParts, uniq,
  type Ctx, type Hook, type Spec, type Steps,
} from './core';
import { facebookIdentity } from './identity';
import { clean, cssUrl, hasWordChar, labelRe, labelReOnce, parseBirthday, parseCount, parseRange, plausible, safeUrl } from './text';
import { facebookProfileUrl, withoutTracking } from './urls';

// ---------- layouts ----------
// Facebook serves its desktop layouts (Comet, 2020–; the classic timeline, –2020) on www and
// its mobile ones (m., mbasic) on their own hosts (urls.ts FACEBOOK_MOBILE_HOSTS). Each has a
// content script of its own, built with the other layouts' code left out (wxt.config.ts sets
// __TIEWISE_FACEBOOK__ for each build); the CLI, the tests and the bench read every layout.
declare const __TIEWISE_FACEBOOK__: 'desktop' | 'mobile' | undefined;
const LAYOUT = typeof __TIEWISE_FACEBOOK__ === 'undefined' ? undefined : __TIEWISE_FACEBOOK__;
/** this build reads the m. and mbasic layouts */
const MOBILE = LAYOUT !== 'desktop';
/** this build reads Comet's and the classic timeline's */
const DESKTOP = LAYOUT !== 'mobile';
/** The hooks this build reads (a `false` is another build's). */
const hooks = <T,>(...hs: (Hook<T> | false)[]): Hook<T>[] => hs.filter((h): h is Hook<T> => !!h);

// ---------- hooks as data ----------

// Intro rows ("Lives in …", "Works at …") in the UI languages we know: en, ru, uk, de,
// fr, es, pt, pl, it, vi (the last two as a real page's text and scrapers of them write them).
// A row is the element that holds the label's text node; its value is the row's link when it
// has one (Comet, classic and m. put the place, school or employer in an inner <a>), else the
// text after the label (mbasic, plain rows).
// Letters-only lookaheads instead of \b: \b does not see Cyrillic or accented letters.
const END = '(?![\\p{L}\\p{N}])';
const rx = (alts: string) => labelRe(`^(?:${alts})${END}`);
const LBL = {
  lives: rx(
    'lives in|live in|живет в|живёт в|проживает в|живу в|живе в|живе у|мешкає в|мешкає у|wohnt in|lebt in|habite à|habite a|vit à|vive en|vive em|mora em|mora en|mora no|mora na|mieszka w(?: miejscowości)?|vive a|sống tại',
  ),
  from: rx('from|из|родом из|з|із|родом з|aus|kommt aus|stammt aus|originaire de|vient de|de|es de|é de|natural de|z(?: miejscowości)?|pochodzi z|originari[oa] di|đến từ'),
  // present jobs: the employer follows
  work: rx(
    'works at|works for|работает в компании|работает в|працює в компанії|працює в|працює у|arbeitet bei|arbeitet für|arbeitet in|travaille chez|travaille à|travaille pour|trabaja en|trabaja para|trabaja como|trabalha na|trabalha no|trabalha em|trabalha para|pracuje w firmie|pracuje w|pracuje dla|pracuje jako|lavora presso|lavora come|làm việc tại',
  ),
  // past jobs: shown in experience, never as the current employer
  worked: rx(
    'worked at|worked for|former|ex-|работал(?:а|\\(а\\)|\\(-а\\))? в(?: компании)?|працював(?:ла|\\(ла\\))? в|працювала в|arbeitete bei|arbeitete für|a travaillé chez|a travaillé à|trabajó en|trabajó para|trabalhou na|trabalhou no|trabalhou em|pracował(?:a)? w(?: firmie)?|pracowała w',
  ),
  study: rx(
    'studie[sd]|studying|went to|goes to|attended|attends|учил(?:ся|ась)(?:\\(-ась\\))?|учится|обучал(?:ся|ась)|изучал(?:а|\\(а\\))?|окончил(?:а)?|навчав(?:ся)?|навчалася|навчається|вчився|вчилася|studierte|studiert|ging (?:zur|zum|auf die|auf das|an die)|geht (?:zur|zum|auf die|auf das)|besuchte|besucht|a étudié|étudie|étudiait|est allée? à|va à|estudió|estudia|estudiaba|fue a|va a|estudou|estuda|frequentou|frequenta|studiował(?:a)?|studiuje|chodził(?:a)? do|chodzi do|uczęszczał(?:a)? do|uczy się w|ha studiato|studia|từng học|học|曾就讀|曾就读|就讀於|就读于',
  ),
  followed: rx(
    'followed by|подписчики:?|его отслеживают|ее отслеживают|её отслеживают|отслеживают|на (?:него|неё|нее) подписаны|стежать|читачі:?|gefolgt von|suivie? par|seguid[oa] por|l[oa] siguen|obserwowan[ya] przez|obserwuj[ea] (?:go|ją)',
  ),
  // a Facebook Page shows its kind as the first Intro row ("Page · Software company")
  pageKind: /^(?:page|страница|сторінка|seite|página|pagina|strona)\s*[·•]/i,
};

/** every row label above, the Page's kind with them */
const LABELS = Object.values(LBL);

// "Product Manager at <a>Company</a>": the words before the employer's link end with a connector
const JOB_CONNECTOR = /^(.+?)\s+(?:at|@|в компании|в компанії|в|у|bei|chez|à|en|na|no|em|w|w firmie)\s*[:,]?\s*$/i;
// study rows: "Studied Computer Science at <a>School</a>": the subject sits between verb and connector
const STUDY_SUBJECT = /^(?:ha studiato|từng học|\S+)(?:\s+\((?:-?ась|а|ла)\))?\s+(.+?)\s+(?:at|в|у|an der|an|à|en|na|no|em|w|do|presso|tại)\s*$/i;

const LABEL = {
  // (Indonesian "teman bersama", "teman yang sama" are mutual friends, as are "12 amigos en común", "12 amici
  // in comune" when no friends count is shown; Chinese "380 位朋友", Vietnamese "200 người bạn")
  friends: '(?:friends?|друз(?:ей|ья)(?![\\p{L}])|друга?(?![\\p{L}])|друзів|друзі|freunde?|freund(?:in|innen)|amis?|amigos?|amigas?|amici|znajom(?:ych|i|y)|przyjaciół|teman(?! bersama| yang)|位朋友|người bạn)(?![\\p{L}])(?!\\s+(?:en commun|en común|em comum|in comune))',
  followers: 'followers?|подписчик\\p{L}*|читач\\p{L}*|підписник\\p{L}*|follower(?:innen)?|abonné\\p{L}*|seguidor\\p{L}*|obserwując\\p{L}*|pengikut|takipçi|người theo dõi',
  mutual: 'mutual(?: friends?)?|общ(?:их|ий)(?: друз\\p{L}*)?(?![\\p{L}])|спільн\\p{L}*(?: друз\\p{L}*)?|gemeinsame?(?: freunde)?|en commun|amis? en commun|(?:amig[oa]s? )?en común|(?:amig[oa]s? )?em comum|amici in comune|wspóln\\p{L}*(?: znajom\\p{L}*)?|teman (?:bersama|yang sama)|位共同朋友|bạn chung',
  // mbasic/m. "About" tables (and Comet's About tab)
  birthday: /^(?:birthday|birth date|date of birth|день рождения|дата рождения|дата народження|день народження|geburtstag|anniversaire|date de naissance|cumpleaños|fecha de nacimiento|aniversário|data de nascimento|urodziny|data urodzenia|ngày sinh)$/i,
  birthYear: /^(?:birth year|year of birth|год рождения|рік народження|geburtsjahr|année de naissance|año de nacimiento|ano de nascimento|rok urodzenia|năm sinh)$/i,
  languages: /^(?:languages|языки|мови|sprachen|langues|idiomas|línguas|języki)$/i,
  intro: /^(?:intro|информация|краткая информация|інформація|коротко|steckbrief|vorstellung|einführung|présentation|introduction|presentación|detalles|apresentação|introdução|informacje|szczegóły|wprowadzenie)$/i,
  // the profile's own action buttons: already friends ("Friends", with Unfriend in its menu) or not ("Add friend", a request pending)
  friend: /^(?:friends|друзья|друзі|freunde|amis|amigos|znajomi)$/i,
  notFriend:
    /^(?:add friend|cancel request|respond|confirm(?: request)?|добавить в друзья|отменить запрос|ответить|подтвердить|додати в друзі|додати до друзів|скасувати запит|відповісти|freund(?:in)? hinzufügen|als freund(?:in)? hinzufügen|anfrage abbrechen|antworten|bestätigen|ajouter(?: en amie?)?|annuler la demande|répondre|confirmer|agregar(?: a amigos)?|añadir(?: a amigos)?|cancelar solicitud|responder|confirmar|adicionar(?: amigo)?|cancelar pedido|dodaj(?: do znajomych)?|anuluj zaproszenie|odpowiedz|potwierdź)$/i,
};

// mbasic/m. "About" tables
const CITY = /^(?:current city|текущий город|город проживания|город|поточне місто|aktueller wohnort|wohnort|ville actuelle|ciudad actual|cidade atual|obecne miasto|aktualne miasto)$/i;
const HOMETOWN = /^(?:hometown|родной город|рідне місто|heimatstadt|ville d’origine|ville d'origine|ciudad de origen|cidade natal|miasto rodzinne)$/i;
const WEBSITES = /^(?:websites?|веб-сайты?|сайты?|веб-сайти|webseiten?|sites? web|sitios web|sites|strony internetowe)$/i;
// mbasic/m. headings over the friends list: "Friends (412)", "Друзья (1 024)", "Znajomi (387)"
const FRIENDS_HEADING = /^(?:friends|друзья|друзі|freunde|amis|amigos|znajomi)\s*[(·:]/i;

// Budgets: what one read may look at inside the Intro, whatever the page holds
// (a deeply nested or hostile Intro costs no more than these).
const MAX_NODES = 6000;
const MAX_ROWS = 60;
/** elements whose words look like a row and are read in full */
const MAX_TRIES = 64;

// Where the profile's own content lives (excludes the nav bar, chat sidebar, stories).
const MAIN: ((d: Document) => Element | null)[] = [
  (d) => first(d, '[role="main"]'), // Comet (2020–) and mbasic's #root role=main
  ...(DESKTOP ? [(d: Document) => first(d, '#timeline_top_section, #content_container, #contentArea')] : []), // classic timeline
  ...(MOBILE ? [(d: Document) => first(d, '#root, #viewport')] : []), // m. / mbasic without role
];

// The Intro card by its anchors: classic (–2020), Comet pagelets (2020–), m.facebook.com's sigil
// (a pagelet by name: one of the column's pagelets, listed once a read, `pagelet`)
const INTRO = [
  ...(DESKTOP ? ['#intro_container_id', 'ProfileTilesFeed_0', 'ProfileIntro'] : []),
  ...(MOBILE ? ['#profile_intro_card', '[data-sigil="profile-intro-card"]', '#m-timeline-cover-section'] : []),
];

// mbasic / m. section ids (the "About" page's blocks)
const MB = { work: '#work', education: '#education', living: '#living', basic: '#basic-info', contact: '#contact-info' };

// ---------- context ----------

function main(c: Ctx): Element {
  return region(c, 'main', MAIN);
}

// Where other people's text lives inside main: posts (2024's too: div[aria-posinset], no role), comments,
// feeds, chat and dialogs
const PRUNE_ROLES = ['article', 'feed', 'complementary', 'dialog'];
const PRUNE_PAGELET = 'ProfileTimeline';
/**
 * The same parts as a selector, today's first: the index asks for them one at a time until
 * one is there (a part that is not costs a look through the whole column), and 2024's posts
 * are div[aria-posinset] with no role.
 */
const PRUNE = ['[aria-posinset]', `[data-pagelet="${PRUNE_PAGELET}"]`, ...PRUNE_ROLES.map((r) => `[role="${r}"]`)].join(', ');
const PRUNE_ROLE_SET = new Set(PRUNE_ROLES);

/** Whether `el` is one of PRUNE's parts (two attribute reads, not a selector match). */
function pruned(el: Element): boolean {
  const role = el.getAttribute('role');
  return (role !== null && PRUNE_ROLE_SET.has(role)) || el.getAttribute('data-pagelet') === PRUNE_PAGELET || el.hasAttribute('aria-posinset');
}

/**
 * The column's own Comet pagelets (data-pagelet="ProfileActions", "ProfileAppSection_0"…)
 * with their names, document order: one native query a read for all of them.
 */
function pagelets(c: Ctx): [Element, string][] {
  return c.memo(pagelets, () => pick(els(c), '[data-pagelet]').map((e) => [e, e.getAttribute('data-pagelet') ?? '']));
}

function pagelet(c: Ctx, name: string): Element | null {
  return pagelets(c).find(([, n]) => n === name)?.[0] ?? null;
}

/** main's own elements (posts, comments and sidebars pruned), indexed once per read. */
function els(c: Ctx): Index {
  return c.memo(els, () => index(main(c), { selector: PRUNE, test: pruned }));
}

/** Whether the page's own evidence names the person the address names (identity.ts), once per read. */
function identity(c: Ctx): boolean | null {
  return c.memo(identity, () => facebookIdentity(c.doc, c.url));
}

/** og: tags, but only when og:url (if any) names this person. */
function og(c: Ctx, key: string): string | null {
  const mine = c.memo(og, () => {
    const u = meta(c.doc, 'og:url');
    return !u || facebookProfileUrl(u) === facebookProfileUrl(c.url) || identity(c) === true;
  });
  return mine ? meta(c.doc, key) : null;
}

function nameEl(c: Ctx): Element | null {
  return c.memo(nameEl, () =>
    (DESKTOP ? pickOne(els(c), '#fb-timeline-cover-name') : null) ?? // classic: the h1 also holds the alternate name
    pickOne(els(c), 'h1') ??
    // m./mbasic cover: <div id="m-timeline-cover-section"> … <strong>Name</strong>, or <h3> in #cover-name-root
    (MOBILE ? pickOne(els(c), '#cover-name-root h3, #m-timeline-cover-section strong, #m-timeline-cover-section h3') : null),
  );
}

function name(c: Ctx): string | null {
  return c.memo(name, () => {
    for (const h of SPEC.name!.hooks) {
      const v = h.read(c);
      if (v) return v;
    }
    return null;
  });
}

/** An element of the name's heading that holds only a parenthesised alternate name. */
function alternateName(e: Element): boolean {
  return !!e.previousSibling && /^\(.+\)$/s.test(short(e, 200, 100));
}

/**
 * Comet (2020–2022): the bio under the name in the profile header — the block right after
 * the name's own, text only (no link, button, heading, image or count), nothing a row says.
 */
function headerBio(c: Ctx): string | null {
  const h = nameEl(c);
  if (!h || h.tagName !== 'H1') return null;
  let el: Element = h;
  for (let i = 0; i < 8 && el.parentElement && el.parentElement !== main(c); i++, el = el.parentElement) {
    const sib = el.nextElementSibling;
    if (!sib) continue;
    if (sib.matches(HEADER_NOT_BIO) || first(sib, HEADER_NOT_BIO) || !first(sib, 'span[dir="auto"]')) return null;
    const t = short(sib, 500);
    if (!t || classifyText(t) || hasLabel(t, LABEL.friends) || hasLabel(t, LABEL.followers)) return null;
    return plausible(t, 400);
  }
  return null;
}
const HEADER_NOT_BIO = 'a, [role="button"], button, h1, h2, h3, img, svg, image, [data-pagelet], [role="tablist"], form, ul';

/** The Intro card (Comet, classic, m., mbasic): by its anchors, else the container around its heading that holds rows. */
function intro(c: Ctx): Element | null {
  return introFound(c).el;
}

/** The Intro, and its rows when finding it meant scanning it (read once, not again by introScan). */
function introFound(c: Ctx): { el: Element | null; scan?: Scan } {
  return c.memo(introFound, () => {
    for (const sel of INTRO) {
      const el = /^[#[]/.test(sel) ? pickOne(els(c), sel) : pagelet(c, sel);
      if (el) return { el };
    }
    const h = byTextIn(heads(c), LABEL.intro, (e) => short(e, 60, 60));
    // the heading's container: the nearest ancestor (at most 8 up) that holds a row,
    // and no other card's heading (past that, rows would be a suggestion box's)
    let el: Element | null = h?.parentElement ?? null;
    for (let i = 0; el && i < 8; i++, el = el.parentElement) {
      if (el.matches(PRUNE) || el === main(c)) break;
      const sc = scan(el);
      if (sc.headings > 1) break;
      if (sc.rows.length) return { el, scan: sc };
    }
    return { el: null };
  });
}

type RowKind = 'lives' | 'from' | 'work' | 'worked' | 'study' | 'followed' | 'page';

interface Row {
  el: Element;
  kind: RowKind;
  /** the place, employer or school: the row's link text, else the text after the label */
  value: string;
  /** the job title ("Product Manager" at …) or the study subject */
  detail?: string;
  text: string;
}

// ---------- bounded readers ----------
// Everything read inside the Intro goes through these: iterative (no recursion, so no
// stack overflow whatever the nesting) and with a budget of nodes per call.

const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'OBJECT']);
const BLOCK = new Set(['BR', 'P', 'LI', 'DIV']);

/** The next node after `n` in document order within `root`, skipping `n`'s subtree when `skip`. */
function after(n: Node, root: Node, skip: boolean): Node | null {
  if (!skip && n.firstChild) return n.firstChild;
  for (let x: Node | null = n; x && x !== root; x = x.parentNode) if (x.nextSibling) return x.nextSibling;
  return null;
}

/**
 * The text a reader sees in `el` (like text()), at most `max` characters from at most `nodes` nodes (up to four
 * times `max` walked, as text() does: a page saved pretty-printed has long runs of indentation between words).
 */
/** An action link of the page's owner (the classic Intro's "Edit Bio" prompt): it goes nowhere but "#". */
const promptLink = (e: Element) => e.tagName === 'A' && /#$/.test(e.getAttribute('href') ?? '');

function short(el: Element | null | undefined, max = 300, nodes = 600, stopAt?: Node, skipEl?: (e: Element) => boolean): string {
  if (!el || NO_TEXT.has(el.tagName)) return '';
  let out = '';
  let n = 0;
  for (let x: Node | null = el.firstChild; x && x !== stopAt && out.length < max * 4 && n < nodes; n++) {
    let skip = false;
    if (x.nodeType === 3) out += x.nodeValue;
    else if (x.nodeType === 1) {
      const tag = (x as Element).tagName;
      skip = NO_TEXT.has(tag) || (!!skipEl && skipEl(x as Element));
      if (!skip && BLOCK.has(tag)) out += ' ';
    }
    x = after(x, el, skip);
  }
  return clean(out).slice(0, max);
}

/** The first element under `root` (not root) with tag `tag`, looking at no more than `nodes` elements. */
function firstTag(root: Element, tag: string, nodes = 400): Element | null {
  let n = 0;
  for (let x: Node | null = root.firstChild; x && n < nodes; n++) {
    if (x.nodeType === 1 && (x as Element).tagName === tag) return x as Element;
    x = after(x, root, x.nodeType !== 1);
  }
  return null;
}

// ---------- Intro rows ----------

/** The words of a row before its first link, and that link's text. */
function split(row: Element): { before: string; link: string | null } {
  let a = firstTag(row, 'A', 300);
  // mbasic 2016: an empty placeholder <a href="1?refid=17"> right before the value's link
  while (MOBILE && a && !short(a, 10, 20) && a.nextElementSibling?.tagName === 'A') a = a.nextElementSibling;
  if (!a) return { before: short(row, 400, 300), link: null };
  return { before: short(row, 400, 300, a), link: plausible(short(a, 300, 300), 200) };
}

/** What a row says, or null when it is none of the Intro's kinds. */
function classify(el: Element): Row | null {
  let t = short(el, 400, 300);
  if (!t) return null;
  if (LBL.pageKind.test(t)) return { el, kind: 'page', value: t, text: t };
  const { before, link } = split(el);
  // "Lives in<a>Perth</a>" (mbasic 2016): no space between the label and its link
  if (MOBILE && before && link && t.startsWith(before) && !/\s$/.test(before) && t.slice(before.length).trimStart().startsWith(link)) t = before + ' ' + t.slice(before.length).trimStart();
  const rest = (re: RegExp) => plausible(t.replace(re, '').replace(/^\s*(?:г\.|городе|м\.|місті|miejscowości|:)\s*/i, ''), 200);
  for (const kind of ['followed', 'study', 'lives', 'from', 'worked', 'work'] as const) {
    const re = LBL[kind];
    if (!re.test(t)) continue;
    if (kind === 'followed') return /\d/.test(t) ? { el, kind, value: t.replace(re, '').trim(), text: t } : null;
    // the value is the link when the link follows the label; text otherwise
    const value = link && t.endsWith(link) ? link : rest(re);
    if (!value) return null;
    const row: Row = { el, kind, value, text: t };
    if (kind === 'worked' && link) {
      // "Former Designer at <a>Initech</a>": the title between the label and the connector
      const m = JOB_CONNECTOR.exec(before.replace(re, '').trim());
      if (m && plausible(m[1], 120)) row.detail = clean(m[1]);
    }
    if (kind === 'study' && link) {
      const d = STUDY_SUBJECT.exec(before);
      if (d && !/^(?:at|в|у|an|à|en|na|no|em|w|do|presso|tại|studiato|học)$/i.test(d[1])) row.detail = clean(d[1]);
    }
    return row;
  }
  // "Product Manager at <a>Company</a>": the title, a connector, the employer's link
  if (link && t.endsWith(link)) {
    const m = JOB_CONNECTOR.exec(before);
    if (m && plausible(m[1], 120) && !/[.!?]$/.test(m[1])) return { el, kind: /^(?:former|ex-|бывш)/i.test(m[1]) ? 'worked' : 'work', value: link, detail: clean(m[1]), text: t };
  }
  // plain English "Title at Company" without a link (mbasic text rows; Comet's for an employer with no Page)
  const m = /^(.+?)\s+at\s+(.+)$/i.exec(t);
  if (m && !link && plausible(m[1], 120) && plausible(m[2], 200) && !/[.!?]/.test(t)) return { el, kind: 'work', value: clean(m[2]), detail: clean(m[1]), text: t };
  return null;
}

/** Cheap test on an element's own words: could it hold a row's label, or a title before an employer's link? */
function mayBeRow(own: string): boolean {
  return classifyText(own) || JOB_CONNECTOR.test(own) || /\sat\s/i.test(own);
}

/** Whether a text reads as an Intro row ("Lives in …"), whatever element holds it. */
function classifyText(t: string): boolean {
  return LABELS.some((re) => re.test(t));
}

// Where rows are never the person's, or are not rows: posts, comments, sidebars, dialogs (PRUNE),
// headings, buttons, forms — by the element's tag and role (its role read once for both tests)
const NOT_ROW_TAG = /^(?:h[1-4]|button|form)$/i;
const NOT_ROW_ROLES = new Set<string | null>([...PRUNE_ROLES, 'heading', 'button']);

function notRow(el: Element, tag: string, role: string | null): boolean {
  return NOT_ROW_TAG.test(tag) || NOT_ROW_ROLES.has(role) || el.getAttribute('data-pagelet') === PRUNE_PAGELET || el.hasAttribute('aria-posinset');
}

interface Scan {
  rows: Row[];
  /** elements with dir="auto" outside rows and links: where Comet puts the bio */
  bios: Element[];
  headings: number;
}

/**
 * The rows under `root`: one per element that holds a row's first words. One iterative
 * pass over at most MAX_NODES nodes, never into posts, comments, dialogs, sidebars,
 * headings, buttons or links.
 */
function scan(root: Element): Scan {
  const out: Scan = { rows: [], bios: [], headings: 0 };
  const seen = new Set<Element>();
  let n = 0;
  let tries = 0;
  for (let x: Node | null = root.firstChild; x && n < MAX_NODES && out.rows.length < MAX_ROWS; n++) {
    if (x.nodeType !== 1) {
      x = after(x, root, true);
      continue;
    }
    const el = x as Element;
    const tag = el.tagName;
    const role = el.getAttribute('role');
    if (tag === 'H2' || tag === 'H3' || role === 'heading') out.headings++;
    if (NO_TEXT.has(tag) || tag === 'A' || notRow(el, tag, role)) {
      // a Page's kind may be a button ("<b>Page</b> · Media", Comet 2021–): still the row that says it is no person
      if (role === 'button' && tries < MAX_TRIES) {
        tries++;
        const t = short(el, 80, 30);
        if (LBL.pageKind.test(t)) out.rows.push({ el, kind: 'page', value: t, text: t });
      }
      x = after(x, root, true);
      continue;
    }
    // the element's own words (its text children, not its descendants'): a row's label or title is there
    let own = '';
    for (let ch = el.firstChild, k = 0; ch && k < 20 && own.length < 200; ch = ch.nextSibling, k++) if (ch.nodeType === 3) own += ch.nodeValue;
    own = clean(own);
    let row: Row | null = null;
    const lead = el.firstElementChild;
    if (own && hasWordChar(own) && tries < MAX_TRIES && (mayBeRow(own) || (lead && LBL.pageKind.test(short(lead, 20, 20) + ' ' + own)))) {
      tries++;
      // a label in its own element ("<span>Lives in</span> <a>…</a>"): the row is its parent
      let r: Element = el;
      if (!el.firstElementChild && el.nextElementSibling && el.parentElement && el.parentElement !== root && !classify(el)) r = el.parentElement;
      if (!seen.has(r)) {
        seen.add(r);
        row = classify(r);
        if (row) out.rows.push(row);
      }
    }
    if (row) {
      x = after(x, root, true); // the row's inner elements are its value
      continue;
    }
    if (el.getAttribute('dir') === 'auto' && (tag === 'SPAN' || tag === 'DIV') && out.bios.length < 12) out.bios.push(el);
    x = after(x, root, false);
  }
  return out;
}

/** The Intro's rows (Comet, classic, m., mbasic). */
function introScan(c: Ctx): Scan {
  return c.memo(introScan, () => {
    const i = introFound(c);
    return i.scan ?? (i.el ? scan(i.el) : { rows: [], bios: [], headings: 0 });
  });
}

function rows(c: Ctx): Row[] {
  return introScan(c).rows;
}

function rowOf(c: Ctx, kind: RowKind): Row | undefined {
  return rows(c).find((r) => r.kind === kind);
}

function jobs(c: Ctx): Job[] {
  return rows(c)
    .filter((r) => r.kind === 'work' || r.kind === 'worked')
    .map((r) => (r.detail ? { title: r.detail, company: r.value } : { company: r.value }));
}

function currentJob(c: Ctx): Row | undefined {
  return rowOf(c, 'work');
}

function introSchools(c: Ctx): School[] {
  return rows(c)
    .filter((r) => r.kind === 'study')
    .map((r) => (r.detail ? { school: r.value, degree: r.detail } : { school: r.value }));
}

/** The count of a "Followed by 1,432 people" / "Подписчики: 2 318" / "Obserwowana przez 1 050 osób" row. */
function followedCount(c: Ctx): number | null {
  const r = rowOf(c, 'followed');
  return r ? parseCount(r.value) : null;
}

/** mbasic / m. "About" tables: the value cell beside a label cell. */
function row(c: Ctx, sel: string, label: RegExp): Element | null {
  for (const r of all(pickOne(els(c), sel) ?? null, 'tr, .row, dl, div[title]').slice(0, 60)) {
    const cells = all(r, 'td, dt, dd, span.label');
    // (the own page's label ends in " · Edit")
    const lab = cells[0] ? short(cells[0], 80).replace(/:$|\s*·.*$/, '') : clean(r.getAttribute('title'));
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
  // (not the edit links, nor the own page's prompts for an empty section: "Add work", "Add college")
  const leads = all(s, 'a, strong').slice(0, 40).filter((e) => !e.closest('header, h3') && !e.parentElement?.closest('a, strong') && plausible(short(e, 300), 200) && !/edit|изменить|see all|смотреть все|^add |^добав/i.test(short(e, 300)));
  const out: { lead: string; rest: string[] }[] = [];
  for (const lead of leads) {
    let box: Element = lead;
    while (box.parentElement && box.parentElement !== s && leads.every((o) => o === lead || !box.parentElement!.contains(o))) box = box.parentElement;
    const name = short(lead, 300);
    const rest: string[] = [];
    for (const e of all(box, 'span, div, td, p')) {
      if (e.firstElementChild || e.contains(lead) || lead.contains(e)) continue;
      const t = short(e, 300);
      if (t && t !== name && rest[rest.length - 1] !== t) rest.push(t);
    }
    out.push({ lead: name, rest });
  }
  return out;
}

/** The texts of the column's friends / followers links ("4,852 friends", "Friends", "Followers 412"). */
function countLinks(c: Ctx): string[] {
  return c.memo(countLinks, () => {
    const hs = hrefs(c);
    return links(c)
      .filter((a, i) => /friends|followers/.test(hs[i]) || a.hasAttribute('data-tab-key'))
      .map((a) => short(a, 120));
  });
}

function counts(c: Ctx): string {
  return c.memo(counts, () => countLinks(c).join(' · '));
}

/** Whether one of the count links says `label` beside a number ("4,852 friends", "Friends 412"). */
function countShown(c: Ctx, label: string): boolean {
  return countLinks(c).some((t) => /\d/.test(t) && hasLabel(t, label));
}

/** The profile column's links (by the browser's list of <a>s, not a selector pass). */
function links(c: Ctx): Element[] {
  return c.memo(links, () => pick(els(c), 'a'));
}

/** The column's links' addresses (links(c)'s, same order), each read once per read. */
function hrefs(c: Ctx): string[] {
  return c.memo(hrefs, () => links(c).map((a) => a.getAttribute('href') ?? ''));
}

/**
 * The column's headings (h2–h4, header, role=heading), in document order: the tags from the
 * browser's lists, the roles from one native query.
 */
function heads(c: Ctx): Element[] {
  return c.memo(heads, () => {
    const tagged = pick(els(c), 'h2, h3, h4, header');
    const roles = pick(els(c), '[role="heading"]');
    if (!roles.length) return tagged;
    const both = [...new Set([...tagged, ...roles])];
    return both.length > 64 ? pick(els(c), 'h2, h3, h4, header, [role="heading"]') : both.sort(inOrder);
  });
}

const FRIENDS_HEAD = labelRe(String.raw`^(?:friends|друзья|друзі|freunde|amis|amigos|znajomi)(?![\p{L}])`);
function friendsBox(c: Ctx): string {
  return c.memo(friendsBox, () => short(byTextIn(heads(c).filter((e) => e.tagName === 'H3' || e.getAttribute('role') === 'heading'), FRIENDS_HEAD, (e) => short(e, 80, 80)), 200, 200));
}

/** A birthday as shown, Vietnamese's "10 tháng 11 2005" (day, "month", its number) too. */
function birthday(s: string): ReturnType<typeof parseBirthday> {
  return parseBirthday(s.replace(/(\d{1,2}) tháng (\d{1,2})(?:,? (?:năm )?(\d{4}))?/, '$1.$2.$3'));
}

function labelThenNumber(t: string, label: string): number | null {
  // (not a number a word follows: the classic timeline's Friends tab of a stranger, "Friends 94 Mutual",
  // counts the mutual friends, not theirs)
  const m = labelReOnce(`(?:${label})\\s*[:(]?\\s*(\\d[\\d .,\\u00a0\\u202f]*(?![\\d.,])\\s*(?:[KkMКк]|тыс\\.?)?)(?!\\s*\\p{L})`).exec(t);
  if (!m) return null;
  return countLabelled(m[1] + ' x', 'x');
}

/**
 * mbasic 2016: the friends box under its "Friends" heading says who of them are mutual
 * ("<a>Olga</a> is a mutual friend.", "<a>Olga</a>, <a>Mark</a> and 5 other mutual friends"):
 * the linked names and the number of the others.
 */
function mutualLine(c: Ctx): { count: number; names: string[] } | null {
  return c.memo(mutualLine, () => {
    for (const h of heads(c).filter((e) => FRIENDS_HEAD.test(short(e, 80, 80)))) {
      const box = h.parentElement?.nextElementSibling ?? h.nextElementSibling;
      const t = short(box, 300, 200);
      const m = /\b(?:is a mutual friend|are mutual friends|(\d[\d,.]*) other mutual friends?)\.?$/i.exec(t);
      if (!m || !box) continue;
      const names = all(box, 'a').map((a) => short(a, 100)).filter((n) => n && !/^\d/.test(n));
      return { count: names.length + (m[1] ? parseCount(m[1]) ?? 0 : 0), names };
    }
    return null;
  });
}

/** mbasic / m.: "Friends (412)" in a heading over the friends list (not a post's, not a sidebar's). */
function friendsHeading(c: Ctx): string {
  return c.memo(friendsHeading, () => short(byTextIn(heads(c).filter((e) => e.tagName !== 'H4'), FRIENDS_HEADING, (e) => short(e, 80, 80)), 80, 80));
}

/**
 * The profile's own friend buttons (Comet's ProfileActions; mbasic's "Add Friend" link in
 * the cover),
 * each with whether it says "friends" (true) or "not yet" (false). Never other people's
 * "Add friend" buttons (People you may know, a friend list).
 */
function friendButtons(c: Ctx): [Element, boolean][] {
  return c.memo(friendButtons, () => {
    const box = pagelet(c, 'ProfileActions');
    const out: [Element, boolean][] = [];
    // mbasic: the profile owner's id (its "More" menu), and the links that name the owner: Add Friend (subjectid=), Unfriend (removefriend.php?friend_id=)
    const owner = MOBILE && /[?&]owner_id=(\d+)/.exec(hrefs(c).find((h) => h.includes('owner_id=')) ?? '')?.[1];
    if (!box && owner) {
      for (const a of pick(els(c), 'a[href*="profile_add_friend"], a[href*="removefriend.php"]')) {
        const h = a.getAttribute('href') ?? '';
        if (new RegExp(`[?&](?:subjectid|friend_id)=${owner}(?:&|$)`).test(h)) out.push([a, /removefriend/.test(h)]);
      }
      return out;
    }
    for (const e of box ? all(box, '[role="button"], button, a') : MOBILE ? pick(els(c), '#m-timeline-cover-section a[href*="profile_add_friend"]') : []) {
      const l = clean(e.getAttribute('aria-label') || short(e, 60));
      if (/profile_add_friend/.test(e.getAttribute('href') ?? '') || LABEL.notFriend.test(l)) out.push([e, false]);
      else if (LABEL.friend.test(l)) out.push([e, true]);
    }
    return out;
  });
}

/** Whether the person is the viewer's friend, as the buttons show; null when they don't say or disagree. */
function friendship(c: Ctx): boolean | null {
  return c.memo(friendship, () => oneShown(friendButtons(c)));
}

// The profile photo's alt / aria-label in its several forms: "Name, profile picture",
// "Name's profile picture", "Profile picture of Name", "Фото профиля Name",
// "Name, zdjęcie profilowe", "Photo de profil de Name", "Profilbild von Name".
const PROFILE_PHOTO = /profile (?:picture|photo|pic)|фото профиля|фотография профиля|фото профілю|profilbild|photo de profil|foto (?:del|de) perfil|foto do perfil|imagen de perfil|zdjęcie profilowe/i;
const COVER = /cover|обложк|обкладинк|titelbild|couverture|portada|capa|w tle/i;

function isProfilePhotoLabel(a: string, n: string | null): boolean {
  if (!a || COVER.test(a)) return false;
  // another person's avatar says their name; ours says the profile's name (when known) with a photo word,
  // the whole name ("Ann Lee, profile picture", "Ann Lee's Profile Photo", "Фото профиля Ann Lee."): not "Ann Leeson, …"
  // (what follows the name: none when the label does not hold it)
  if (n) return !hasWordChar(a.split(n)[1]?.charAt(0) ?? 'x') && PROFILE_PHOTO.test(a);
  return PROFILE_PHOTO.test(a) && /^(?:profile picture|фото профиля)/i.test(a);
}

/** mbasic: the line under the name in the cover, in the name's block, after it. */
function coverSubtitle(c: Ctx): string | null {
  const cover = pickOne(els(c), '#m-timeline-cover-section');
  const n = cover ? nameEl(c) : null;
  if (!cover || !n || !cover.contains(n)) return null;
  let branch: Element = n;
  for (let i = 0; i < 6 && branch.parentElement && branch.parentElement !== cover; i++) {
    const sib = branch.nextElementSibling;
    if (sib) {
      if (first(sib, 'a, img, table, form, [role="button"]') || sib.matches('a, table, form')) return null;
      return plausible(short(sib, 500), 400);
    }
    branch = branch.parentElement;
  }
  return null;
}

// ---------- the fields ----------

const SPEC: Spec = {
  name: {
    hooks: [
      // (an og:title without an og:url is the head of no profile: a classic "not found" page's is "Log in or
      // sign up to view", in the UI's language; its <title> names the error)
      { via: 'og:title', read: (c) => (og(c, 'og:url') ? plausible(og(c, 'og:title'), 120) : null) },
      // the heading without the alternate name Comet puts in a child ("Anna Kowalska<span>(Ania)</span>")
      { via: 'profile-heading', read: (c) => plausible(short(nameEl(c), 200, 600, undefined, alternateName), 120) },
      { via: 'title', read: (c) => (og(c, 'og:title') && !og(c, 'og:url') ? null : plausible(titleParts(c.doc, /^facebook$/i).filter((t) => !/log ?in|sign up|войти|вход|регистрац/i.test(t)).pop(), 120)) },
    ],
    shown: () => true,
  },
  headline: {
    hooks: hooks(
      // Comet / classic Intro: the bio line under the heading, outside the list of facts
      {
        via: 'intro-bio',
        read: (c) => {
          const i = intro(c);
          const bio = first(i, '#profile_intro_card_bio, [data-testid="intro-bio"]');
          // (not the owner's prompt to write one: an action link, "Edit Bio" "Describe Who You Are" to href="…#")
          if (bio) return plausible(short(bio, 500, 600, undefined, promptLink), 400);
          // the first dir="auto" block outside the rows that holds no link and no row
          const rs = rows(c).map((r) => r.el);
          for (const el of introScan(c).bios) {
            // (a fact of the list, even one no label names, is no bio: Comet's rows sit in a <ul>; nor is a
            // block around the card's heading, in a language whose "Intro" we do not know)
            if (firstTag(el, 'A') || firstTag(el, 'LI', 50) || firstTag(el, 'H2', 50) || rs.some((r) => el.contains(r)) || el.closest('ul, li')) continue;
            const t = short(el, 500);
            if (LABEL.intro.test(t) || classifyText(t)) continue;
            const v = plausible(t, 400);
            if (v) return v;
          }
          return null;
        },
      },
      // Comet 2020–2022: the bio under the name in the header
      DESKTOP && { via: 'header-bio', read: headerBio },
      // m.facebook.com: the bio under the name (data-sigil="profile-intro-card-bio")
      MOBILE && { via: 'intro-card-bio', read: (c) => plausible(short(pickOne(els(c), '[data-sigil="profile-intro-card-bio"]'), 500), 400) },
      // mbasic: the line under the name in the cover (#m-timeline-cover-section)
      // (not mbasic's #bio block, "About <name>": a longer text they wrote about themselves, which a real
      // own About page shows as "About You" apart from the bio under the name — no headline)
      MOBILE && { via: 'cover-subtitle', read: coverSubtitle },
    ),
    shown: (c) => !!short(first(intro(c), '#profile_intro_card_bio'), 50, 600, undefined, promptLink),
  },

  company: {
    hooks: hooks(
      { via: 'intro-line', read: (c) => currentJob(c)?.value },
      MOBILE && { via: 'work-section', read: (c) => WORK(c)[0]?.company },
    ),
    shown: (c) => MOBILE && pickOne(els(c), MB.work),
  },
  position: {
    hooks: hooks(
      { via: 'intro-line', read: (c) => { const j = currentJob(c); return j ? j.detail ?? null : null; } },
      MOBILE && { via: 'work-section', read: (c) => WORK(c)[0]?.title },
    ),
    shown: (c) => MOBILE && pickOne(els(c), MB.work),
  },
  location: {
    hooks: hooks(
      { via: 'intro-line', read: (c) => rowOf(c, 'lives')?.value },
      MOBILE && { via: 'places-table', read: (c) => plausible(short(row(c, MB.living, CITY), 300), 200) },
      DESKTOP && { via: 'about-place', read: (c) => aboutPlace(c, 'current_city') },
    ),
    shown: (c) => rowOf(c, 'lives') || (MOBILE && row(c, MB.living, CITY)) || (DESKTOP && c.doc.getElementById('current_city')),
  },
  hometown: {
    hooks: hooks(
      { via: 'intro-line', read: (c) => rowOf(c, 'from')?.value },
      MOBILE && { via: 'places-table', read: (c) => plausible(short(row(c, MB.living, HOMETOWN), 300), 200) },
      DESKTOP && { via: 'about-place', read: (c) => aboutPlace(c, 'hometown') },
    ),
    shown: (c) => rowOf(c, 'from') || (MOBILE && row(c, MB.living, HOMETOWN)) || (DESKTOP && c.doc.getElementById('hometown')),
  },
  photoUrl: {
    hooks: hooks(
      // Comet: <svg aria-label="Olga Smirnova" role="img"><image xlink:href="…"></svg> in the cover; on the
      // viewer's own profile the label says "Profile picture actions" in the UI's language, and the photo is the
      // 168px svg of a button (never a link, as other people's avatars are)
      DESKTOP && {
        via: 'profile-svg-image',
        read: (c) => {
          const n = name(c);
          const svgs = pick(els(c), 'svg');
          const svg = (n ? svgs.find((s) => clean(s.getAttribute('aria-label')) === n) : null) ??
            svgs.find((s) => parseFloat((s as SVGElement).style.height) >= 100 && s.getAttribute('role') === 'img' && s.parentElement?.parentElement?.getAttribute('role') === 'button');
          const img = first(svg, 'image');
          return photo(img?.getAttribute('xlink:href') ?? img?.getAttribute('href'));
        },
      },
      // classic and m./mbasic: an <img> whose alt names the person or says "profile picture"
      {
        via: 'profile-img-alt',
        read: (c) => {
          const n = name(c);
          const img = pick(els(c), 'img[alt]').find((i) => {
            const a = clean(i.getAttribute('alt'));
            return isProfilePhotoLabel(a, n) || (DESKTOP && !!first(c.doc, '#fb-timeline-cover-name') && i.matches('.profilePic') && !COVER.test(a)) ||
              // mbasic 2016: alt is the bare name, on the photo link of the cover
              (MOBILE && !!n && a === n && !!i.closest('a[href*="/photo.php"], a[href*="/profile/picture/view"], a[href*="/profile_picture/"]'));
          });
          // (a page saved by SavePage WE inlines it as data: and keeps it in data-savepage-src)
          return photo(img?.getAttribute('src')) ?? photo(img?.getAttribute('data-savepage-src'));
        },
      },
      // m.facebook.com: <i role="img" aria-label="Name, фото профиля" style="background:url(…)">
      MOBILE && {
        via: 'profile-role-img',
        read: (c) => {
          const n = name(c);
          // (m. 2020: the cover's avatar, class "profpic", is labelled with the bare name)
          const el = pick(els(c), '[role="img"][aria-label]').find((e) => {
            const a = clean(e.getAttribute('aria-label'));
            return isProfilePhotoLabel(a, n) || (a === n && e.matches('.profpic'));
          });
          return el ? photo(cssUrl(el.getAttribute('style'))) : null;
        },
      },
      { via: 'og:image', read: (c) => photo(og(c, 'og:image')) },
    ),
  },
  connections: {
    hooks: hooks(
      { via: 'friends-link', read: (c) => countLabelled(counts(c), LABEL.friends) ?? labelThenNumber(counts(c), LABEL.friends) },
      // mbasic / m.: "Friends (412)" over the friends list
      MOBILE && { via: 'friends-heading', read: (c) => labelThenNumber(friendsHeading(c), LABEL.friends) },
    ),
    // (a "Friends" tab or link without a number shows no count)
    shown: (c) => countShown(c, LABEL.friends) || (MOBILE && friendsHeading(c)),
  },
  followers: {
    hooks: [
      { via: 'followers-link', read: (c) => countLabelled(counts(c), LABEL.followers) ?? labelThenNumber(counts(c), LABEL.followers) },
      // Intro: "Followed by 356 people" / "Подписчики: 356"
      { via: 'intro-line', read: followedCount },
    ],
    shown: (c) => countShown(c, LABEL.followers) || rowOf(c, 'followed'),
  },
  mutual: {
    hooks: hooks(
      { via: 'friends-link', read: (c) => countLabelled(counts(c), LABEL.mutual) },
      // classic timeline: the friends box heading "Friends · 842 (35 Mutual)"
      DESKTOP && { via: 'friends-box', read: (c) => countLabelled(friendsBox(c), LABEL.mutual) },
      // mbasic 2016: "<a>Olga</a> is a mutual friend." under the friends heading
      MOBILE && { via: 'mutual-line', read: (c) => mutualLine(c)?.count ?? null },
    ),
    shown: (c) => hasLabel(counts(c), LABEL.mutual) || (DESKTOP && hasLabel(friendsBox(c), LABEL.mutual)) || (MOBILE && mutualLine(c)),
  },
  mutualNames: {
    hooks: hooks(MOBILE && { via: 'mutual-line', read: (c) => mutualLine(c)?.names }),
  },
  degree: {
    hooks: [
      {
        via: 'profile-actions',
        read: (c) => {
          const f = friendship(c);
          // not a friend: a friend of a friend only when mutual friends are shown
          return f === true ? 1 : f === false && (countLabelled(counts(c), LABEL.mutual) ?? (DESKTOP ? countLabelled(friendsBox(c), LABEL.mutual) : null) ?? (MOBILE ? mutualLine(c)?.count : null) ?? 0) > 0 ? 2 : null;
        },
      },
    ],
    shown: (c) => friendButtons(c).length && friendship(c) === null,
  },
  birthday: {
    hooks: hooks(
      MOBILE && { via: 'basic-info-table', read: (c) => birthday(short(row(c, MB.basic, LABEL.birthday), 100)) },
      // Comet's About tab: "22 February" over "Birth date", "1997" over "Birth year"
      DESKTOP && {
        via: 'about-tab',
        read: (c) => {
          const day = aboutFact(c, LABEL.birthday);
          const year = aboutFact(c, LABEL.birthYear);
          return day ? birthday(year && /^\d{4}$/.test(year) && !/\d{4}/.test(day) ? `${day} ${year}` : day) : null;
        },
      },
    ),
    shown: (c) => (MOBILE && row(c, MB.basic, LABEL.birthday)) || (DESKTOP && aboutFact(c, LABEL.birthday)),
  },
  experience: {
    hooks: hooks(
      MOBILE && { via: 'work-section', read: (c) => WORK(c) },
      { via: 'intro-line', read: jobs },
    ),
    shown: (c) => MOBILE && pickOne(els(c), MB.work),
  },
  education: {
    hooks: hooks(
      MOBILE && {
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
    ),
    shown: (c) => MOBILE && pickOne(els(c), MB.education),
  },
  languages: {
    hooks: hooks(
      MOBILE && { via: 'basic-info-table', read: (c) => languageList(short(row(c, MB.basic, LABEL.languages), 600)) },
      // Comet's About tab: "Thai, English and French" over "Languages"
      DESKTOP && { via: 'about-tab', read: (c) => languageList(aboutFact(c, LABEL.languages) ?? '') },
    ),
    shown: (c) => (MOBILE && row(c, MB.basic, LABEL.languages)) || (DESKTOP && aboutFact(c, LABEL.languages)),
  },
  websites: {
    hooks: [
      {
        via: 'links',
        read: (c) =>
          uniq(
            [...(MOBILE ? all(row(c, MB.contact, WEBSITES), 'a[href]') : []), ...all(intro(c), 'a[href*="l.facebook.com/l.php"], a[href*="lm.facebook.com/l.php"]')]
              // (without the fbclid Facebook adds to every link out: the site as the person gave it)
              .map((a) => { const u = safeUrl(a.getAttribute('href'), c.url); return u && withoutTracking(new URL(u)).href; })
              .filter((u): u is string => !!u && !/^https?:\/\/([\w-]+\.)*facebook\.com\//.test(u)),
            2000,
          ),
      },
    ],
  },
};

function languageList(t: string): string[] {
  return uniq(t.split(/\s*(?:,|\band\b|\sи\s)\s*/), 60);
}

/** Comet's About tab: the profile's own About card (never the friends card after it). */
function aboutCard(c: Ctx): Element | null {
  return c.memo(aboutCard, () =>
    pagelets(c).find(([s, name]) => {
      if (!name.startsWith('ProfileAppSection')) return false;
      const a = first(first(s, 'h2'), 'a[href]');
      return !!a && /\/about(?:[/?_]|$)|[?&]sk=about/.test(a.getAttribute('href') ?? '');
    })?.[0] ?? null,
  );
}

/**
 * The facts of Comet's About tab, where the value comes first and its label under it
 * ("22 February" / "Birth date"): for each label leaf we know, the nearest element before
 * it or before one of its wrappers (at most 8 up) that has text. Read once per read.
 */
function aboutFacts(c: Ctx): Map<RegExp, string | null> {
  return c.memo(aboutFacts, () => {
    const out = new Map<RegExp, string | null>();
    const card = aboutCard(c);
    if (!card) return out;
    // the card's text nodes, not its elements (a few hundred divs and spans hold a few dozen
    // texts): a text that is one of the labels, alone in a div or span, is a label leaf
    const texts = c.doc.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      const v = n.nodeValue ?? '';
      // (a label is short; the length allows for a saved page's indentation around it)
      if (v.length > 200 || !ABOUT_LABEL.test(clean(v))) continue;
      const leaf = n.parentElement;
      if (!leaf || leaf === card || (leaf.tagName !== 'DIV' && leaf.tagName !== 'SPAN') || leaf.firstElementChild) continue;
      const t = short(leaf, 60, 20);
      const label = t.length <= 40 ? ABOUT_LABELS.find((re) => !out.has(re) && re.test(t)) : undefined;
      if (!label) continue;
      out.set(label, null);
      let el: Element = leaf;
      for (let i = 0; i < 8 && el.parentElement && el.parentElement !== card; i++, el = el.parentElement) {
        const prev = el.previousElementSibling;
        if (!prev) continue;
        if (first(prev, 'img, a, h2, [role="button"]')) break;
        const v = plausible(short(prev, 400), 300);
        if (v && !label.test(v)) out.set(label, v);
        break;
      }
    }
    return out;
  });
}
const ABOUT_LABELS = [LABEL.birthday, LABEL.birthYear, LABEL.languages];
/** Any of them (each is one whole text). */
const ABOUT_LABEL = new RegExp(ABOUT_LABELS.map((re) => re.source).join('|'), 'i');

function aboutFact(c: Ctx, label: RegExp): string | null {
  return aboutFacts(c).get(label) ?? null;
}

function WORK(c: Ctx): Job[] {
  return c.memo(WORK, () =>
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
/** A word each of UNAVAILABLE's messages holds: a page whose column has none of them shows none of them. */
const UNAVAILABLE_WORD = /availab|found|недоступ/i;

/** The site's own "this content isn't available" as a heading or line of the profile column. */
function unavailableShown(c: Ctx): boolean {
  const m = main(c);
  const own = els(c);
  // one native read of the column's text first (not the body's: its inline data can be
  // megabytes; nor a column that is mostly a long timeline: its posts' text too)
  if (m !== c.doc.body && m !== c.doc.documentElement && holdsMostOf(own, m) && !UNAVAILABLE_WORD.test(m.textContent ?? '')) return false;
  return !!byTextIn(pick(own, 'h1, h2, span').slice(0, 400), UNAVAILABLE, (e) => short(e, 80, 40));
}

/**
 * Facebook's silhouette for a person with no photo (one for men and unknown, one for
 * women; any size, either file suffix): no photo of theirs.
 */
const DEFAULT_AVATAR = /_10150004552801(?:856_220367501106153455|901_469209496895221757)_[a-z]\./;

function photo(url: string | null | undefined): string | null {
  const u = safeUrl(url);
  return u && !DEFAULT_AVATAR.test(u) ? u : null;
}

/**
 * The classic About tab (2015–2020, www): the place links of <li id="current_city"> and
 * <li id="hometown">, whatever the language of the label under them ("Quê quán").
 */
function aboutPlace(c: Ctx, id: string): string | null {
  return plausible(short(first(c.doc.getElementById(id), 'a'), 300), 200);
}

/**
 * A Facebook Page (a business, a public figure's page), not a person: its app link says
 * so (fb://page/…), or og:url is a /pages/… address, or its link preview counts who talks
 * about it and who was there, or the m. site's Page chrome, or links only a Page has, or the
 * Intro's first row is the kind of Page ("Page · Software company").
 */
function isPage(c: Ctx): boolean {
  for (const k of ['al:android:url', 'al:ios:url']) if (/^fb:\/\/page\b/i.test(meta(c.doc, k) ?? '')) return true;
  if (/^https?:\/\/[^/]*facebook\.com\/pages\//i.test(meta(c.doc, 'og:url') ?? '')) return true;
  // a Page's summary for link previews: "57,552 likes · 1,048 talking about this · 160,787 were here"
  if (/\d\s*(?:talking about this|were here)\b|говорят об этом:?\s*\d|были здесь:?\s*\d/i.test(meta(c.doc, 'og:description') ?? '')) return true;
  // (data-sigil is the m. site's own attribute: looked for only inside the m. site's chrome)
  if (MOBILE) {
    const mSite = c.doc.getElementById('MChromeHeader') || c.doc.getElementById('viewport');
    if (c.doc.getElementById('msite-pages-header-contents') || c.doc.getElementById('pages_msite_body_contents') || (mSite && pickOne(els(c), '[data-sigil^="msite-pages"]'))) return true;
  }
  // classic Pages (–2020) at a vanity address: the Page's photo and feed by id
  if (DESKTOP && (c.doc.getElementById('page_profile_picture') || c.doc.getElementById('vertex_feed_container'))) return true;
  // mbasic Pages (2016): the Like/Unlike button, "N people like this" box, Page "More" menu;
  // Comet Pages (2021–): "25K likes" links to the Page's likers, the About tile to the Page's
  // categories ("/pages/category/media/", logged out in 2022) — no person has those links
  if ((MOBILE && c.doc.getElementById('pages_mbasic_context_items_id')) || hrefs(c).some((h) => /\/pages\/more\/\d|[?&](?:un)?fan&|[/=]friends_likes|\/pages\/category\//.test(h))) return true;
  return rows(c).some((r) => r.kind === 'page');
}

function loginForm(c: Ctx): boolean {
  if (c.doc.getElementById('login_form')) return true;
  // the few <form>s, not a scan of the whole page
  const forms = c.doc.getElementsByTagName('form');
  for (let i = 0; i < forms.length; i++) if (first(forms[i], 'input[name="pass"], input[type="password"]')) return true;
  return false;
}

/** The page read at once (the CLI, the tests, the panel's layout report). */
export function extractFacebook(doc: Document, url: string): Extraction {
  return drain(readFacebook(doc, url));
}

/** The page read in steps, between which the content script may yield (core.ts `Steps`). */
export function* readFacebook(doc: Document, url: string): Steps<Extraction> {
  const c = makeCtx(doc, url);
  const canon = facebookProfileUrl(url);
  if (!canon) {
    const path = pathOf(url);
    return result('facebook', /^\/(?:login|checkpoint|recover)/.test(path) ? 'login-wall' : 'not-profile', null, c.lang);
  }
  yield;
  // the site's own "not available", or an error page a server or proxy gave for the address ("404 Not Found")
  if (unavailableShown(c) || UNAVAILABLE.test(clean(doc.title)) || /^(?:404 )?(?:page )?not found$/i.test(clean(doc.title))) {
    return result('facebook', 'not-profile', null, c.lang);
  }
  yield;
  if (isPage(c)) return result('facebook', 'not-profile', null, c.lang);
  yield;
  if (identity(c) === false) {
    return result('facebook', 'profile', canon, c.lang, allUnreadable('identity-mismatch'));
  }
  const fields = yield* fieldSteps(SPEC, c);
  if ((fields.name.status !== 'ok' || (fields.name.via === 'title' && !nameEl(c))) && loginForm(c)) {
    return result('facebook', 'login-wall', canon, c.lang);
  }
  return result('facebook', 'profile', canon, c.lang, fields);
}

/** The UI labels this extractor matches: a layout report keeps these texts as they are (layout-report.ts). */
export const UI_LABELS: readonly unknown[] = [LBL, JOB_CONNECTOR, STUDY_SUBJECT, LABEL, CITY, HOMETOWN, WEBSITES, FRIENDS_HEADING, UNAVAILABLE, PROFILE_PHOTO, COVER, /^facebook$/i];
