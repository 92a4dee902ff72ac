// VK profile extractor.
// Checked on tests/fixtures/pages/vk/:
//   vk-new-ru, vk-new-en (current web layout, 2023–)
//   vk-old-ru, vk-old-en (profile_info_row layout, –2022; drop when no user reports it)
//   vk-mobile-ru, vk-mobile-en (m.vk.com)
//   vk-closed-ru, vk-closed-en (closed profile)
//   vk-deleted-ru (not-profile), vk-captcha-ru (login-wall), vk-sections-missing-ru, vk-emoji-en;
//   vk-large (generated, ~3 MB)
import type { Extraction, School } from './types';
import {
  all, allUnreadable, byText, byTextIn, countLabelled, first, hasLabel, index, makeCtx, meta, pathOf, pick, pickOne, region, result, runSpec, titleParts, uniq,
  type Ctx, type Spec,
} from './core';
import { identityMatches } from './identity';
import { clean, parseBirthday, plausible, safeUrl, text } from './text';
import { canonicalProfileUrl } from './urls';

// ---------- hooks as data ----------

// The profile's content column (excludes the left menu, the top bar with the viewer's avatar).
const CONTENT: ((d: Document) => Element | null)[] = [
  (d) => first(d, '#profile, #content'), // web, all layouts
  (d) => first(d, '#mcont, .basis__content'), // m.vk.com
  (d) => first(d, 'main, [role="main"], #page_body'),
];

// Labelled rows: "Label: value" — old web (.profile_info_row .label + .labeled), current web
// (details modal row label + value), mobile (<dt>/<dd>). Read by label text, not by class.
const LABELS = {
  city: /^(?:город|current city|city|место жительства)$/i,
  hometown: /^(?:родной город|hometown)$/i,
  birthday: /^(?:день рождения|дата рождения|birthday|date of birth)$/i,
  company: /^(?:место работы|работа|компания|work|company|place of work)$/i,
  position: /^(?:должность|position|job title)$/i,
  school: /^(?:вуз|университет|university|college|школа|school)$/i,
  languages: /^(?:языки|languages)$/i,
  interests: /^(?:интересы|деятельность|любимые занятия|interests|activities|hobbies)$/i,
  websites: /^(?:веб-сайт|сайт|website|web site)$/i,
  about: /^(?:о себе|about me|about)$/i,
};

const COUNT = {
  friends: 'друз(?:ей|ья)(?![\\p{L}])|друга?(?![\\p{L}])|friends?',
  followers: 'подписчик\\p{L}*|followers?',
  mutual: 'общи[хй] дру[зг]\\p{L}*|mutual friends?|mutual',
};

// Current web header (2023–): short rows marked only by an icon (VKUI icon names, not hashes)
const ICON = {
  city: /(?:home|place)_outline/,
  company: /work_outline/,
};

const STATUS = '.profile_status_text, .ProfileInfo__status, #page_current_info .current_text, .pp_status, .OwnerPageStatus';
const CLOSED = /^(?:это закрытый профиль|закрытый профиль|this profile is private|this is a private profile|private profile)/i;
const DELETED = /^(?:страница удалена или ещё не создана|страница удалена|пользователь удалил свою страницу|страница заблокирована|this page has been deleted|page deleted|this profile has been deleted|the page you requested was deleted|this page has been blocked)/i;
const WALL_HEADING = /^(?:введите код с картинки|подтвердите, что вы не робот|вход вконтакте|войдите|sign in to vk|log in to vk|enter the code from the picture|confirm that you are not a robot|confirm you're not a robot)/i;
const DEFAULT_PHOTO = /\/images\/(?:camera|deactivated|community|question)_\d+|vk\.com\/images\/camera/i;

// ---------- context ----------

function content(c: Ctx): Element {
  return region(c, 'content', CONTENT);
}

// Where other people's text lives inside the content column: not searched at all
const PRUNE = '#profile_wall, .wall_module, .wall_posts, #page_wall_posts, [role="article"], aside, .ProfileFriends, #profile_friends';

/** The content column's own elements (walls, replies and friend lists pruned), indexed once per read. */
function els(c: Ctx): Element[] {
  return c.memo('els', () => index(content(c), PRUNE));
}

/** og: tags, only when og:url (if any) names this person. */
function og(c: Ctx, key: string): string | null {
  const u = meta(c.doc, 'og:url');
  if (u && canonicalProfileUrl(u)?.profileUrl !== canonicalProfileUrl(c.url)?.profileUrl) return null;
  return meta(c.doc, key);
}

/** One pass over the content: every "label → value element" pair. */
function rows(c: Ctx): [string, Element][] {
  return c.memo('rows', () => {
    const out: [string, Element][] = [];
    for (const el of pick(els(c), 'div, span, dt, td, th, b')) {
      if (el.firstElementChild && el.tagName !== 'DT') continue;
      const raw = el.textContent ?? '';
      if (raw.length > 40) continue;
      const label = clean(raw).replace(/\s*:$/, '');
      if (!label) continue;
      const value = el.nextElementSibling;
      if (value) out.push([label, value]);
    }
    return out;
  });
}

/** The header row whose icon is named by `re` ("vkuiIcon--home_outline_20", <use href="#home_outline_20">). */
function iconRow(c: Ctx, re: RegExp): Element | null {
  for (const svg of c.memo('icons', () => pick(els(c), 'svg'))) {
    const name = (svg.getAttribute('class') ?? '') + ' ' + (first(svg, 'use')?.getAttribute('xlink:href') ?? first(svg, 'use')?.getAttribute('href') ?? '');
    if (re.test(name)) return svg.parentElement;
  }
  return null;
}

function row(c: Ctx, re: RegExp): Element | null {
  for (const [l, v] of rows(c)) if (re.test(l)) return v;
  return null;
}

function rowText(c: Ctx, re: RegExp, max = 300): string | null {
  return plausible(text(row(c, re)), max);
}

function list(c: Ctx, re: RegExp): string[] {
  const v = row(c, re);
  if (!v) return [];
  const links = all(v, 'a');
  const parts = links.length > 1 ? links.map((a) => text(a)) : text(v).split(/\s*[,;]\s*/);
  return uniq(parts, 100);
}

function nameEl(c: Ctx): Element | null {
  return c.memo('nameEl', () => {
    for (const el of pick(els(c), 'h1, h2')) {
      const v = plausible(text(el), 120);
      if (v && !CLOSED.test(v) && !WALL_HEADING.test(v)) return el;
    }
    return null;
  });
}

function counters(c: Ctx): string {
  return c.memo('counters', () =>
    pick(els(c), 'a[href*="friends"], a[href*="followers"], a[href*="subscribers"], .page_counter, .Counters__item, .ProfileCounters a')
      .map((a) => text(a))
      .join(' · '),
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

function closed(c: Ctx): boolean {
  return c.memo('closed', () => !!byTextIn(pick(els(c), 'h2, h3, h4, div, span'), CLOSED, (e) => (e.firstElementChild ? '' : text(e))));
}

// ---------- the fields ----------

const SPEC: Spec = {
  name: {
    hooks: [
      { via: 'og:title', read: (c) => plausible(og(c, 'og:title'), 120) },
      { via: 'page-heading', read: (c) => plausible(text(nameEl(c)), 120) },
      { via: 'title', read: (c) => plausible(titleParts(c.doc, /^(?:вконтакте|vk|vkontakte)$/i).filter((t) => !/вход|войти|log ?in|sign in/i.test(t)).pop(), 120) },
    ],
    shown: () => true,
  },
  headline: {
    hooks: [{ via: 'status', read: (c) => plausible(text(pickOne(els(c), STATUS)), 400) }],
    shown: (c) => pickOne(els(c), STATUS),
  },
  company: {
    hooks: [
      { via: 'labelled-row', read: (c) => plausible(text(first(row(c, LABELS.company), 'a') ?? row(c, LABELS.company)), 200) },
      { via: 'header-icon-row', read: (c) => plausible(text(iconRow(c, ICON.company)), 200) },
    ],
    shown: (c) => row(c, LABELS.company) || iconRow(c, ICON.company),
  },
  position: {
    hooks: [{ via: 'labelled-row', read: (c) => rowText(c, LABELS.position, 200) }],
    shown: (c) => row(c, LABELS.position),
  },
  location: {
    hooks: [
      { via: 'labelled-row', read: (c) => rowText(c, LABELS.city, 200) },
      { via: 'header-icon-row', read: (c) => plausible(text(iconRow(c, ICON.city)), 200) },
    ],
    shown: (c) => row(c, LABELS.city) || iconRow(c, ICON.city),
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
      { via: 'og:image', read: (c) => photo(og(c, 'og:image')) },
      // the avatar: an <img> in the content column whose alt is the person's name
      {
        via: 'avatar-alt',
        read: (c) => {
          const n = name(c);
          const img = pick(els(c), 'img[alt]').find((i) => n && clean(i.getAttribute('alt')) === n);
          return photo(img?.getAttribute('src'));
        },
      },
      { via: 'avatar-class', read: (c) => photo(pickOne(els(c), 'img.page_avatar_img, img.pp_img, .ProfileHeader__avatar img')?.getAttribute('src')) },
    ],
  },
  connections: {
    hooks: [{ via: 'counter', read: (c) => countLabelled(counters(c).replace(new RegExp(`\\d[\\d\\s.,]*\\s*(?:${COUNT.mutual})`, 'giu'), ''), COUNT.friends) }],
    shown: (c) => hasLabel(counters(c).replace(new RegExp(`(?:${COUNT.mutual})`, 'giu'), ''), COUNT.friends),
  },
  followers: {
    hooks: [{ via: 'counter', read: (c) => countLabelled(counters(c), COUNT.followers) }],
    shown: (c) => hasLabel(counters(c), COUNT.followers),
  },
  mutual: {
    hooks: [{ via: 'counter', read: (c) => countLabelled(counters(c), COUNT.mutual) }],
    shown: (c) => hasLabel(counters(c), COUNT.mutual),
  },
  birthday: {
    hooks: [{ via: 'labelled-row', read: (c) => parseBirthday(text(row(c, LABELS.birthday))) }],
    shown: (c) => row(c, LABELS.birthday),
  },
  experience: {
    hooks: [
      {
        via: 'labelled-row',
        read: (c) => {
          const company = (SPEC.company!.hooks[0].read(c) ?? SPEC.company!.hooks[1].read(c)) as string | null;
          if (!company) return null;
          const title = rowText(c, LABELS.position, 200);
          return [title ? { title, company } : { company }];
        },
      },
    ],
    shown: (c) => row(c, LABELS.company) || iconRow(c, ICON.company),
  },
  education: {
    hooks: [
      {
        via: 'labelled-row',
        read: (c) =>
          rows(c)
            .filter(([l]) => LABELS.school.test(l))
            .flatMap(([, v]): School[] => {
              // "МГУ им. Ломоносова '10" — VK writes the graduation year as '10
              const t = text(v);
              const m = /^(.*?)\s*[’'‘](\d{2})\b(.*)$/.exec(t);
              const school = plausible(m ? `${m[1]}${m[3]}` : t, 200);
              if (!school) return [];
              if (!m) return [{ school }];
              const y = +m[2];
              return [{ school, end: String(y > 50 ? 1900 + y : 2000 + y) }];
            }),
      },
    ],
    shown: (c) => row(c, LABELS.school),
  },
  languages: {
    hooks: [{ via: 'labelled-row', read: (c) => list(c, LABELS.languages) }],
    shown: (c) => row(c, LABELS.languages),
  },
  interests: {
    hooks: [{ via: 'labelled-row', read: (c) => rows(c).filter(([l]) => LABELS.interests.test(l)).flatMap(([l]) => list(c, new RegExp(`^${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'))) }],
    shown: (c) => row(c, LABELS.interests),
  },
  websites: {
    hooks: [
      {
        via: 'labelled-row',
        read: (c) => {
          const v = row(c, LABELS.websites);
          const hrefs = all(v, 'a[href]').map((a) => safeUrl(a.getAttribute('href'), c.url));
          if (!hrefs.length && v) hrefs.push(safeUrl(/^https?:/i.test(text(v)) ? text(v) : `https://${text(v)}`));
          return uniq(hrefs.filter((u): u is string => !!u && !/^https?:\/\/(?:[\w-]+\.)*vk\.(?:com|ru)\//.test(u)), 2000);
        },
      },
    ],
    shown: (c) => row(c, LABELS.websites),
  },
};

function photo(u: string | null | undefined): string | null {
  const s = safeUrl(u);
  return s && !DEFAULT_PHOTO.test(s) ? s : null;
}

// ---------- kind of page ----------

function wall(c: Ctx): boolean {
  return !!(
    first(c.doc, 'img[src*="captcha.php"], .captcha, #quick_login_form, #login_form, form[action*="login"] input[type="password"], input[name="captcha_key"]') ||
    byText(c.doc, 'h1, h2, div', WALL_HEADING, (e) => (e.firstElementChild ? '' : text(e)))
  );
}

export function extractVk(doc: Document, url: string): Extraction {
  const c = makeCtx(doc, url);
  const canon = canonicalProfileUrl(url);
  if (!canon) {
    const path = pathOf(url);
    return result('vk', /^\/(?:login|join|restore|challenge)/.test(path) ? 'login-wall' : 'not-profile', null, c.lang);
  }
  if (byTextIn(pick(els(c), 'h1, h2, h3, div, span'), DELETED, (e) => (e.firstElementChild ? '' : text(e)))) {
    return result('vk', 'not-profile', null, c.lang);
  }
  if (identityMatches(doc, url) === false) {
    return result('vk', 'profile', canon.profileUrl, c.lang, allUnreadable('identity-mismatch'));
  }
  const fields = runSpec(SPEC, c);
  if ((fields.name.status !== 'ok' || (fields.name.via === 'title' && !nameEl(c))) && wall(c)) {
    return result('vk', 'login-wall', canon.profileUrl, c.lang);
  }
  void closed; // a closed profile reads like any other: what it shows is ok, the rest missing
  return result('vk', 'profile', canon.profileUrl, c.lang, fields);
}
