import type { Transaction } from 'dexie';
import { profileUrlKey } from '../extract/urls';
import { findWrongMerges } from '../model/wrong-merge';
import type { Profile } from '../domain/entities';
import type { SettingKey } from './settings';

/** Settings key of the contacts the v4 upgrade found made of two people (WrongMergeReview). */
const WRONG_MERGE_REVIEW = 'review.wrongMerges' satisfies SettingKey;

/**
 * The version-4 upgrade, inside Dexie's upgrade transaction:
 * 1. every stored profile URL takes its key by the one rule (a row whose new key
 *    another row already holds keeps its URL: nothing is dropped, nothing collides);
 * 2. contacts holding profiles the old rule took for one person are listed for the
 *    user to split (the panel and the book offer it). Nothing is deleted or moved.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const profiles = tx.table<Profile, string>('profiles');
  const all = await profiles.toArray();
  const taken = new Set(all.map((p) => p.url));
  for (const p of all) {
    const key = profileUrlKey(p.url);
    if (!key || key === p.url || taken.has(key)) continue;
    taken.delete(p.url);
    taken.add(key);
    await profiles.update(p.id, { url: key });
    p.url = key;
  }
  const suspects = findWrongMerges(all);
  if (!suspects.length) return;
  await tx.table('settings').put({ key: WRONG_MERGE_REVIEW, value: suspects });
  await tx.table('log').add({
    at: Date.now(), level: 'warn', where: 'upgrade:v4',
    message: `${suspects.length} contact(s) may hold two different people; offered to split`,
  });
}
