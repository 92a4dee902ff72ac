// Any CSV the user drops: contacts (leads and deals are people too), purchases or
// notes, told apart by the whole header row (kind.ts).
import { type ActivityReport, type NoteRecord, NoteSink, type PurchaseRecord, PurchaseSink } from './activity';
import { type FileKind, judgeKind } from './kind';
import { type ContactImportOptions, type ContactImportReport, ContactSink } from './contacts';
import { TableReader } from './table';

export type CsvImportReport =
  | ContactImportReport
  | ActivityReport<'purchases', PurchaseRecord>
  | ActivityReport<'notes', NoteRecord>;

export class CsvImport {
  private sink: ContactSink | PurchaseSink | NoteSink | undefined;
  private readonly table: TableReader;

  constructor(opts: ContactImportOptions & { kind?: FileKind } = {}) {
    this.table = new TableReader(opts, (info) => {
      const kind = opts.kind ?? (opts.preset || opts.mapping ? 'contacts' : judgeKind(info.headers).kind);
      this.sink =
        kind === 'purchases' ? new PurchaseSink(info.headers) : kind === 'notes' ? new NoteSink(info.headers) : new ContactSink(info.headers, { ...opts, entity: kind });
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
