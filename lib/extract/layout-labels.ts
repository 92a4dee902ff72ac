// The layout report's label table: every UI label the extractors know (each site
// file's UI_LABELS), as patterns to find in a text and as the words a report may
// keep. Words not in it are placeholdered (layout-report.ts).
import * as facebook from './facebook';
import * as linkedin from './linkedin';
import * as salesnav from './salesnav';
import * as vk from './vk';
import type { Site } from './types';

export interface Labels {
  /**
   * label patterns with match indices. Anchored ones ("^(?:lives in)…") are a text's
   * start or the whole text; the others are found anywhere in a short text ("500+
   * connections", "Подписчики 356"). What a pattern captures is content, not label.
   */
  patterns: { re: RegExp; anchored: boolean }[];
  /** every literal word the label patterns hold, lower case */
  vocab: Set<string>;
}

// each site file exports its label tables as UI_LABELS (read loosely: a report without labels is still a report)
const uiLabels = (m: object): unknown => (m as { UI_LABELS?: unknown }).UI_LABELS ?? [];
// (Sales Navigator's lead pages are LinkedIn's: its reader's labels join LinkedIn's)
const LABEL_SETS: Record<Site, unknown> = { linkedin: [uiLabels(linkedin), uiLabels(salesnav)], facebook: uiLabels(facebook), vk: uiLabels(vk) };
const labelCache = new Map<string, Labels>();

// keys of the extractors' tables that hold CSS selectors, not labels
const NOT_LABELS = new Set(['anchors', 'headings']);

function leaves(v: unknown, out: (RegExp | string)[], depth = 0): void {
  if (depth > 5 || v === null || v === undefined) return;
  if (v instanceof RegExp || typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) leaves(x, out, depth + 1);
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!NOT_LABELS.has(k)) leaves(x, out, depth + 1);
}

function sourceWords(src: string): string[] {
  const plain = src
    .replace(/\\(?:[pP]\{[^}]*\}|u\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|.)/g, ' ')
    .replace(/\(\?<[A-Za-z]\w*>/g, ' ');
  return plain.match(/\p{L}+/gu) ?? [];
}

const PRONOUNS = 'he him his she her hers they them their theirs xe xem ze zir он его него она её ее неё нее они их них він його вона її er ihn sie ihr il lui elle él ella ele ela on ona ono oni jego jej'.split(' ');

/** The labels of one site, or of all three when the site is unknown. */
export function labelsFor(site: Site | null): Labels {
  const key = site ?? '*';
  const hit = labelCache.get(key);
  if (hit) return hit;
  const raw: (RegExp | string)[] = [];
  for (const s of site ? [site] : (['linkedin', 'facebook', 'vk'] as const)) leaves(LABEL_SETS[s], raw);
  const labels: Labels = { patterns: [], vocab: new Set() };
  for (const r of raw) {
    const src = typeof r === 'string' ? r : r.source;
    try {
      // a label table's string is a pattern the extractor looks for inside a text (core.ts countLabelled)
      const re = typeof r === 'string' ? new RegExp(`(?<![\\p{L}])(?:${src})(?![\\p{L}])`, 'giud') : new RegExp(src, r.flags.replace(/[gyd]/g, '') + 'gd');
      labels.patterns.push({ re, anchored: src.startsWith('^') });
    } catch {
      continue; // not a pattern
    }
    for (const w of sourceWords(src)) labels.vocab.add(w.toLowerCase());
  }
  // pronouns are labels the extractors skip ("She/Her"), but which one a page shows says something about the person
  for (const w of PRONOUNS) labels.vocab.delete(w);
  labelCache.set(key, labels);
  return labels;
}

/** Every literal word of the extractors' label patterns (for tests: these are UI words, not a person's). */
export function labelVocabulary(site: Site | null = null): ReadonlySet<string> {
  return labelsFor(site).vocab;
}

export function inVocab(word: string, vocab: Set<string>): boolean {
  const w = word.toLowerCase();
  if (vocab.has(w)) return true;
  // inflected forms of a stem the pattern extends: "подписчик\p{L}*" → "подписчиков", "followers?" → "follower"
  for (let cut = 1; cut <= 4 && w.length - cut >= 4; cut++) if (vocab.has(w.slice(0, -cut))) return true;
  return false;
}
