// Bytes → text, with the encoding detected the way CRM exports need it:
// a BOM wins; then UTF-16 by its high-byte pattern (NULs for Latin text); then UTF-8 if the bytes are
// valid UTF-8; then Windows-1251 (Russian CRM exports: Bitrix24, 1C, old amoCRM)
// when Cyrillic-looking high bytes dominate; else Windows-1252.
// Streaming: createTextDecoder() sniffs the first chunk and decodes the rest with
// TextDecoder's stream mode, so a chunk may end in the middle of a character.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252' | 'shift_jis';

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
}

/** How many leading bytes detection looks at. */
export const SNIFF_BYTES = 64 * 1024;

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
 * Windows-1251 or -1252.
 */
function byteEncoding(b: Uint8Array): Encoding {
  if (isUtf8(b) || mostlyUtf8(b)) return 'utf-8';
  if (looksShiftJis(b)) return 'shift_jis';
  return looksCyrillic1251(b) ? 'windows-1251' : 'windows-1252';
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
        if (guess.bom && guess.encoding.startsWith('windows-')) chunk = chunk.subarray(3);
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
      return text;
    },
    end() {
      const text = decoder ? decoder.decode() : '';
      count(text, new Uint8Array(0));
      return text;
    },
  };
}

/** The index of the first byte past ASCII; -1 when there is none. */
function firstHigh(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return i;
  return -1;
}

function hasBom(b: Uint8Array, enc: Encoding): boolean {
  if (enc === 'utf-8' || enc.startsWith('windows-')) return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
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
