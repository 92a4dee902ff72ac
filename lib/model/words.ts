// The one rule for comparing words across the import and the model: lower case, ё as е,
// and every run of what is neither a letter, a mark nor a digit (of any script) as one separator
// (a Thai or Hindi word's vowel signs are marks inside it).

/** A letter or digit of Latin (with its extensions) or Cyrillic, as lower case leaves them. */
const NOT_LETTER_OR_DIGIT = /[^a-z0-9\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00df-\u00f6\u00f8-\u024f\u0400-\u0481\u048a-\u052f]+/g;
/** Text whose every character is Latin (to U+024F), Cyrillic, or general punctuation. */
const LATIN_OR_CYRILLIC = /^[\x00-\u024f\u0400-\u0481\u048a-\u052f\u2010-\u2027]*$/;

/**
 * `s` lower-cased, ё as е, each run of characters that are not letters, marks or digits
 * (`\p{L}`, `\p{M}`, `\p{N}`; an emoji's variation selector is no mark) replaced by `sep`. Text in Latin and Cyrillic letters (most of a
 * book) takes a plain pattern that says the same for those characters (checked for
 * every character of the Basic Multilingual Plane): a Unicode-class pattern costs about
 * twice as much, and an import runs this several times a row.
 */
export function wordsOf(s: string, sep = ' '): string {
  const t = s.toLowerCase().replace(/ё/g, 'е');
  if (LATIN_OR_CYRILLIC.test(t)) return t.replace(NOT_LETTER_OR_DIGIT, sep);
  // (an emoji's variation selector, "♥️", is a mark of no word)
  return t.replace(/[\ufe00-\ufe0f]/g, '').replace(/[^\p{L}\p{M}\p{N}]+/gu, sep);
}
