// Topic keywords for notes, English and Russian, as data. Each entry is a word
// stem matched at the start of a word ("футбол" finds "футболом", "hockey" finds
// "hockey"); an entry starting with "=" must match the whole word (short English
// words that would otherwise hit unrelated ones: "=son" must not find "sonar").
// Text is lower-cased and ё → е before matching.

/** Personal topics: a note that names them is evidence of intimacy (model.md). */
export const PERSONAL_TOPICS: Record<string, readonly string[]> = {
  family: [
    'family', 'wife', 'husband', '=kid', '=kids', 'child', '=son', '=sons', 'daughter', 'baby', 'wedding', 'married',
    'parents', '=mom', '=dad', 'mother', 'father', 'grandson', 'granddaughter',
    'семья', 'семье', 'семьи', 'жена', 'жены', 'жене', 'муж', 'дети', 'детей', 'детьми', 'ребен', 'сын', 'дочь', 'дочер',
    'свадьб', 'женил', 'замуж', 'родител', 'мама', 'папа', 'внук', 'внучк',
  ],
  hobby: [
    'hobby', 'hobbies', 'fishing', 'photograph', 'guitar', 'piano', 'painting', 'gardening', 'cooking', 'baking',
    'chess', 'reading', 'collects', 'collecting',
    'хобби', 'увлека', 'рыбалк', 'фотограф', 'гитар', 'пианино', 'рисует', 'рисован', 'дача', 'даче', 'дачу',
    'готовит', 'кулинар', 'шахмат', 'коллекцион',
  ],
  sport: [
    'football', 'soccer', 'hockey', 'tennis', 'running', 'marathon', '=golf', 'cycling', 'skiing', '=ski', 'swimming', 'yoga',
    'climbing', 'basketball', 'volleyball', 'triathlon', 'gym', 'crossfit', 'boxing',
    'футбол', 'хоккей', 'теннис', 'бегает', 'пробежк', 'марафон', 'гольф', 'велосипед', 'лыж', 'плаван', 'йог',
    'скалолаз', 'баскетбол', 'волейбол', 'триатлон', 'спортзал', 'фитнес', 'бокс',
  ],
  hometown: ['hometown', 'home town', 'grew up', 'born in', 'родом', 'родной город', 'родилс', 'вырос'],
  vacation: [
    'vacation', 'holiday', 'holidays', 'trip to', 'travel', 'отпуск', 'отдых', 'каникул', 'поездк', 'путешеств',
  ],
  pets: ['=dog', '=dogs', '=cat', '=cats', 'puppy', 'собак', 'кошк', '=кот', 'щенок', 'щенк'],
  health: ['surgery', 'hospital', 'illness', 'recovering', 'больниц', 'операци', 'болел', 'болеет'],
  celebration: ['birthday', 'anniversary', 'день рождения', 'днем рождения', 'юбилей', 'годовщин'],
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
  const t = ` ${text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const out: { topic: string; keyword: string; word: string }[] = [];
  for (const [topic, words] of Object.entries(table)) {
    for (const w of words) {
      const whole = w.startsWith('=');
      const k = whole ? w.slice(1) : w;
      const at = t.indexOf(whole ? ` ${k} ` : ` ${k}`);
      if (at >= 0) {
        // the word as written (up to the end of a multi-word keyword's last word)
        const end = t.indexOf(' ', at + 1 + k.length);
        out.push({ topic, keyword: k.trim(), word: t.slice(at + 1, end < 0 ? undefined : end) });
        if (!all) break;
      }
    }
  }
  return out;
}

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
