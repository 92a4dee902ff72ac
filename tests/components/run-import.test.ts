// One import as the import worker runs it (components/settings/run-import.ts): read, the
// page's consent, the one transaction, the rejected rows as a file; and what a cancel or
// an unreadable file leaves in the book (nothing).
import { ImportCancelled } from '@/lib/db/importer';
import { ImportError } from '@/lib/import/table';
import { ReadFailure, replyOf, runImport, type RunProgress } from '@/components/settings/run-import';
import { freshDb } from './setup';

async function* bytesOf(text: string) {
  yield new TextEncoder().encode(text);
}

const CSV = 'First Name,Last Name,Email,Company Name\r\nPriya,Sharma,priya@globex.example,Globex\r\n,,,Nobody Ltd\r\nLena,Berg,lena@initech.example,Initech\r\n';

describe('runImport', () => {
  it('reads, waits for the consent to write, writes, and gives the rejected rows as a CSV', async () => {
    const d = freshDb();
    const steps: RunProgress['step'][] = [];
    let consented = false;
    const out = await runImport(bytesOf(CSV), 'people.csv', { format: 'csv' }, {
      signal: new AbortController().signal,
      onProgress: (p) => steps.push(p.step),
      beforeWrite: async () => {
        // nothing is written before the consent
        expect(await d.contacts.count()).toBe(0);
        consented = true;
      },
    });
    expect(consented).toBe(true);
    expect(steps[0]).toBe('reading');
    expect(steps.at(-1)).toBe('writing');
    expect(out.result.summary.added).toBe(2);
    expect(out.result.summary.rejected).toBe(1);
    expect((await d.contacts.toArray()).map((c) => c.name).sort()).toEqual(['Lena Berg', 'Priya Sharma']);
    expect(out.rejects?.ext).toBe('csv');
    expect(out.rejects?.text).toBe('\uFEFFFirst Name,Last Name,Email,Company Name\r\n,,,Nobody Ltd\r\n');
  });

  it('no rejected row: no rejects file', async () => {
    freshDb();
    const out = await runImport(bytesOf('Name,Email\r\nAda Lind,ada@example.com\r\n'), 'one.csv', { format: 'csv' }, {
      signal: new AbortController().signal, onProgress: () => {}, beforeWrite: () => Promise.resolve(),
    });
    expect(out.rejects).toBeNull();
  });

  it('cancelled while waiting for the consent: ImportCancelled, and the book is untouched', async () => {
    const d = freshDb();
    const ctl = new AbortController();
    const run = runImport(bytesOf(CSV), 'people.csv', { format: 'csv' }, {
      signal: ctl.signal, onProgress: () => {}, beforeWrite: async () => ctl.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(await d.contacts.count()).toBe(0);
  });

  it('cancelled during the writing: the transaction rolls back', async () => {
    const d = freshDb();
    const ctl = new AbortController();
    const run = runImport(bytesOf(CSV), 'people.csv', { format: 'csv' }, {
      signal: ctl.signal,
      // the first write chunk's progress: the rows are in the transaction, not yet kept
      onProgress: (p) => p.step === 'writing' && p.done > 0 && ctl.abort(),
      beforeWrite: () => Promise.resolve(),
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(await d.contacts.count()).toBe(0);
  });

  it('a file that cannot be read: ReadFailure with the reader’s reason, posted as a read error', async () => {
    const d = freshDb();
    const run = runImport(bytesOf('{"not": "a contacts file"'), 'x.json', { format: 'json' }, {
      signal: new AbortController().signal, onProgress: () => {}, beforeWrite: () => Promise.resolve(),
    });
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadFailure);
    expect((err as ReadFailure).error).toBeInstanceOf(ImportError);
    const reply = replyOf(err);
    expect(reply).toMatchObject({ type: 'error', phase: 'read', name: 'ImportError' });
    expect(reply.why?.reason).toBeTruthy();
    expect(await d.contacts.count()).toBe(0);
  });

  it('an error while writing is posted as a write error (the import was rolled back)', () => {
    expect(replyOf(new ImportCancelled())).toEqual({ type: 'error', phase: 'write', name: 'ImportCancelled', message: 'import-cancelled' });
  });
});
