// Name normalisation for matching one person across LinkedIn, Facebook, VK and the
// CRM: both scripts are folded to one loose phonetic Latin key, so "Иван Петров",
// "Ivan Petrov" and "IVAN  PETROV" share keys, and transliteration variants
// (Yulia/Iuliia/Julia, Dmitriy/Dmitrii/Dmitry, Shchukin/Schukin) collapse.
// Over 300 lines on purpose: one folding of names (the script tables, the phonetic key
// that uses them, and the name comparison built on that key), read together.

/** Cyrillic → Latin, one simple table (close to the common passport style). */
const CYR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

/** Latin letters NFKD does not decompose. */
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ı: 'i',
};

const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * CYR and LATIN_EXTRA by character code (each key is one character): looked up by a number,
 * where a lookup by the character made a string of each character of a name first.
 */
const LATIN_OF: (string | undefined)[] = [];
for (const [ch, latin] of [...Object.entries(CYR), ...Object.entries(LATIN_EXTRA)]) LATIN_OF[ch.charCodeAt(0)] = latin;

/** Lower-case, strip diacritics, transliterate Cyrillic; keeps spaces between words. */
export function toLatin(s: string): string {
  // most names and company words are plain ASCII: nothing to decompose or transliterate
  if (!NOT_ASCII.test(s)) return s.toLowerCase();
  const lower = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // each character the tables name replaced, every run of other characters copied as it is
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const latin = LATIN_OF[lower.charCodeAt(i)];
    if (latin === undefined) continue;
    out += lower.slice(from, i) + latin;
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/**
 * The loose phonetic key of one word (already Latin, lower case, letters only).
 * Order matters: multi-letter spellings first, then single-letter folds, then
 * double letters.
 */
export function foldWord(w: string): string {
  let s = folded.get(w);
  if (s === undefined) {
    s = foldWordNow(w);
    if (folded.size >= FOLD_CACHE) folded.clear();
    folded.set(w, s);
  }
  return s;
}
// Names and company words repeat across a book (Ivan, Petrov, LLC, Group): an import
// or a tie refresh of 100,000 contacts folds each distinct word once, not each time
// (fifteen regular expressions a word). Bounded: cleared when full.
const folded = new Map<string, string>();
const FOLD_CACHE = 50_000;

function foldWordNow(w: string): string {
  let s = w.replace(/[^a-z0-9]/g, '');
  s = s
    .replace(/shch/g, 'sh') // Щукин: Shchukin
    .replace(/sch/g, 'sh') // Schukin
    .replace(/tch/g, 'ch')
    .replace(/kh/g, 'h') // Mikhail / Mihail
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks') // Alexey / Aleksey
    .replace(/ck/g, 'k')
    .replace(/c(?!h)/g, 'k') // Victor / Viktor
    .replace(/tz/g, 'ts')
    .replace(/w/g, 'v') // Iwanow / Ivanov
    .replace(/q/g, 'k')
    .replace(/j/g, 'y') // Julia / Yulia, Dmitrij
    .replace(/y/g, 'i') // Yulia / Iulia, Dmitriy / Dmitrii
    .replace(/^ie/, 'e') // Yelena / Elena, Yevgeny / Evgeny
    .replace(/([^aeiou])er$/, '$1r') // Alexander / Aleksandr, Peter / Petr
    .replace(/(.)\1+/g, '$1'); // Iuliia / Yulia, Anna / Ana
  return s;
}

const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'jr', 'sr', 'ii', 'iii', 'iv',
  'phd', 'mba', 'md', 'esq', 'gospodin', 'gospozha', 'g-n', 'g-zha',
]);

const PATRONYMIC = /(ovich|evich|ovna|evna|ichna|inichna|ich)$/;

export interface NameToken {
  /** the word as written, lower case Latin */
  latin: string;
  /** the loose phonetic key */
  key: string;
  /** a one-letter initial ("A." or "A") */
  initial: boolean;
  /** written in Cyrillic */
  cyrillic: boolean;
}

export interface ParsedName {
  tokens: NameToken[];
  /** tokens that are full words (not initials) */
  full: NameToken[];
  patronymic?: string;
}

/**
 * Splits a display name into tokens. Handles "Last, First", initials ("A. K.
 * Kowalski", "A.K."), honorifics and suffixes, Russian patronymics (dropped from
 * matching: profiles rarely show them).
 */
export function parseName(raw: string): ParsedName {
  let s = raw.trim();
  // "Last, First" → "First Last" (order does not matter to matching, but the
  // comma must not glue tokens)
  const comma = s.indexOf(',');
  if (comma > 0) s = `${s.slice(comma + 1)} ${s.slice(0, comma)}`;
  // Split initials written together: "A.K." → "A. K."
  if (s.includes('.')) s = s.replace(/(\p{L})\.(?=\p{L})/gu, '$1. ');
  const words = s.split(/[\s\-_.,;:'’"«»()/]+/u).filter(Boolean);
  const tokens: NameToken[] = [];
  let patronymic: string | undefined;
  for (const w of words) {
    const { latin, key, cyrillic } = wordOf(w);
    if (!latin || HONORIFICS.has(latin)) continue;
    if (!key) continue;
    if (latin.length > 5 && PATRONYMIC.test(latin) && words.length >= 3 && !patronymic) {
      patronymic = key;
      continue;
    }
    tokens.push({ latin, key, initial: latin.length === 1, cyrillic });
  }
  return { tokens, full: tokens.filter((t) => !t.initial), patronymic };
}

/** One word of a name, folded: its Latin letters, its key, whether it was written in Cyrillic. */
interface NameWord {
  latin: string;
  key: string;
  cyrillic: boolean;
}

/** A name word folded once per distinct spelling (names repeat across a book, as foldWord's words do). */
function wordOf(w: string): NameWord {
  let x = nameWords.get(w);
  if (!x) {
    const latin = toLatin(w).replace(/[^a-z0-9]/g, '');
    x = { latin, key: latin ? foldWord(latin) : '', cyrillic: CYRILLIC.test(w) };
    if (nameWords.size >= FOLD_CACHE) nameWords.clear();
    nameWords.set(w, x);
  }
  return x;
}
const nameWords = new Map<string, NameWord>();
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Nicknames and cross-language equivalents, one group per given name; the first
 * entry is the group's canonical form. Entries are folded on load, so any
 * spelling (Latin or Cyrillic) may be written.
 */
export const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'rick', 'dick', 'rich', 'ricky'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon', 'ivan', 'vanya', 'johann', 'juan', 'jan', 'ваня', 'иван'],
  ['michael', 'mike', 'mick', 'mikhail', 'misha', 'миша', 'михаил', 'michal', 'miguel'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey', 'jose', 'pepe', 'josef', 'iosif', 'osip'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['charles', 'charlie', 'chuck', 'karl', 'carlos'],
  ['christopher', 'chris', 'kristof'],
  ['daniel', 'dan', 'danny', 'danila', 'danil', 'данила', 'даниил', 'daniil'],
  ['anthony', 'tony', 'antonio', 'anton', 'антон'],
  ['andrew', 'andy', 'drew', 'andrey', 'andrei', 'andrzej', 'andreas', 'андрей', 'андрюша'],
  ['stephen', 'steven', 'steve', 'stepan', 'степан', 'stefan', 'esteban'],
  ['nicholas', 'nick', 'nikolai', 'nikolay', 'kolya', 'коля', 'николай', 'nicolas', 'mykola'],
  ['alexander', 'alex', 'sasha', 'sanya', 'shura', 'aleksandr', 'alexandr', 'саша', 'александр', 'alejandro', 'sandro'],
  ['alexandra', 'alex', 'sasha', 'sandra', 'aleksandra', 'александра', 'саша', 'shura'],
  ['alexey', 'aleksey', 'alexei', 'lyosha', 'lesha', 'алексей', 'лёша', 'алёша', 'alex'],
  ['dmitry', 'dima', 'dmitri', 'dmitriy', 'дмитрий', 'дима', 'mitya'],
  ['sergey', 'sergei', 'serge', 'seryozha', 'sergio', 'сергей', 'серёжа'],
  ['vladimir', 'volodya', 'vova', 'владимир', 'вова', 'володя', 'vladimiro'],
  ['evgeny', 'evgeniy', 'yevgeny', 'zhenya', 'евгений', 'женя', 'eugene', 'gene'],
  ['evgenia', 'yevgenia', 'zhenya', 'евгения', 'женя', 'eugenia'],
  ['konstantin', 'kostya', 'константин', 'костя', 'constantine'],
  ['peter', 'pete', 'petr', 'pyotr', 'petya', 'пётр', 'петя', 'pedro', 'pierre', 'piotr'],
  ['paul', 'pavel', 'pasha', 'павел', 'паша', 'pablo', 'pawel'],
  ['george', 'yuri', 'yury', 'yuriy', 'georgy', 'georgiy', 'zhora', 'юрий', 'георгий', 'jorge', 'jerzy'],
  ['gregory', 'greg', 'grigory', 'grisha', 'григорий', 'гриша'],
  ['maxim', 'max', 'maksim', 'максим', 'макс', 'maximilian'],
  ['ilya', 'elijah', 'илья'],
  ['fedor', 'fyodor', 'fedya', 'федор', 'фёдор', 'theodore', 'ted', 'teddy'],
  ['leonid', 'lenya', 'леонид', 'лёня'],
  ['boris', 'borya', 'борис', 'боря'],
  ['mikael', 'mika'],
  ['katherine', 'kate', 'katie', 'kathy', 'catherine', 'kathryn', 'katya', 'ekaterina', 'yekaterina', 'katerina', 'екатерина', 'катя', 'catalina'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'elizaveta', 'liza', 'елизавета', 'лиза', 'isabel'],
  ['margaret', 'maggie', 'meg', 'peggy', 'margarita', 'rita', 'маргарита'],
  ['jennifer', 'jen', 'jenny'],
  ['rebecca', 'becky'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['susan', 'sue', 'susie', 'suzanne'],
  ['helen', 'elena', 'yelena', 'lena', 'елена', 'лена', 'helena', 'alena', 'alyona', 'алёна'],
  ['julia', 'yulia', 'iuliia', 'yuliya', 'julie', 'юлия', 'юля', 'yulya', 'giulia'],
  ['maria', 'mary', 'masha', 'mariya', 'мария', 'маша', 'marie', 'maryia'],
  ['anna', 'anya', 'ann', 'anne', 'annie', 'анна', 'аня', 'hannah'],
  ['natalia', 'natalya', 'natasha', 'natalie', 'наталья', 'наталия', 'наташа'],
  ['olga', 'olya', 'ольга', 'оля', 'helga'],
  ['tatiana', 'tatyana', 'tanya', 'татьяна', 'таня'],
  ['irina', 'ira', 'ирина', 'ира', 'irene'],
  ['svetlana', 'sveta', 'светлана', 'света'],
  ['anastasia', 'nastya', 'анастасия', 'настя', 'stacy'],
  ['victoria', 'vika', 'виктория', 'вика', 'vicky', 'tori'],
  ['daria', 'darya', 'dasha', 'дарья', 'даша'],
  ['ksenia', 'kseniya', 'oksana', 'ксения', 'ксюша', 'xenia'],
  ['lyudmila', 'ludmila', 'lyuda', 'mila', 'людмила', 'люда'],
  ['valentina', 'valya', 'валентина', 'валя'],
  ['sofia', 'sophia', 'sonya', 'софия', 'софья', 'соня', 'sophie'],
];

// built at the first lookup, not as the module loads: a page that never compares names
// (and every page's first task) does not fold the groups' 300 spellings
let nicknameIndex: Map<string, string[]> | undefined;

function buildNicknameIndex(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const group of NICKNAME_GROUPS) {
    const keys = group.map((n) => foldWord(toLatin(n)));
    const canonical = keys[0];
    for (const k of keys) {
      const list = m.get(k) ?? [];
      if (!list.includes(canonical)) list.push(canonical);
      m.set(k, list);
    }
  }
  return m;
}

/** Canonical given-name keys a name key belongs to (empty when it is in no group). */
export function nicknameGroups(key: string): string[] {
  return (nicknameIndex ??= buildNicknameIndex()).get(key) ?? [];
}

/** Edit distance, cut off early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** How two name tokens relate, strongest first. */
export type TokenMatch = 'exact' | 'translit' | 'nickname' | 'initial' | 'fuzzy' | 'none';

const TOKEN_RANK: Record<TokenMatch, number> = { exact: 5, translit: 4, nickname: 3, fuzzy: 2, initial: 1, none: 0 };

export function compareTokens(a: NameToken, b: NameToken): TokenMatch {
  if (a.initial || b.initial) {
    const ia = a.key[0];
    const ib = b.key[0];
    if (a.initial && b.initial) return ia === ib ? 'initial' : 'none';
    const full = a.initial ? b : a;
    const init = a.initial ? a : b;
    if (full.key[0] === init.key[0] || full.latin[0] === init.latin[0]) return 'initial';
    // "A. Petrov" vs "Sasha Petrov": the initial of a canonical form
    return nicknameGroups(full.key).some((g) => g[0] === init.key[0]) ? 'initial' : 'none';
  }
  if (a.latin === b.latin && a.cyrillic === b.cyrillic) return 'exact';
  if (a.key === b.key) return 'translit';
  const ga = nicknameGroups(a.key);
  if (ga.length && nicknameGroups(b.key).some((g) => ga.includes(g))) return 'nickname';
  // One typo in a long word — but never a bare gender ending (Petrov / Petrova).
  if (a.key.length >= 5 && b.key.length >= 5 && a.key.slice(0, 2) === b.key.slice(0, 2)) {
    const genderPair = a.key + 'a' === b.key || b.key + 'a' === a.key;
    if (!genderPair && editDistance(a.key, b.key, 1) <= 1) return 'fuzzy';
  }
  return 'none';
}

export type NameMatchKind = Exclude<TokenMatch, 'none'> | 'partial' | 'none';

export interface NameComparison {
  kind: NameMatchKind;
  /** token pairs as matched, for the reasons */
  pairs: { a: string; b: string; match: TokenMatch }[];
}

/**
 * Compares two parsed names independent of order: every token of the shorter
 * name (patronymics aside, unless both have one and they differ) must match a distinct token of the longer one, and at
 * least one pair must be a full word that is not only a nickname (the surname,
 * usually). The result is the weakest pair's kind. One-word names only reach
 * `partial`.
 */
export function compareNames(a: ParsedName, b: ParsedName): NameComparison {
  const none: NameComparison = { kind: 'none', pairs: [] };
  if (!a.tokens.length || !b.tokens.length) return none;
  // two patronymics that differ are two people (Иванов Пётр Сергеевич and Иванов Пётр Алексеевич: a son
  // named after his grandfather); one name without its patronymic still matches
  if (a.patronymic && b.patronymic && a.patronymic !== b.patronymic) return none;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  const swapped = short !== a.tokens;
  // Greedy assignment of the short name's tokens, strongest matches first; names
  // have two to four tokens, so this is a handful of comparisons.
  const cand: { i: number; j: number; m: TokenMatch }[] = [];
  for (let i = 0; i < short.length; i++)
    for (let j = 0; j < long.length; j++) {
      const m = compareTokens(short[i], long[j]);
      if (m !== 'none') cand.push({ i, j, m });
    }
  cand.sort((x, y) => TOKEN_RANK[y.m] - TOKEN_RANK[x.m] || x.i - y.i || x.j - y.j);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  const pairs: NameComparison['pairs'] = [];
  for (const c of cand) {
    if (usedI.has(c.i) || usedJ.has(c.j)) continue;
    usedI.add(c.i);
    usedJ.add(c.j);
    const [ta, tb] = swapped ? [long[c.j], short[c.i]] : [short[c.i], long[c.j]];
    pairs.push({ a: ta.latin, b: tb.latin, match: c.m });
  }
  if (usedI.size < short.length) return none;
  const anchor = pairs.some((p) => p.match === 'exact' || p.match === 'translit' || p.match === 'fuzzy');
  if (!anchor) return none;
  if (short.length === 1) return { kind: 'partial', pairs };
  let weakest: TokenMatch = 'exact';
  for (const p of pairs) if (TOKEN_RANK[p.match] < TOKEN_RANK[weakest]) weakest = p.match;
  return { kind: weakest as NameMatchKind, pairs };
}

/**
 * The blocking keys stored in the contacts' multiEntry `nameKeys` index: each
 * full word's key (`t:petrov`) and, for each end of the name taken as the
 * surname, the surname key plus the other end's initial (`s:petrov|i`), also
 * under the canonical initial of a nickname (Bill → `s:gates|w`). Two to six
 * keys for an ordinary name.
 */
export function nameKeys(name: string): string[] {
  return keysOfParsed(parseName(name));
}

export function keysOfParsed(p: ParsedName): string[] {
  const out = new Set<string>();
  for (const t of p.full) out.add(`t:${t.key}`);
  const toks = p.tokens;
  if (toks.length >= 2) {
    const ends: [NameToken, NameToken][] = [
      [toks[toks.length - 1], toks[0]],
      [toks[0], toks[toks.length - 1]],
    ];
    for (const [sur, first] of ends) {
      if (sur.initial) continue;
      for (const i of initialsOf(first)) out.add(`s:${sur.key}|${i}`);
    }
  }
  return [...out];
}

/** The lookup keys for a name being searched: the pair keys when the name has two
 * or more words (selective), the word keys otherwise. */
export function lookupKeys(p: ParsedName): string[] {
  const keys = keysOfParsed(p);
  const pair = keys.filter((k) => k.startsWith('s:'));
  return pair.length ? pair : keys;
}

function initialsOf(t: NameToken): string[] {
  const out = new Set<string>([t.key[0]]);
  if (!t.initial) for (const g of nicknameGroups(t.key)) out.add(g[0]);
  return [...out];
}

/** Folded form of a free-text value (company, city): words' keys joined by spaces. */
export function foldText(s: string): string {
  return toLatin(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}
