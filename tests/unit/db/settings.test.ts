import 'fake-indexeddb/auto';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { getSetting, setSetting, SETTINGS } from '@/lib/db/settings';
import { getPolicy } from '@/lib/db/retention';
import { getBackupSetting } from '@/lib/db/backup';
import { repContext } from '@/lib/db/derive';

let d: TiewiseDB;
let n = 0;
beforeEach(async () => {
  d = new TiewiseDB(`settings-${++n}`);
  await openDatabase(d);
});

/** Stores a raw value, as an older version, a hand-edited backup or a bug might have. */
const storeRaw = (key: string, value: unknown) => d.settings.put({ key, value });

describe('settings', () => {
  it('reads each key as its default when nothing is stored', async () => {
    expect(await getSetting('panelMode', d)).toBe('sales');
    expect(await getSetting('rep', d)).toBeUndefined();
    expect(await getSetting('book.customColumns', d)).toEqual([]);
    expect(await getSetting('review.wrongMerges', d)).toEqual([]);
  });

  it('reads back what was stored when it fits', async () => {
    await setSetting('panelMode', 'support', d);
    await setSetting('rep', { company: 'Globex', schools: ['MSU'] }, d);
    expect(await getSetting('panelMode', d)).toBe('support');
    expect(await getSetting('rep', d)).toEqual({ company: 'Globex', schools: ['MSU'] });
  });

  it('gives the default for a stored value that does not fit its key', async () => {
    await storeRaw('panelMode', 'marketing');
    await storeRaw('rep', 'Kate from Globex');
    await storeRaw('review.wrongMerges', [{ contactId: 7 }]);
    await storeRaw('crossSellRules', { version: 3, rules: 'none' });
    await storeRaw('lead.retention', { snapshotDays: '30' });
    await storeRaw('backup', { remindDays: 'weekly' });
    expect(await getSetting('panelMode', d)).toBe('sales');
    expect(await getSetting('rep', d)).toBeUndefined();
    expect(await repContext(d)).toBeUndefined();
    expect(await getSetting('review.wrongMerges', d)).toEqual([]);
    expect(await getSetting('crossSellRules', d)).toBeUndefined();
    // the rules are checked as one array: anything else is no rules
    await storeRaw('crossSellRules', { version: '3:0:', rules: 'none', minedAt: 1 });
    expect(await getSetting('crossSellRules', d)).toBeUndefined();
    await storeRaw('crossSellRules', { version: '3:0:', rules: [], minedAt: 1 });
    expect(await getSetting('crossSellRules', d)).toEqual({ version: '3:0:', rules: [], minedAt: 1 });
    expect(await getPolicy(d)).toEqual({ snapshotDays: null, inactiveMonths: null });
    expect(await getBackupSetting(d)).toEqual({ remindDays: 7 });
  });

  it('keeps only the names from a custom-column list with something else in it', async () => {
    await storeRaw('book.customColumns', ['Source', 42, null, 'Region']);
    expect(await getSetting('book.customColumns', d)).toEqual(['Source', 'Region']);
    await storeRaw('book.customColumns', 'Source');
    expect(await getSetting('book.customColumns', d)).toEqual([]);
  });

  it('has a default that fits its own schema for every key', () => {
    for (const [key, spec] of Object.entries(SETTINGS)) {
      expect(spec.schema.safeParse(spec.default).success, key).toBe(true);
    }
  });
});
