// Bytes → text, with the encoding detected the way CRM exports need it:
// a BOM wins; then UTF-16 by its high-byte pattern (NULs for Latin text); then UTF-8 if the bytes are
// valid UTF-8; then Shift_JIS, GBK (GB18030), Big5 or EUC-KR when the text they spell is
// Japanese, Chinese or Korean (Excel and Thunderbird on Windows in those languages); then
// Windows-1251 (Russian CRM exports: Bitrix24, 1C, old amoCRM) when Cyrillic-looking high
// bytes dominate; Mac Roman (Excel for Mac's "CSV", Salesforce reports saved on a Mac) when
// its reading gives the words' letters and Windows-1252's gives punctuation inside them; else
// Windows-1252.
// Streaming: createTextDecoder() sniffs the first chunk and decodes the rest with
// TextDecoder's stream mode, so a chunk may end in the middle of a character.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252' | 'windows-1254' | 'macintosh' | 'shift_jis' | 'gb18030' | 'big5' | 'euc-kr';

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
}

/** Encodings by the names files give them (an HTML page's <meta charset>, a vCard's CHARSET=). */
const LABELS: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'windows-1251': 'windows-1251', cp1251: 'windows-1251', 'win-1251': 'windows-1251',
  'windows-1252': 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'windows-1254': 'windows-1254', 'iso-8859-9': 'windows-1254', latin5: 'windows-1254', macintosh: 'macintosh', 'x-mac-roman': 'macintosh', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', shift_jis: 'shift_jis', 'x-sjis': 'shift_jis', 'windows-31j': 'shift_jis', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', big5: 'big5', 'euc-kr': 'euc-kr', 'ks_c_5601-1987': 'euc-kr',
};

/** The encoding a file's own label names; undefined for one we do not read. */
export function encodingOfLabel(label: string): Encoding | undefined {
  return Object.hasOwn(LABELS, label.toLowerCase()) ? LABELS[label.toLowerCase()] : undefined;
}

/** How many leading bytes detection looks at. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * A document's encoding when its first bytes may name one (an HTML page's <meta charset>, an XML
 * declaration's encoding="…", matched by `declared` on them read as Latin-1): a BOM, else the name it
 * gives, else the bytes' look — and the bytes when it says UTF-8 and they are not (a server's
 * template with the wrong charset).
 */
export function declaredEncoding(bytes: Uint8Array, declared: RegExp): EncodingGuess {
  const byBytes = detectEncoding(bytes);
  if (byBytes.bom) return byBytes;
  const m = declared.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
  const said = m ? encodingOfLabel(m[1]) : undefined;
  if (said === 'utf-8' && byBytes.encoding !== 'utf-8') return byBytes;
  return { encoding: said ?? byBytes.encoding, bom: false };
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const b = bytes;
  // a UTF-8 BOM over a body that is not UTF-8 at all (Gmail's 2013 "Outlook CSV" of a French
  // account: the BOM, then Windows-1252 "André"): the body's bytes say what it is
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: byteEncoding(b.subarray(3, SNIFF_BYTES)), bom: true };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: true };

  const n = Math.min(b.length, SNIFF_BYTES);
  // UTF-16 without BOM: the high byte of each unit is nearly always the same small
  // value (0x00 for Latin text, 0x04 for Cyrillic), at odd offsets in LE, even in BE.
  if (n >= 4) {
    const even = dominantByte(b, 0, n);
    const odd = dominantByte(b, 1, n);
    if (odd.value < 0x20 && odd.share > 0.6 && odd.share > even.share + 0.2) return { encoding: 'utf-16le', bom: false };
    if (even.value < 0x20 && even.share > 0.6 && even.share > odd.share + 0.2) return { encoding: 'utf-16be', bom: false };
  }
  return { encoding: byteEncoding(b.subarray(0, n)), bom: false };
}

/**
 * UTF-8 when the bytes are; also when they are mostly UTF-8 with a few that are not (one row
 * saved in another encoding: the reader rejects the rows it cannot read and says why); else
 * Windows-1251, -1254 (Turkish) or -1252.
 */
function byteEncoding(b: Uint8Array): Encoding {
  if (isUtf8(b) || mostlyUtf8(b)) return 'utf-8';
  if (looksShiftJis(b)) return 'shift_jis';
  return cjkEncoding(b) ?? (looksCyrillic1251(b) ? 'windows-1251' : looksMacRoman(b) ? 'macintosh' : looksTurkish1254(b) ? 'windows-1254' : 'windows-1252');
}

/** Windows-1254's ğ ı İ ş Ş Ğ, which Windows-1252 reads as ð ý Ý þ Þ Ð (Icelandic's letters). */
const TURKISH = new Set([0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe]);
/** Windows-1252 letters Turkish does not write and the other languages of the West do (á é í ó ú ñ ä æ ß…). */
const NOT_TURKISH = new Set([0xc0, 0xc1, 0xc3, 0xc4, 0xc5, 0xc6, 0xc8, 0xc9, 0xcc, 0xcd, 0xd1, 0xd2, 0xd3, 0xd5, 0xd8, 0xd9, 0xda, 0xdf, 0xe0, 0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe8, 0xe9, 0xec, 0xed, 0xf1, 0xf2, 0xf3, 0xf5, 0xf8, 0xf9, 0xfa]);

/**
 * Turkish in Windows-1254 (or ISO-8859-9): its own letters (ğ ı İ ş) several times, and the
 * letters of the languages Windows-1252 is for far fewer (an Icelandic file has ð þ ý, and
 * á é í ó ú æ beside them).
 */
function looksTurkish1254(bytes: Uint8Array): boolean {
  let tr = 0;
  let other = 0;
  for (const c of bytes) {
    if (TURKISH.has(c)) tr++;
    else if (NOT_TURKISH.has(c)) other++;
  }
  return tr >= 3 && tr > 4 * other;
}

/**
 * Characters most Chinese text is made of — the commonest words' and the commonest surnames',
 * simplified and traditional: a file decoded in the wrong one of these encodings spells rare
 * characters instead (a Korean file read as GBK, a Big5 one as GBK, a Russian one that happens
 * to pair up).
 */
const COMMON_HAN = new Set(
  '的一是不了人我在有他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可她里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話儿兒者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并並内內加化由却卻代军軍产產入先山五太水万萬市眼体體别別处處总總才场場师師书書比住员員九笑性通目华華报報立马馬命张張活难難神数數件安表原车車白应應路期叫死常提感金何更反合放做系计計或司利受光王果亲親界及今京务務制解各任至清物台象记記边邊共风風战戰干接它许許八特觉覺望直服毛林题題建南度统統色字请請交爱愛让讓认認算论論百吃义義科怎元社术術结結六功指思非流每青管夫连連远遠资資队隊跟带帶花快条條院变變联聯言权權往展该該领領传傳近留红紅治决決周保达達办辦运運武半候七必城父强強步完革深区區即求品士转轉量空众眾技轻輕程告江语語英基派满滿式李息写寫识識极極令黄黃德收脸臉钱錢党黨未持取设設始版双雙历歷史商千片容研像找友孩站广廣改议議形委早房音火际際则則首单單据據导導影失拿网網香似专專石若兵弟谁誰校读讀志飞飛观觀争爭究包组組造落视視济濟喜离離虽雖兴興愿願银銀刘劉陈陳杨楊赵趙吴吳徐孙孫朱胡郭罗羅郑鄭梁谢謝宋唐韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘蒋蔣蔡余餘杜叶葉苏蘇魏吕呂丁沈姚卢盧姜崔钟鍾谭譚陆陸汪范贾賈夏韦韋付邹鄒孟熊秦邱尹薛段雷侯龙龍陶黎贺賀顾顧郝龚龔邵严嚴覃戴莫孔汤湯限科技份銷销售部经理總监監市场場電话話邮郵箱址號号',
);

/**
 * GB18030 (GBK, GB2312), Big5 or EUC-KR, when the bytes are valid in it and spell the language
 * it is for: Korean (nearly all Hangul syllables) or Chinese (Han characters, enough of them the
 * common ones). Null when none does.
 */
function cjkEncoding(b: Uint8Array): Encoding | null {
  let best: { encoding: Encoding; common: number } | null = null;
  for (const encoding of ['euc-kr', 'gb18030', 'big5'] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(b, { stream: true });
    } catch {
      continue;
    }
    let high = 0;
    let hangul = 0;
    let han = 0;
    let common = 0;
    // a character between two Latin letters: a Western word's accented letter paired with the
    // letter after it ("Jörg" in Windows-1252 is "J鰎g" in Big5), never how CJK text is written
    let inLatin = 0;
    const latin = (i: number) => /[A-Za-z]/.test(text[i] ?? '');
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) continue;
      high++;
      if (latin(i - 1) && latin(i + 1)) inLatin++;
      if (c >= 0xac00 && c <= 0xd7a3) hangul++;
      else if (c >= 0x4e00 && c <= 0x9fff) {
        han++;
        if (COMMON_HAN.has(text[i])) common++;
      }
    }
    if (inLatin * 5 > high) continue;
    if (encoding === 'euc-kr') {
      if (hangul >= 6 && hangul >= 0.8 * high) return 'euc-kr';
      continue;
    }
    if (han >= 6 && han >= 0.7 * high && common >= 0.25 * han && (!best || common > best.common)) best = { encoding, common };
  }
  return best?.encoding ?? null;
}

/**
 * Japanese Windows exports (Outlook's, Thunderbird's CSV): every byte pair valid Shift_JIS, and
 * what it spells Japanese — full-width kana among it (their lead bytes 0x82/0x83 are a rare
 * quote and ƒ in Windows-1252, ‚ and ѓ in -1251), and kana or kanji nearly all of it. A Western
 * or Russian file's accented letters break Shift_JIS at the first one before a space.
 */
function looksShiftJis(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(b, { stream: true });
  } catch {
    return false;
  }
  let kana = 0;
  let japanese = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e)) japanese++;
    else other++;
  }
  return kana >= 2 && japanese >= 4 * other;
}

function dominantByte(b: Uint8Array, parity: 0 | 1, n: number): { value: number; share: number } {
  const counts = new Uint32Array(256);
  let total = 0;
  for (let i = parity; i < n; i += 2) {
    counts[b[i]]++;
    total++;
  }
  let value = 0;
  for (let v = 1; v < 256; v++) if (counts[v] > counts[value]) value = v;
  return { value, share: total ? counts[value] / total : 0 };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Valid multi-byte UTF-8 sequences outnumber the bytes that break UTF-8 four to one; or the
 * bytes hold U+FFFD as UTF-8 writes it (EF BF BD: a UTF-8 tool's mark for a letter it lost,
 * "пїЅ" in Windows-1251): a UTF-8 file a spreadsheet damaged (LinkedIn's Connections.csv
 * after Excel), never a Windows-1251 one.
 */
function mostlyUtf8(b: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  let lost = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= b.length;
    for (let k = 1; ok && k < len; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      if (c === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) lost++;
      i += len;
    } else if (len && i + len > b.length) {
      break; // a character cut at the end of the sample
    } else {
      invalid++;
      i++;
    }
  }
  return valid > 0 && (valid >= 4 * invalid || lost > 0);
}

/**
 * In Windows-1251 Russian letters are 0xC0–0xFF (plus Ё/ё at 0xA8/0xB8) and come
 * in runs (whole words); Latin-1 accented letters sit in the same range but alone
 * between ASCII letters.
 */
function looksCyrillic1251(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x80) continue;
    high++;
    const letter = c >= 0xc0 || c === 0xa8 || c === 0xb8;
    if (!letter) continue;
    letters++;
    const prev = bytes[i - 1] ?? 0;
    const next = bytes[i + 1] ?? 0;
    if (prev >= 0xc0 || next >= 0xc0) inRuns++;
  }
  return high > 0 && letters / high > 0.6 && inRuns / letters > 0.5;
}

/**
 * Mac Roman and Windows-1252 agree on ASCII and differ on every high byte: Mac Roman's accented
 * letters are 0x80–0x9F, where Windows-1252 has punctuation ("Pe\x96a" is "Peña" on a Mac and
 * "Pe–a" on Windows), and Windows-1252's are 0xC0–0xFF, where Mac Roman has symbols and
 * capitals ("Andr\xe9" is "André" on Windows, "AndrÈ" on a Mac). Each high byte between two
 * ASCII letters is read both ways; a reading that puts a non-letter inside a word, or a capital
 * after a small letter, counts against it. Mac Roman only when Windows-1252's reading is the
 * worse one (typographic apostrophes inside words — "O’Brien", "don’t" — count against neither).
 */
function looksMacRoman(b: Uint8Array): boolean {
  const letter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const high: number[] = [];
  const at: number[] = [];
  for (let i = 1; i + 1 < b.length; i++) {
    if (b[i] >= 0x80 && letter(b[i - 1]) && letter(b[i + 1])) {
      high.push(b[i]);
      at.push(i);
    }
  }
  if (!high.length) return false;
  const bytes = Uint8Array.from(high);
  const odd = (text: string) => {
    let n = 0;
    for (let k = 0; k < text.length; k++) {
      const ch = text[k];
      const before = b[at[k] - 1];
      const after = b[at[k] + 1];
      const small = ch !== ch.toUpperCase();
      const capital = ch !== ch.toLowerCase();
      if (!small && !capital) n += /['‘’`´]/.test(ch) ? 0 : 1;
      else if (capital && before >= 0x61) n++;
      else if (small && after <= 0x5a) n++;
    }
    return n;
  };
  return odd(new TextDecoder('macintosh').decode(bytes)) < odd(cp1252(new TextDecoder('windows-1252').decode(bytes)));
}

/** Windows-1252's 0x80–0x9F (the five bytes it leaves undefined stay C1 controls, as the Encoding Standard has them). */
export const CP1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * Windows-1252 as the Encoding Standard (and every browser) decodes it: Node 20's TextDecoder
 * gives ISO-8859-1 under that label, C1 controls for 0x80–0x9F, so the command-line tools and
 * the tests would read "’" as U+0092. The same in a browser, where there is nothing to mend.
 */
function cp1252(text: string): string {
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : text;
}

export interface StreamingDecoder {
  /** Decodes one chunk; the first call detects the encoding from it. */
  write(chunk: Uint8Array): string;
  /** Flushes a character cut at the very end. */
  end(): string;
  /** Known after the first write. */
  readonly guess: EncodingGuess | undefined;
  /**
   * UTF-8 only: whether bytes so far were not UTF-8 (each became U+FFFD). A U+FFFD the
   * file itself holds (EF BF BD: letters lost before the export) is text, not this.
   */
  readonly malformed: boolean;
}

export function createTextDecoder(forced?: Encoding): StreamingDecoder {
  let decoder: TextDecoder | undefined;
  let guess: EncodingGuess | undefined;
  // U+FFFD given out vs EF BF BD read, so far; the last two bytes of the chunk before (a sequence cut between chunks)
  let given = 0;
  let held = 0;
  let tail = new Uint8Array(0);
  // UTF-8 guessed from a sample of ASCII alone (no BOM, none forced): the first bytes past ASCII
  // decide it again (a Windows-1252 "’" on row 2,000 of an English export), losslessly — the
  // text given out so far is the same in every encoding we read
  let asciiSoFar = false;
  const count = (text: string, chunk: Uint8Array) => {
    if (guess?.encoding !== 'utf-8') return;
    const before = given;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) given++;
    let b = chunk;
    if (given > before && tail.length) {
      b = new Uint8Array(tail.length + chunk.length);
      b.set(tail);
      b.set(chunk, tail.length);
    }
    if (given > before) for (let i = b.indexOf(0xef); i >= 0 && i + 2 < b.length; i = b.indexOf(0xef, i + 1)) if (b[i + 1] === 0xbf && b[i + 2] === 0xbd) held++;
    tail = b.slice(Math.max(0, b.length - 2));
  };
  return {
    get guess() {
      return guess;
    },
    get malformed() {
      return given > held;
    },
    write(chunk) {
      if (!decoder) {
        guess = forced ? { encoding: forced, bom: hasBom(chunk, forced) } : detectEncoding(chunk);
        // ignoreBOM: false (the default) makes TextDecoder drop the BOM for us; a UTF-8 BOM over a
        // single-byte body is dropped here
        decoder = new TextDecoder(guess.encoding);
        if (guess.bom && (guess.encoding.startsWith('windows-') || guess.encoding === 'macintosh')) chunk = chunk.subarray(3);
        asciiSoFar = !forced && !guess.bom && guess.encoding === 'utf-8';
      }
      if (asciiSoFar) {
        const high = firstHigh(chunk);
        if (high >= 0) {
          asciiSoFar = false;
          const encoding = byteEncoding(chunk.subarray(high, high + SNIFF_BYTES));
          if (encoding !== 'utf-8') {
            guess = { encoding, bom: false };
            decoder = new TextDecoder(encoding);
          }
        }
      }
      const text = decoder.decode(chunk, { stream: true });
      count(text, chunk);
      return guess!.encoding === 'windows-1252' ? cp1252(text) : text;
    },
    end() {
      const text = decoder ? decoder.decode() : '';
      count(text, new Uint8Array(0));
      return guess?.encoding === 'windows-1252' ? cp1252(text) : text;
    },
  };
}

/** The index of the first byte past ASCII; -1 when there is none. */
function firstHigh(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return i;
  return -1;
}

function hasBom(b: Uint8Array, enc: Encoding): boolean {
  if (enc === 'utf-8' || enc.startsWith('windows-') || enc === 'macintosh') return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  if (enc === 'utf-16le') return b[0] === 0xff && b[1] === 0xfe;
  if (enc === 'utf-16be') return b[0] === 0xfe && b[1] === 0xff;
  return false;
}

/** Whole-buffer convenience: the text and what it was decoded from. */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): EncodingGuess & { text: string } {
  const d = createTextDecoder(forced);
  const text = d.write(bytes) + d.end();
  return { ...(d.guess ?? { encoding: forced ?? 'utf-8', bom: false }), text };
}
