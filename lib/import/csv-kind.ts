// Any CSV the user drops: contacts, purchases or notes, told apart by the header row.
import { type ActivityReport, type NoteRecord, NoteSink, type PurchaseRecord, PurchaseSink, detectCsvKind } from './activity';
import { type ContactImportOptions, type ContactImportReport, ContactSink } from './contacts';
import { TableReader } from './table';

export type CsvImportReport =
  | ContactImportReport
  | ActivityReport<'purchases', PurchaseRecord>
  | ActivityReport<'notes', NoteRecord>;

export class CsvImport {
  private sink: ContactSink | PurchaseSink | NoteSink | undefined;
  private readonly table: TableReader;

  constructor(opts: ContactImportOptions & { kind?: 'contacts' | 'purchases' | 'notes' } = {}) {
    this.table = new TableReader(opts, (info) => {
      const kind = opts.kind ?? (opts.preset || opts.mapping ? 'contacts' : detectCsvKind(info.headers));
      this.sink =
        kind === 'purchases' ? new PurchaseSink(info.headers) : kind === 'notes' ? new NoteSink(info.headers) : new ContactSink(info.headers, opts);
      return this.sink;
    });
  }

  push(chunk: Uint8Array | string): void {
    this.table.push(chunk);
  }

  /** Throws ImportError when the file has no header row at all. */
  end(): CsvImportReport {
    const info = this.table.end();
    return this.sink!.report(info);
  }
}

export function importCsv(input: Uint8Array | string, opts?: ConstructorParameters<typeof CsvImport>[0]): CsvImportReport {
  const imp = new CsvImport(opts);
  imp.push(input);
  return imp.end();
}
