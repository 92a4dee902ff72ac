// VK profile extractor.
// Checked on tests/fixtures/pages/vk/ (invented pages) and on the real-structure
// fixtures in tests/fixtures/real/vk/ (structure of real saved pages, people invented):
//   2013 web (h4.page_top > div.page_name, "miniblock" rows, counters inside #profile_friends)
//   2016–2022 web (h1.page_name, .profile_info_row, people modules, a followers module
//     header without href, page_counter blocks)
//   2023– web (h2#owner_page_name with the online badge inside, header rows whose icon
//     sits in an empty wrapper beside the text, "Подробнее" details in a modal root
//     outside #content, "Подписчики 356" with the label first)
//   m.vk.com (h2.op_header, "Город: Калининград" as one text node, the photo as a CSS
//     background-image), a mobile shell whose content is still inside a <template>
//   groups at a custom short name (not a person), closed profiles, ru/en/uk UI
// Hooks go structure and accessible names first, then labels in en, ru, uk, de, pl,
// pt, es, fr. What sits in other people's blocks (friends, possible friends, walls,
// followers' avatars) is never read as the person's.
// Over 300 lines on purpose: one reader of one site; its hooks, context helpers and field
// spec refer to each other and are read (and fixed) together.
import type { Extraction, School } from './types';
import {
  all, allUnreadable, byTextIn, first, makeCtx, meta, oneShown, pathOf, region, result, fieldSteps, drain, uniq,
  type Ctx, type Spec, type Steps,
} from './core';
import { vkIdentity } from './identity';
import { clean, cssUrl, labelRe, parseBirthday, parseCount, plausible, safeUrl, text } from './text';
import { vkProfileUrl } from './urls';

// ---------- hooks as data ----------

// The profile's content column (excludes the left menu, the top bar with the viewer's avatar).
const CONTENT: ((d: Document) => Element | null)[] = [
  (d) => d.getElementById('profile') ?? d.getElementById('content'), // web, all layouts
  (d) => d.getElementById('mcont') ?? d.getElementsByClassName('basis__content')[0] ?? null, // m.vk.com
  // (live collections and ids: no page-wide selector scan when a layout has none of these)
  (d) => d.getElementsByTagName('main')[0] ?? d.getElementById('page_body') ?? null,
];

// Labels of "Label: value" rows, in VK's UI languages (en, ru, uk, de, pl, pt, es, fr).
const L = (s: string) => labelRe(`^(?:${s})$`);
/** m.vk.com's "22 года, Казань": an age, then the city */
const MOBILE_AGE_CITY = labelRe(String.raw`^\d{1,3} (?:год|года|лет|years?|рік|роки|років)\p{L}*, ([^,]+)$`, 'u');
const LABEL_WORDS = {
  city: 'город|current city|city|місто|wohnort|stadt|miasto|cidade(?: atual)?|ciudad(?: actual)?|ville(?: actuelle)?',
  hometown: 'родной город|home ?town|рідне місто|heimatstadt|miasto rodzinne|cidade natal|ciudad natal|ville natale',
  birthday: 'день рождения|дата рождения|birthday|date of birth|день народження|дата народження|geburtstag|urodziny|data urodzenia|aniversário|data de nascimento|cumpleaños|fecha de nacimiento|anniversaire|date de naissance',
  company: 'место работы|работа|компания|company|place of work|employer|work|місце роботи|робота|arbeitgeber|arbeitsplatz|firma|miejsce pracy|praca|empresa|local de trabalho|lugar de trabajo|trabajo|entreprise|lieu de travail|employeur',
  position: 'должность|position|job title|посада|stelle|stanowisko|cargo|puesto|poste',
  school: 'вуз|университет|образование|место учёбы|место учебы|школа|місце навчання|university|college|education|school|виш|університет|освіта|universität|hochschule|schule|uczelnia|szkoła|universidade|escola|universidad|escuela|université|école',
  languages: 'языки|languages|мови|sprachen|języki|idiomas|langues',
  interests: 'интересы|деятельность|interests|activities|інтереси|діяльність|interessen|aktivitäten|zainteresowania|interesses|atividades|intereses|actividades|intérêts|activités',
  websites: 'веб-сайт|сайт|website|site|webseite|strona www|sitio web|site web',
  about: 'о себе|about(?: me)?|про себе|über mich|o mnie|sobre mim|sobre mí|à propos(?: de moi)?',
};
const LABELS = Object.fromEntries(Object.entries(LABEL_WORDS).map(([k, words]) => [k, L(words)])) as Record<keyof typeof LABEL_WORDS, RegExp>;
// Any label above, in one pattern: a text node "Город: Калининград" is split only at one of
// these, and only rows with one of these labels are kept
const ANY_LABEL = L(Object.values(LABEL_WORDS).join('|'));

// Counters: one text per counter element ("Друзья 245", "356 подписчиков", "Подписчики 356",
// "96 друзей", "Followers 1,204"). Labels in the UI languages; the number next to them.
const COUNT = {
  mutual: labelRe(String.raw`(?<![\p{L}])(?:общи[хйе]\p{L}*|спільн\p{L}*|mutual|in common|common friends|gemeinsame|wspóln\p{L}*|em comum|en común|en commun)(?![\p{L}])`),
  followers: labelRe(String.raw`(?<![\p{L}])(?:подписчик\p{L}*|підписник\p{L}*|followers?|follower:innen|abonnenten|obserwując\p{L}*|subskrybent\p{L}*|seguidor\p{L}*|abonnés?)(?![\p{L}])`),
  friends: labelRe(String.raw`(?<![\p{L}])(?:друз\p{L}*|друга?|friends?|freunde|freund\p{L}*|znajom\p{L}*|przyjaci\p{L}*|amig[oa]s?|amis?)(?![\p{L}])`),
  // not the person's count: friends online, possible friends, followed pages
  skip: labelRe(String.raw`(?<![\p{L}])(?:онлайн|online|в сети|в мережі|у мережі|en ligne|en línea|возможные|можливі|possible|you may know)(?![\p{L}])`),
};
const NUMBER = labelRe(String.raw`\d+(?:[ .,\u00a0\u2009\u202f]\d{3})*(?:[.,]\d+)?\s*\+?\s*(?:[KkMКкМ](?![\p{L}])|тыс\.?|тис\.?|млн\.?)?`, 'gu');

// The profile's own friend buttons and status lines: already friends, or not (yet).
// (ru, uk, en, de, pl, pt, es, fr; a request sent or a subscription is not a friendship)
const FRIEND = labelRe(
  '^(?:у вас в друзьях|в друзьях|ваш друг|ваша подруга|убрать из друзей|удалить из друзей|у вас у друзях|у друзях|видалити з друзів|прибрати з друзів|you are friends|in your friends|your friend|unfriend|remove from friends|ihr freund|ihre freundin|aus freunden entfernen|jesteście znajomymi|usuń ze znajomych|vocês são amigos|remover dos amigos|sois amigos|eliminar de amigos|vous êtes amis|retirer des amis)$',
);
const NOT_FRIEND = labelRe(
  '^(?:добавить в друзья|заявка отправлена|отменить заявку|ответить на заявку|вы подписаны|додати в друзі|додати до друзів|заявку надіслано|скасувати заявку|ви підписані|add(?: as)? friend|add to friends|request sent|friend request sent|cancel request|respond to request|you are following|als freund hinzufügen|anfrage gesendet|dodaj do znajomych|zaproszenie wysłane|adicionar aos amigos|solicitação enviada|añadir a amigos|solicitud enviada|ajouter en ami|demande envoyée)$',
);

// Header rows marked only by an icon: VKUI icon names (vkuiIcon--home_outline_20,
// svgIcon-home_outline_20, <use href="#home_outline_20">), not hashes.
const ICON = {
  city: /(?:home|place|location_map)_outline_\d+/,
  company: /(?:work|briefcase)_outline_\d+/,
  school: /(?:education|school)_outline_\d+/,
  counter: /(?:followers|users|user_added|friends?)_outline_\d+/,
};

// inside the name heading: online badges, verification icons, "last seen" lines
const NAME_NOISE = (e: Element) =>
  /Badge|__icons|online|last_?seen|LastSeen|pp_last_activity|profile_online|visually-hidden|blind_label|image_status|page_verified/i.test(e.getAttribute('class') ?? '');
// The status line: VK's status classes; .current_text only inside #page_current_info (2013–2022 web)
const STATUS = ['profile_status_text', 'ProfileInfo__status', 'OwnerPageStatus', 'pp_status'];
// The avatar: by its own class, or an <img> inside an avatar box of the header
const AVATAR_IMG = new Set(['page_avatar_img', 'pp_img', 'op_img']);
const AVATAR_BOX = '#page_avatar, .page_avatar, #owner_photo_wrap, #profile_avatar, [class*="ProfileHeader__avatar"], [class*="OwnerPageAvatar"]';
const CLOSED = /^(?:это закрытый профиль|this (?:profile|page) is private|це закритий профіль)/i;
const DELETED = /^(?:страница (?:пользователя )?(?:удалена|заблокирована|заморожена)|пользователь удалил свою страницу|this (?:page|profile) (?:has been|was|is) (?:deleted|blocked|frozen)|page deleted|the page you requested was deleted|сторінку (?:видалено|заблоковано))/i;
// A profile VK hides from visitors who are not signed in: h5.profile_deleted_text under the name
const HIDDEN = /(?:log ?in to view|have to log ?in|authori[sz]ed users|нужно (?:войти|зайти)|авторизованн?ым|увійдіть|autorisierte nutzer|melden sie sich an|zaloguj|faça login|inicia sesión|connectez-vous)/i;
const WALL_HEADING = /^(?:введите код с картинки|подтвердите, что вы не робот|вход вконтакте|войдите|sign in to vk|log in to vk|enter the code from the picture|confirm that you are not a robot|confirm you're not a robot)/i;
// banners that are never a name: "your browser is out of date", cookie and app prompts
const BANNER = /браузер (?:устарел|застарів)|browser is out of ?date|outdated browser|update your browser|обновите браузер/i;
// where a "page deleted" line may be: a leaf of one of these
const DELETED_TAGS = new Set(['H1', 'H2', 'H3', 'H5', 'DIV', 'SPAN']);
const DEFAULT_PHOTO = /\/images\/(?:camera|deactivated|community|question)_\d+|vk\.com\/images\/camera/i;

// The walk below sorts elements by their id, class tokens, tag and role — plain string
// checks, no selector matching per element (that would cost more than the page).
// Where other people's text lives: not read at all (walls, posts, replies, comments).
const WALL_IDS = new Set(['profile_wall', 'page_wall_posts', 'posts_container']);
const WALL_CLASSES = new Set(['wall_module', 'wall_posts', 'post', '_post', 'wall_item', 'replies', 'reply', 'replies_wrap']);
// Blocks about other people (friends, followers, gifts, photos, possible friends):
// only their header (label + count) is read, for the counters.
const OTHER_IDS = new Set([
  'profile_friends', 'profile_friends_online', 'profile_followers', 'profile_common_friends', 'profile_idols',
  'profile_gifts', 'profile_photos_module', 'profile_videos', 'profile_audios', 'profile_groups',
]);
const OTHER_CLASSES = new Set(['people_module', 'page_list_module', 'ProfileFriends', 'ProfileFollowers', 'ProfileGroups', 'ProfileSubscriptions', 'ProfileGifts', 'ProfilePhotos']);
const OTHER_PART = /PossibleFriends|FriendsRecommend|Recommendations/;
// A people block's header: the first of these in document order
const HEADER_TAGS = new Set(['HEADER', 'H2', 'H3']);
// (a whole class token, or a part of one)
const HEADER_CLASS = /(?:^|\s)(?:module_header|header_top|p_header_bottom|header_label|header_count)(?=\s|$)|Header__content|Header__indicator/;
// Banners that are never the person's: "your browser is out of date" (any UI language), app and cookie prompts
const BANNER_PART = /BadBrowser|bad_browser|OldBrowser|BrowserOutdated|CookieBanner|AppBanner/;
// Page chrome: the viewer's menu and top bar ("Мои Друзья 3"), never the person's
const CHROME_IDS = new Set(['side_bar', 'page_header_cont', 'page_header', 'top_nav']);
const CHROME_CLASSES = new Set(['layout__leftMenu', 'layout__header', 'basis__header']);
// Counter elements among the person's own elements (and every link inside a counters block)
const COUNTER_CLASSES = new Set(['page_counter', 'Counters__item', 'ProfileCounter', 'ProfileCounters__item', 'OwnerInfo__rowCenter']);
const COUNTER_BLOCKS = new Set(['counts_module', 'ProfileCounters', 'Counters']);
const COUNTER_HREF = /friends|followers|subscribers/;
// A group or public page: not a person, whatever its short name
const GROUP_IDS = /^(?:public|group|event)(?:_(?:followers|wall|info|main_info|links|contacts|actions_wrap)|$)|^page_block_group|^post-\d+_\d+$|^wall-\d+/;
const GROUP_CLASSES = String.raw`redesigned-group[\w-]*|GroupHeader\w*|CommunityHeader\w*|groups_redesigned|group_info_block|group_actions_wrap[\w-]*|public_info`;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'svg', 'SVG']);

// ---------- one walk over the content ----------

interface Walk {
  /** the person's own elements (walls, banners, chrome and people blocks pruned) with the id owner_page_name */
  ownerName: Element[];
  /** the person's own elements without an element child, and every <dt>: where labels, buttons and status lines are text */
  leaves: Element[];
  /** own elements by class token and by tag name (document order) */
  byClass: Map<string, Element[]>;
  byTag: Map<string, Element[]>;
  /** people blocks (friends, followers…): only their headers are read */
  modules: Element[];
  /** icons (svg and icon wrappers) in the person's own part, for icon rows */
  icons: Element[];
  /** counter elements (outermost) */
  counters: Element[];
  /** role=img boxes (m.vk.com avatars) */
  roleImg: Element[];
  group: boolean;
}

// Only what the hooks look up is indexed (every other class token and tag is left alone)
const INDEXED_CLASSES = new Set(['OwnerPageName', 'page_name', 'op_header', 'current_text', 'profile_status_text', 'ProfileInfo__status', 'OwnerPageStatus', 'pp_status', 'pp_info', 'profile_deleted_text', 'vkuiPlaceholder__text']);
const INDEXED_TAGS = new Set(['H1', 'H5', 'IMG']);

function push<K>(m: Map<K, Element[]>, k: K, e: Element) {
  const l = m.get(k);
  if (l) l.push(e);
  else m.set(k, [e]);
}

// What each class token the walk knows means: one lookup per token
const WALL = 1, OTHER = 2, BLOCK = 4, COUNTER = 8, INDEXED = 16, AN_ICON = 32;
const TOKENS = new Map<string, number>();
for (const [tokens, bit] of [
  [WALL_CLASSES, WALL], [CHROME_CLASSES, WALL], [OTHER_CLASSES, OTHER], [COUNTER_BLOCKS, BLOCK],
  [COUNTER_CLASSES, COUNTER], [INDEXED_CLASSES, INDEXED], [['svgIcon', 'vkuiIcon'], AN_ICON],
] as const) {
  for (const t of tokens) TOKENS.set(t, (TOKENS.get(t) ?? 0) | bit);
}
// a GROUP_CLASSES token anywhere in a class attribute
const GROUP_TOKEN = new RegExp(String.raw`(?:^|\s)(?:${GROUP_CLASSES})(?=\s|$)`);
// a class attribute that may hold a token above, or a banner, people-block or group token
// named by a part: one test per element, and most hold none (no split, no lookups).
// (The tokens are plain class names — letters, digits, "_" and "-" — so each is its own pattern.)
const SPECIAL_CLASS = new RegExp(
  String.raw`(?:^|\s)(?:${[...TOKENS.keys()].join('|')})(?=\s|$)|${BANNER_PART.source}|${OTHER_PART.source}|${GROUP_TOKEN.source}`,
);

function walk(c: Ctx): Walk {
  return c.memo(walk, () => {
    const w: Walk = { ownerName: [], leaves: [], byClass: new Map(), byTag: new Map(), modules: [], icons: [], counters: [], roleImg: [], group: false };
    const root = content(c);
    // a walk in document order without a stack: the counters block and the counter the walk
    // is inside are the outermost elements that opened them, closed when the walk leaves them
    let inBlock: Element | null = null;
    let inCounter: Element | null = null;
    let el: Element | null = root.firstElementChild;
    while (el) {
      const tag = el.tagName;
      let enter = false;
      if (tag === 'svg' || tag === 'SVG') w.icons.push(el);
      else if (!SKIP_TAGS.has(tag)) {
        const id = el.id;
        if (id && GROUP_IDS.test(id)) w.group = true;
        const role = el.getAttribute('role');
        let wallish = role === 'article' || role === 'alert' || role === 'navigation' || role === 'banner' || tag === 'NAV' || (!!id && (WALL_IDS.has(id) || CHROME_IDS.has(id)));
        let other = !!id && OTHER_IDS.has(id);
        let bits = 0;
        const cls = el.getAttribute('class');
        if (cls && SPECIAL_CLASS.test(cls)) {
          const tokens = cls.split(/\s+/);
          for (let i = 0; i < tokens.length; i++) bits |= TOKENS.get(tokens[i]) ?? 0;
          if (GROUP_TOKEN.test(cls)) w.group = true;
          if (BANNER_PART.test(cls)) wallish = true;
          if (OTHER_PART.test(cls)) other = true;
        }
        if (wallish || bits & WALL) {
          // walls, chrome, banners: not read
        } else if (other || bits & OTHER) {
          w.modules.push(el);
        } else {
          const blockAbove = inBlock !== null;
          if (!inBlock && bits & BLOCK) inBlock = el;
          if (!inCounter && (bits & COUNTER || (tag === 'A' && (blockAbove || COUNTER_HREF.test(el.getAttribute('href') ?? ''))))) {
            w.counters.push(el);
            inCounter = el;
          }
          if (bits & AN_ICON) w.icons.push(el);
          if (role === 'img') w.roleImg.push(el);
          if (id === 'owner_page_name') w.ownerName.push(el);
          if (INDEXED_TAGS.has(tag)) push(w.byTag, tag, el);
          if (bits & INDEXED) for (const t of cls!.split(/\s+/)) if (INDEXED_CLASSES.has(t)) push(w.byClass, t, el);
          enter = true;
        }
      }
      const down: Element | null = enter ? el.firstElementChild : null;
      if (enter && (!down || tag === 'DT')) w.leaves.push(el);
      if (down) {
        el = down;
        continue;
      }
      // the next element after this one's subtree: its next sibling, or an ancestor's
      for (;;) {
        if (el === inBlock) inBlock = null;
        if (el === inCounter) inCounter = null;
        const next: Element | null = el.nextElementSibling;
        if (next) {
          el = next;
          break;
        }
        el = el.parentElement;
        if (!el || el === root) {
          el = null;
          break;
        }
      }
    }
    return w;
  });
}

const cls = (c: Ctx, token: string): Element[] => walk(c).byClass.get(token) ?? [];
const tags = (c: Ctx, name: string): Element[] => walk(c).byTag.get(name) ?? [];

function content(c: Ctx): Element {
  return region(c, 'content', CONTENT);
}

/**
 * The opened "Подробнее" / "Details" dialog of the current web layout: a modal root
 * rendered outside #content (a portal at the end of <body>). Looked for among the
 * body's first two levels only — portals live there — never by a page-wide query.
 */
function modal(c: Ctx): Element | null {
  return c.memo(modal, () => {
    const body = c.doc.body;
    if (!body) return null;
    // an open one: empty layers (#box_layer_wrap with only a loader) are skipped (its text looked at whole: a
    // page saved pretty-printed has hundreds of indentation characters before the first word)
    const isModal = (e: Element) =>
      (/ModalRoot|ModalPage|PopoutRoot|box_layer/i.test((e.getAttribute('class') ?? '') + ' ' + e.id) || e.getAttribute('role') === 'dialog') && !!text(e, 1e4);
    for (let a = body.firstElementChild; a; a = a.nextElementSibling) {
      if (a.contains(content(c)) && a !== content(c)) continue;
      if (isModal(a)) return a;
      for (let b = a.firstElementChild; b; b = b.nextElementSibling) if (isModal(b) && !b.contains(content(c))) return b;
    }
    return null;
  });
}

function modalEls(c: Ctx): Element[] {
  return c.memo(modalEls, () => {
    const m = modal(c);
    if (!m) return [];
    const out: Element[] = [];
    for (const e of all(m, '*')) if (!SKIP_TAGS.has(e.tagName)) out.push(e);
    return out;
  });
}

/** og: tags, only when og:url (if any) names this person. */
function og(c: Ctx, key: string): string | null {
  const mine = c.memo(og, () => {
    const u = meta(c.doc, 'og:url');
    return !u || vkProfileUrl(u) === vkProfileUrl(c.url);
  });
  return mine ? meta(c.doc, key) : null;
}

// ---------- labelled rows ----------

const ROW_TAGS = new Set(['DIV', 'SPAN', 'DT', 'TD', 'TH', 'B', 'P', 'LABEL', 'H3', 'H4', 'H5']);

/**
 * The person's own elements with text that the text checks look at (labelled rows, friend
 * buttons, "page deleted" lines): every leaf with text and every <dt>, document order, each
 * element's text read once for all of them.
 */
interface Texted {
  el: Element;
  /** no element child */
  leaf: boolean;
  /** its textContent */
  raw: string;
  /** cleaned, when raw is at most 400 characters (longer texts are no label, button or status line) */
  t: string | null;
}

// (The loops over a read's long lists are index loops: a for…of allocates an iterator
// result per element until its code is optimised, and a page is read a few times at most.)
function texted(c: Ctx): Texted[] {
  return c.memo(texted, () => {
    const out: Texted[] = [];
    const leaves = walk(c).leaves;
    for (let i = 0; i < leaves.length; i++) {
      const el = leaves[i];
      const leaf = el.tagName !== 'DT' || !el.firstElementChild;
      const raw = el.textContent ?? '';
      if (raw) out.push({ el, leaf, raw, t: raw.length > 400 ? null : clean(raw) });
    }
    return out;
  });
}

/**
 * Every "label → value" pair with one of the labels above, document order: sibling pairs
 * (div.label + div.labeled, dt + dd, modal rows) and "Label: value" text nodes.
 */
function rows(c: Ctx): [string, Element | string][] {
  return c.memo(rows, () => {
    const out: [string, Element | string][] = [];
    const add = (el: Element, raw: string, t: string) => {
      // leaves and <dt>s only ("Город: Калининград" is one text node beside an icon wrapper)
      if (!ROW_TAGS.has(el.tagName) || raw.length > 200) return;
      const lv = labelled(t);
      if (lv) {
        out.push(lv);
        return;
      }
      if (raw.length > 40) return;
      const label = t.endsWith(':') ? t.slice(0, -1).trimEnd() : t;
      const value = label && ANY_LABEL.test(label) ? el.nextElementSibling : null;
      if (value) out.push([label, value]);
    };
    const xs = texted(c);
    for (let i = 0; i < xs.length; i++) if (xs[i].t !== null) add(xs[i].el, xs[i].raw, xs[i].t!);
    for (const el of modalEls(c)) {
      if (el.firstElementChild && el.tagName !== 'DT') continue;
      const raw = el.textContent ?? '';
      add(el, raw, clean(raw));
    }
    return out;
  });
}

function row(c: Ctx, re: RegExp): Element | string | null {
  const rs = rows(c);
  for (let i = 0; i < rs.length; i++) if (re.test(rs[i][0])) return rs[i][1];
  return null;
}

/** "Город: Калининград" → ["Город", "Калининград"] when the part before the colon is a known label. */
function labelled(t: string): [string, string] | null {
  // the label is the text before the first colon, 2–40 characters; a value follows
  const i = t.indexOf(':');
  if (i < 2 || i > 40) return null;
  const label = t.slice(0, i);
  const value = t.slice(i + 1).trimStart();
  return value && ANY_LABEL.test(label) ? [label, value] : null;
}

const val = (v: Element | string | null): string => (typeof v === 'string' ? clean(v) : text(v));

function rowText(c: Ctx, re: RegExp, max = 300): string | null {
  return plausible(val(row(c, re)), max);
}

function list(v: Element | string | null): string[] {
  if (!v) return [];
  const links = typeof v === 'string' ? [] : all(v, 'a');
  const parts = links.length > 1 ? links.map((a) => text(a)) : val(v).split(/\s*[,;]\s*/);
  return uniq(parts, 100);
}

/** The header row whose icon is named by `re`: the icon's nearest ancestor with text (the icon may sit in an empty wrapper beside it). */
function iconRow(c: Ctx, re: RegExp): string | null {
  for (const icon of walk(c).icons) {
    if (!re.test(iconName(icon))) continue;
    let row: Element | null = icon.parentElement;
    for (let up = 0; row && up < 4 && !text(row, 400); up++) row = row.parentElement;
    if (!row || row === content(c)) return null;
    const t = text(row, 400);
    // "Город: Калининград" (m.vk.com): the label is not part of the value
    return plausible(labelled(t)?.[1] ?? t, 200);
  }
  return null;
}

// ---------- name ----------

function nameText(el: Element): string | null {
  const v = plausible(text(el, 400, NAME_NOISE), 120);
  if (!v || CLOSED.test(v) || WALL_HEADING.test(v) || BANNER.test(v) || DELETED.test(v)) return null;
  return v;
}

/** No profile region was found: the page is read as a whole, so only VK's own name hooks count, never any heading. */
function unplaced(c: Ctx): boolean {
  const root = content(c);
  return root === c.doc.body || root === c.doc.documentElement;
}

function nameEl(c: Ctx): Element | null {
  return c.memo(nameEl, () => {
    // VK's own name hooks first, each looked at only when those before found no name
    const hooks: (() => Element[])[] = [
      () => cls(c, 'OwnerPageName').filter((e) => e.id === 'owner_page_name'),
      () => cls(c, 'OwnerPageName'),
      () => walk(c).ownerName,
      () => cls(c, 'page_name'),
      () => cls(c, 'op_header').filter((e) => e.tagName === 'H2'),
      // a lone h1 inside the profile region (never an h2: section titles such as "Музыка" are h2s)
      () => (!unplaced(c) && tags(c, 'H1').length === 1 ? tags(c, 'H1') : []),
      // 2010–2012: the page's header over the profile, <div id="header"><h1 id="title">
      () => {
        const t = c.doc.getElementById('title');
        return t && t.tagName === 'H1' && t.parentElement?.id === 'header' && content(c).id === 'profile' ? [t] : [];
      },
    ];
    for (const list of hooks) for (const el of list()) if (nameText(el)) return el;
    return null;
  });
}

function name(c: Ctx): string | null {
  return c.memo(name, () => {
    for (const h of SPEC.name!.hooks) {
      const v = h.read(c);
      if (v) return v as string;
    }
    return null;
  });
}

// ---------- counters ----------

interface Counts {
  friends: number[];
  followers: number[];
  mutual: number[];
  shown: { friends: boolean; followers: boolean; mutual: boolean };
}

/** One counter text → its kind and number, or null ("Друзья онлайн 4", two numbers, no label). */
function counter(t: string): { kind: 'friends' | 'followers' | 'mutual' | null; n: number | null } | null {
  if (!t || t.length > 80 || COUNT.skip.test(t)) return null;
  const kind = COUNT.mutual.test(t) ? 'mutual' : COUNT.followers.test(t) ? 'followers' : COUNT.friends.test(t) ? 'friends' : null;
  if (!kind) return null;
  const nums = t.match(NUMBER) ?? [];
  return { kind, n: nums.length === 1 ? parseCount(nums[0]) : null };
}

function counts(c: Ctx): Counts {
  return c.memo(counts, () => {
    const out: Counts = { friends: [], followers: [], mutual: [], shown: { friends: false, followers: false, mutual: false } };
    // a label without a number ("Добавить в друзья", a block titled "Друзья") shows no count
    const add = (t: string) => {
      const r = counter(clean(t));
      if (!r || !r.kind || !t.match(NUMBER)) return;
      out.shown[r.kind] = true;
      if (r.n !== null) out[r.kind].push(r.n);
    };
    // the person's own counters (outermost; an element inside a counter is read with it)
    for (const el of walk(c).counters) add(text(el, 200));
    // icon rows (m.vk.com "356 подписчиков" beside followers_outline_20)
    const r = iconRow(c, ICON.counter);
    if (r) add(r);
    // people blocks: their header ("Друзья 52", "Подписчики 356 человек")
    for (const m of walk(c).modules) {
      const head = headerOf(m);
      if (!head) continue;
      let t = text(head, 200);
      if (!t.match(NUMBER)) {
        // label and count as two siblings ("Друзья" + <span>245</span>)
        const next = head.nextElementSibling;
        if (next) t += ' ' + text(next, 60);
      }
      add(t);
    }
    return out;
  });
}

/** The header of a people block, by a walk of its first elements (no selector matching). */
function headerOf(m: Element): Element | null {
  const stack: Element[] = [];
  for (let ch = m.lastElementChild; ch; ch = ch.previousElementSibling) stack.push(ch);
  for (let n = 0; stack.length && n < 300; n++) {
    const el = stack.pop()!;
    if (HEADER_TAGS.has(el.tagName) || HEADER_CLASS.test(el.getAttribute('class') ?? '')) return el;
    for (let ch = el.lastElementChild; ch; ch = ch.previousElementSibling) stack.push(ch);
  }
  return null;
}

/** One value for a counter, or null when the page shows two different ones. */
function count(c: Ctx, kind: 'friends' | 'followers' | 'mutual'): number | null {
  const xs = counts(c)[kind];
  if (!xs.length) return null;
  return xs.every((x) => x === xs[0]) ? xs[0] : null;
}

/**
 * The profile's own friend buttons and status lines ("Добавить в друзья", "У Вас в друзьях",
 * "Заявка отправлена"): leaves among the person's own elements, so never a possible
 * friend's button or a friend list's. Each with whether it says "friends" (true) or not.
 */
function friendButtons(c: Ctx): [Element, boolean][] {
  return c.memo(friendButtons, () => {
    const out: [Element, boolean][] = [];
    const xs = texted(c);
    for (let i = 0; i < xs.length; i++) {
      const { el, leaf, t } = xs[i];
      // a button's words: a leaf of hundreds of characters is a text, not a button
      if (!leaf || !t || t.length > 40) continue;
      if (NOT_FRIEND.test(t)) out.push([el, false]);
      else if (FRIEND.test(t)) out.push([el, true]);
    }
    return out;
  });
}

function status(c: Ctx): Element | null {
  return c.memo(status, () => {
    for (const k of STATUS) if (cls(c, k).length) return cls(c, k)[0];
    // (2010–2012: #profile_current_info under the full name)
    return cls(c, 'current_text').find((e) => !!e.closest('#page_current_info')) ?? c.doc.getElementById('profile_current_info');
  });
}

function avatarImg(c: Ctx): Element | null {
  const imgs = tags(c, 'IMG');
  return imgs.find((i) => (i.getAttribute('class') ?? '').split(/\s+/).some((t) => AVATAR_IMG.has(t))) ?? imgs.find((i) => !!i.closest(AVATAR_BOX)) ?? null;
}

// ---------- the fields ----------

const SPEC: Spec = {
  name: {
    hooks: [
      { via: 'og:title', read: (c) => nameOk(plausible(og(c, 'og:title'), 120)) },
      { via: 'page-heading', read: (c) => (nameEl(c) ? nameText(nameEl(c)!) : null) },
    ],
    shown: () => true,
  },
  headline: {
    hooks: [{ via: 'status', read: (c) => plausible(text(status(c)), 400) }],
    shown: (c) => status(c),
  },
  company: {
    hooks: [
      { via: 'labelled-row', read: (c) => companyRow(c) },
      { via: 'header-icon-row', read: (c) => iconRow(c, ICON.company) },
    ],
    shown: (c) => row(c, LABELS.company) || hasIcon(c, ICON.company),
  },
  position: {
    hooks: [
      { via: 'labelled-row', read: (c) => rowText(c, LABELS.position, 200) },
      // the title link inside the first "Место работы:" cell (2016–22)
      { via: 'career-row', read: (c) => careerJobs(c)[0]?.title },
    ],
    shown: (c) => row(c, LABELS.position) || careerJobs(c)[0]?.title,
  },
  location: {
    hooks: [
      { via: 'labelled-row', read: (c) => rowText(c, LABELS.city, 200) },
      { via: 'header-icon-row', read: (c) => iconRow(c, ICON.city) },
      // m.vk.com 2014–2019: <div class="pp_info">22 года, Казань</div> — age, then city
      {
        via: 'mobile-info-line',
        read: (c) => {
          const m = MOBILE_AGE_CITY.exec(text(cls(c, 'pp_info')[0]));
          return m ? plausible(m[1], 100) : null;
        },
      },
    ],
    shown: (c) => row(c, LABELS.city) || hasIcon(c, ICON.city),
  },
  hometown: {
    hooks: [{ via: 'labelled-row', read: (c) => rowText(c, LABELS.hometown, 200) }],
    shown: (c) => row(c, LABELS.hometown),
  },
  about: {
    hooks: [{ via: 'labelled-row', read: (c) => rowText(c, LABELS.about, 10_000) }],
    shown: (c) => row(c, LABELS.about),
  },
  photoUrl: {
    hooks: [
      // the avatar: an <img> in the person's part whose alt is the person's name
      {
        via: 'avatar-alt',
        read: (c) => {
          const n = name(c);
          const img = n ? tags(c, 'IMG').find((i) => clean(i.getAttribute('alt')) === n) : null;
          return imgUrl(img);
        },
      },
      { via: 'avatar-class', read: (c) => imgUrl(avatarImg(c)) },
      { via: 'og:image', read: (c) => photo(og(c, 'og:image')) },
      // m.vk.com: <div role="img" aria-label="<name>"> with the photo as a CSS background-image
      {
        via: 'avatar-background',
        read: (c) => {
          const n = name(c);
          const box = n ? walk(c).roleImg.find((e) => clean(e.getAttribute('aria-label')) === n) : null;
          const bg = box ? [box, ...all(box, '[style*="background-image"]')].find((e) => /background-image/i.test(e.getAttribute('style') ?? '')) : null;
          return photo(cssUrl(bg?.getAttribute('style')));
        },
      },
    ],
  },
  connections: {
    hooks: [{ via: 'counter', read: (c) => count(c, 'friends') }],
    shown: (c) => counts(c).shown.friends,
  },
  followers: {
    hooks: [{ via: 'counter', read: (c) => count(c, 'followers') }],
    shown: (c) => counts(c).shown.followers,
  },
  mutual: {
    hooks: [{ via: 'counter', read: (c) => count(c, 'mutual') }],
    shown: (c) => counts(c).shown.mutual,
  },
  degree: {
    hooks: [
      {
        via: 'friend-button',
        read: (c) => {
          const f = oneShown(friendButtons(c));
          // not a friend: a friend of a friend only when common friends are shown
          return f === true ? 1 : f === false && (count(c, 'mutual') ?? 0) > 0 ? 2 : null;
        },
      },
    ],
    shown: (c) => friendButtons(c).length && oneShown(friendButtons(c)) === null,
  },
  birthday: {
    hooks: [{ via: 'labelled-row', read: (c) => parseBirthday(val(row(c, LABELS.birthday))) }],
    shown: (c) => row(c, LABELS.birthday),
  },
  experience: {
    hooks: [
      {
        via: 'labelled-row',
        read: (c) => {
          const jobs = careerJobs(c);
          const company = jobs[0]?.company ?? iconRow(c, ICON.company);
          if (!company) return null;
          const title = jobs[0]?.title ?? rowText(c, LABELS.position, 200);
          return [title ? { title, company } : { company }, ...jobs.slice(1)];
        },
      },
    ],
    shown: (c) => row(c, LABELS.company) || hasIcon(c, ICON.company),
  },
  education: {
    hooks: [
      {
        via: 'labelled-row',
        read: (c) => {
          const vals = rows(c)
            .filter(([l]) => LABELS.school.test(l))
            .map(([, v]) => v);
          return uniqSchools(vals.flatMap((v) => school(typeof v === 'string' ? v : text(first(v, 'a') ?? v) + (first(v, 'a') ? yearAfter(v) : ''))));
        },
      },
      { via: 'header-icon-row', read: (c) => uniqSchools(school(iconRow(c, ICON.school) ?? '')) },
    ],
    shown: (c) => row(c, LABELS.school) || hasIcon(c, ICON.school),
  },
  languages: {
    hooks: [{ via: 'labelled-row', read: (c) => list(row(c, LABELS.languages)) }],
    shown: (c) => row(c, LABELS.languages),
  },
  interests: {
    hooks: [{ via: 'labelled-row', read: (c) => uniq(rows(c).filter(([l]) => LABELS.interests.test(l)).flatMap(([, v]) => list(v)), 100) }],
    shown: (c) => row(c, LABELS.interests),
  },
  websites: {
    hooks: [
      {
        via: 'labelled-row',
        read: (c) => {
          const v = row(c, LABELS.websites);
          const hrefs = typeof v === 'string' || !v ? [] : all(v, 'a[href]').map((a) => safeUrl(a.getAttribute('href'), c.url));
          const t = val(v);
          if (!hrefs.length && t) for (const w of t.split(/\s+/)) hrefs.push(safeUrl(/^https?:/i.test(w) ? w : `https://${w}`));
          return uniq(hrefs.filter((u): u is string => !!u && !/^https?:\/\/(?:[\w-]+\.)*vk\.(?:com|ru)\//.test(u)), 2000);
        },
      },
    ],
    shown: (c) => row(c, LABELS.websites),
  },
};

function nameOk(v: string | null): string | null {
  return v && !BANNER.test(v) && !CLOSED.test(v) && !DELETED.test(v) ? v : null;
}

function hasIcon(c: Ctx, re: RegExp): boolean {
  return walk(c).icons.some((i) => re.test(iconName(i)));
}

/** An icon's name: its classes and its <use> reference ("vkuiIcon--home_outline_20", "#home_outline_20"). */
function iconName(i: Element): string {
  const use = first(i, 'use');
  return (i.getAttribute('class') ?? '') + ' ' + (use?.getAttribute('xlink:href') ?? use?.getAttribute('href') ?? '');
}

/**
 * Every "Место работы:" row, the current job first (the short info's), as the page lists
 * them. The short info repeats one job of the career block, often without its title: that
 * copy takes the title of the career row of the same employer (the latest, when several
 * roles there are listed), and the career row is not listed twice. Two roles at one employer
 * stay two jobs.
 */
function careerJobs(c: Ctx): { company: string; title?: string }[] {
  return c.memo(careerJobs, () => {
    const all = rows(c).flatMap(([l, v]) => (LABELS.company.test(l) && career(v)) || []);
    const out: { company: string; title?: string }[] = [];
    const used = new Set<number>();
    all.forEach((j, i) => {
      if (used.has(i)) return;
      if (!j.title) {
        const same = all.map((o, k) => [o, k] as const).filter(([o, k]) => k > i && !used.has(k) && o.company === j.company);
        const titled = same.filter(([o]) => o.title);
        if (titled.length) {
          const [o, k] = titled[titled.length - 1];
          used.add(k);
          out.push({ company: j.company, title: o.title });
          return;
        }
        if (same.length) return; // an untitled copy of a later row: listed there
      }
      if (out.some((o) => o.company === j.company && o.title === j.title)) return;
      out.push(j);
    });
    return out;
  });
}

function companyRow(c: Ctx): string | null {
  return career(row(c, LABELS.company))?.company ?? null;
}

/**
 * One "Место работы:" cell: the employer is its first link with text (2016–22 put an empty
 * group-avatar link first), the title the link that searches by position (`c[position]=`).
 */
function career(v: Element | string | null): { company: string; title?: string } | null {
  if (!v) return null;
  const links = typeof v === 'string' ? [] : all(v, 'a').filter((a) => text(a));
  const pos = (a: Element) => /c(?:\[|%5B)position/i.test(a.getAttribute('href') ?? '');
  const at = links.find((a) => !pos(a));
  const company = plausible(typeof v === 'string' ? v : at ? text(at) : links.length ? '' : text(v), 200);
  const p = links.find(pos);
  const title = p && plausible(text(p), 200);
  return company ? (title ? { company, title } : { company }) : null;
}

/** "Гимназия №1 '03" — the text after a school's link (its graduation year). */
function yearAfter(v: Element): string {
  const a = first(v, 'a');
  const next = a?.nextElementSibling;
  if (next && next.tagName === 'A' && /^\s*[’'‘]\d{2}\s*$/.test(text(next))) return ' ' + text(next);
  const t = a?.nextSibling?.nodeType === 3 ? a.nextSibling.nodeValue ?? '' : '';
  return /^\s*[’'‘]\d{2}\b/.test(t) ? ' ' + clean(t).split(/\s/)[0] : '';
}

function school(t: string): School[] {
  // "МГУ им. Ломоносова '10" — VK writes the graduation year as '10
  const m = /^(.*?)\s*[’'‘](\d{2})\b(.*)$/.exec(clean(t));
  const name = plausible(m ? `${m[1]}${m[3]}` : t, 200);
  if (!name) return [];
  if (!m) return [{ school: name }];
  const y = +m[2];
  return [{ school: name, end: String(y > 50 ? 1900 + y : 2000 + y) }];
}

function uniqSchools(xs: School[]): School[] {
  const seen = new Set<string>();
  return xs.filter((s) => !seen.has(s.school.toLowerCase()) && !!seen.add(s.school.toLowerCase()));
}

/** An <img>'s photo URL; a page saved by SavePage WE inlines it as data: and keeps it in data-savepage-src. */
function imgUrl(img: Element | null | undefined): string | null {
  return photo(img?.getAttribute('src')) ?? photo(img?.getAttribute('data-savepage-src'));
}

function photo(u: string | null | undefined): string | null {
  const s = safeUrl(u);
  return s && !DEFAULT_PHOTO.test(s) ? s : null;
}

// ---------- kind of page ----------

/** A sign-in or captcha wall: by ids, names and tag lists the browser keeps (no page-wide selector scan). */
/**
 * The profile's own header (its name's block, its photo's): shown, the page is the person's
 * even when its name cannot be read — the login box beside it on every logged-out page
 * (#quick_login_form) is no wall.
 */
function header(c: Ctx): boolean {
  return c.memo(header, () => !!(c.doc.getElementById('page_info_wrap') || c.doc.getElementById('page_avatar_wrap') || cls(c, 'OwnerPageName').length));
}

function wall(c: Ctx): boolean {
  return c.memo(wall, () => {
    const d = c.doc;
    if (d.getElementById('quick_login_form') || d.getElementById('login_form') || d.getElementsByName('captcha_key').length) return true;
    for (const i of Array.from(d.getElementsByTagName('img'))) if (/captcha\.php/.test(i.getAttribute('src') ?? '')) return true;
    for (const p of Array.from(d.getElementsByTagName('input'))) if (p.getAttribute('type') === 'password' && /login/.test(p.closest('form')?.getAttribute('action') ?? '')) return true;
    for (const tag of ['h1', 'h2']) for (const h of Array.from(d.getElementsByTagName(tag))) if (WALL_HEADING.test(text(h, 200))) return true;
    return false;
  });
}

/** The page read at once (the CLI, the tests, the panel's layout report). */
export function extractVk(doc: Document, url: string): Extraction {
  return drain(readVk(doc, url));
}

/** The page read in steps, between which the content script may yield (core.ts `Steps`). */
export function* readVk(doc: Document, url: string): Steps<Extraction> {
  const c = makeCtx(doc, url);
  const canon = vkProfileUrl(url);
  if (!canon) {
    const path = pathOf(url);
    return result('vk', /^\/(?:login|join|restore|challenge)/.test(path) ? 'login-wall' : 'not-profile', null, c.lang);
  }
  // a community at a custom short name (vk.com/some_club) is not a person
  if (walk(c).group || doc.getElementById('public') || doc.getElementById('group')) {
    return result('vk', 'not-profile', null, c.lang);
  }
  yield;
  // a leaf's text is its cleaned textContent (text() of it)
  if (texted(c).some((x) => x.leaf && DELETED_TAGS.has(x.el.tagName) && DELETED.test(x.t ?? clean(x.raw)))) {
    return result('vk', 'not-profile', null, c.lang);
  }
  if (byTextIn([...cls(c, 'profile_deleted_text'), ...tags(c, 'H5'), ...cls(c, 'vkuiPlaceholder__text')], HIDDEN, (e) => text(e, 300))) {
    return result('vk', 'login-wall', canon, c.lang);
  }
  yield;
  if (vkIdentity(doc, url) === false) {
    return result('vk', 'profile', canon, c.lang, allUnreadable('identity-mismatch'));
  }
  // The profile's body is not rendered (a mobile shell whose content is still inside a
  // <template>, a page cut off before the header): only <title> could name someone,
  // and a title alone is no proof the page shows that person. Nothing is read.
  if (!nameEl(c) && !nameOk(plausible(og(c, 'og:title'), 120)) && !header(c)) {
    if (wall(c)) return result('vk', 'login-wall', canon, c.lang);
    return result('vk', 'profile', canon, c.lang, allUnreadable('not-rendered'));
  }
  const fields = yield* fieldSteps(SPEC, c);
  if (fields.name.status !== 'ok' && wall(c) && !header(c)) {
    return result('vk', 'login-wall', canon, c.lang);
  }
  // a closed profile reads like any other: what it shows is ok, the rest missing
  return result('vk', 'profile', canon, c.lang, fields);
}

/** The UI labels this extractor matches: a layout report keeps these texts as they are (layout-report.ts). */
export const UI_LABELS: readonly unknown[] = [LABELS, COUNT, FRIEND, NOT_FRIEND, CLOSED, DELETED, WALL_HEADING, HIDDEN, BANNER, /^(?:вконтакте|vk|vkontakte)$/i];
