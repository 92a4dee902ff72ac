// The one rule for comparing words across the import and the model: lower case, ё as е,
// and every run of what is neither a letter nor a digit (of any script) as one separator.

/** A letter or digit of Latin (with its extensions) or Cyrillic, as lower case leaves them. */
const NOT_LETTER_OR_DIGIT = /[^a-z0-9\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00df-\u00f6\u00f8-\u024f\u0400-\u0481\u048a-\u052f]+/g;
/** Text whose every character is Latin (to U+024F), Cyrillic, or general punctuation. */
const LATIN_OR_CYRILLIC = /^[\x00-\u024f\u0400-\u0481\u048a-\u052f\u2010-\u2027]*$/;

/**
 * `s` lower-cased, ё as е, each run of characters that are not letters or digits
 * (`\p{L}`, `\p{N}`) replaced by `sep`. Text in Latin and Cyrillic letters (most of a
 * book) takes a plain pattern that says the same for those characters (checked for
 * every character of the Basic Multilingual Plane): a Unicode-class pattern costs about
 * twice as much, and an import runs this several times a row.
 */
export function wordsOf(s: string, sep = ' '): string {
  const t = s.toLowerCase().replace(/ё/g, 'е');
  return LATIN_OR_CYRILLIC.test(t) ? t.replace(NOT_LETTER_OR_DIGIT, sep) : t.replace(/[^\p{L}\p{N}]+/gu, sep);
}
