// Topic keywords for notes, English and Russian, as data. Each entry is a word
// stem matched at the start of a word ("футбол" finds "футболом", "hockey" finds
// "hockey"); an entry starting with "=" must match the whole word (short English
// words that would otherwise hit unrelated ones: "=son" must not find "sonar").
// An entry of several words is a phrase: personal context ("his family",
// "loves reading", "перенес операцию"). Text is lower-cased and ё → е before matching.
//
// Stems that also name business things are left out on purpose (issue 20): a note
// about "running the pilot", "travel expenses", "the product family", "reading the
// contract", "the parent company", "дочерняя компания", "отпускная цена",
// "готовит предложение", "операционные расходы" names no personal topic. Such
// words appear only inside a phrase that makes them personal.
import { wordsOf } from './words';

/** Personal topics: a note that names them is evidence of intimacy (model.md). */
export const PERSONAL_TOPICS: Record<string, readonly string[]> = {
  family: [
    'his family', 'her family', 'their family', 'family trip', 'family vacation', 'family holiday', 'with the family',
    '=wife', '=husband', '=kid', '=kids', 'children', '=son', '=sons', 'daughter', 'baby', 'wedding', 'married',
    '=mom', '=dad', '=mother', '=father', 'grandson', 'granddaughter', 'grandchild',
    'семья', 'семье', 'семьи', 'семьей', '=жена', '=жены', '=жене', '=женой', '=муж', '=мужа', '=мужем', '=дети', 'детей', 'детьми',
    'ребен', 'сын', '=дочь', '=дочери', '=дочерью', 'дочк', 'свадьб', 'женил', 'замуж', '=родители', '=родителей', '=родителями',
    '=мама', '=мамой', '=папа', '=папой', 'внук', 'внучк',
  ],
  hobby: [
    'hobby', 'hobbies', 'fishing', 'photography', 'photographer', 'guitar', 'piano', 'paints', 'gardening', 'cooking', 'baking',
    'chess', 'loves reading', 'likes reading', 'avid reader', 'book club', 'collects stamps', 'collects vinyl', 'woodworking',
    'хобби', 'увлека', 'рыбалк', 'фотограф', 'гитар', 'пианино', 'рисует', '=дача', '=даче', '=дачу', 'на дачу', 'кулинар', 'шахмат',
    'коллекционирует',
  ],
  sport: [
    'football', 'soccer', 'hockey', 'tennis', 'marathon', '=runner', 'goes running', 'jogging', '=golf', 'cycling', 'skiing', '=ski',
    'swimming', 'yoga', 'rock climbing', 'bouldering', 'basketball', 'volleyball', 'triathlon', '=gym', 'crossfit', 'boxing',
    'футбол', 'хоккей', 'теннис', 'бегает', 'пробежк', 'марафон', 'гольф', 'велосипед', 'лыж', 'плаван', '=йога', '=йогой', '=йогу',
    'скалолаз', 'баскетбол', 'волейбол', 'триатлон', 'спортзал', 'фитнес', '=бокс', '=боксом', 'боксер',
  ],
  hometown: ['hometown', 'home town', 'grew up', 'born in', 'родом', 'родной город', 'родилс', 'вырос'],
  vacation: [
    'vacation', 'holiday in', 'holidays in', 'on holiday', 'back from holiday', '=отпуск', '=отпуске', 'в отпуск', 'из отпуска', 'отдыха',
    'отдыхал', 'каникул', 'путешеств',
  ],
  pets: ['=dog', '=dogs', '=cat', '=cats', 'puppy', 'собак', 'кошк', '=кот', '=кота', 'щенок', 'щенк'],
  health: ['surgery', 'hospital', 'illness', 'recovering from', 'больниц', 'перенес операц', 'болел', 'болеет'],
  celebration: ['birthday', 'wedding anniversary', 'день рождения', 'днем рождения', 'годовщина свадьбы'],
};

/** Words that mark a topic without naming it ("hobby", "увлекается"): intimacy, not small talk. */
export const GENERIC_MARKERS: ReadonlySet<string> = new Set(['hobby', 'hobbies', 'хобби', 'увлека']);

/**
 * Topics a note names, each with the keyword that found it: the first keyword per
 * topic, or with `all` every keyword found.
 */
export function findTopics(
  text: string,
  table: Record<string, readonly string[]> = PERSONAL_TOPICS,
  all = false,
): { topic: string; keyword: string; word: string }[] {
  const t = ` ${wordsOf(text)} `;
  const out: { topic: string; keyword: string; word: string }[] = [];
  for (const [topic, keys] of needlesOf(table)) {
    for (const { needle, keyword } of keys) {
      const at = t.indexOf(needle);
      if (at >= 0) {
        // the word as written (up to the end of a multi-word keyword's last word)
        const end = t.indexOf(' ', at + 1 + keyword.length);
        out.push({ topic, keyword: keyword.trim(), word: t.slice(at + 1, end < 0 ? undefined : end) });
        if (!all) break;
      }
    }
  }
  return out;
}

/**
 * What findTopics looks for in a table, built once per table: a keyword as the start of
 * a word (" tennis"), or with "=" a whole word (" ski "). A tie refresh reads every note
 * of the book, and building these strings anew for each note cost about a seventh of it
 * (the tables are the module's constants, never changed).
 */
function needlesOf(table: Record<string, readonly string[]>): [string, { needle: string; keyword: string }[]][] {
  let n = needles.get(table);
  if (!n) {
    n = Object.entries(table).map(([topic, words]) => [topic, words.map((w) => {
      const whole = w.startsWith('=');
      const keyword = whole ? w.slice(1) : w;
      return { needle: whole ? ` ${keyword} ` : ` ${keyword}`, keyword };
    })]);
    needles.set(table, n);
  }
  return n;
}
const needles = new WeakMap<object, [string, { needle: string; keyword: string }[]][]>();

/** Language names as written in profiles → ISO code. */
export const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', английский: 'en', en: 'en',
  russian: 'ru', русский: 'ru', ru: 'ru',
  german: 'de', deutsch: 'de', немецкий: 'de', de: 'de',
  french: 'fr', français: 'fr', francais: 'fr', французский: 'fr', fr: 'fr',
  spanish: 'es', español: 'es', espanol: 'es', испанский: 'es', es: 'es',
  chinese: 'zh', mandarin: 'zh', 中文: 'zh', китайский: 'zh', zh: 'zh',
  icelandic: 'is', íslenska: 'is', исландский: 'is', is: 'is',
  ukrainian: 'uk', українська: 'uk', украинский: 'uk', uk: 'uk',
  polish: 'pl', polski: 'pl', польский: 'pl', pl: 'pl',
  italian: 'it', italiano: 'it', итальянский: 'it', it: 'it',
  japanese: 'ja', японский: 'ja', ja: 'ja',
  kazakh: 'kk', казахский: 'kk', kk: 'kk',
};

/** "English (native)" → en; unknown names are kept lower-cased. */
export function languageCode(name: string): string {
  const first = name.toLowerCase().replace(/\(.*\)/, '').trim().split(/[\s,;—-]+/)[0] ?? '';
  return LANGUAGE_NAMES[first] ?? first;
}
