// The bytes a preview needs, for the import worker and the in-thread runner alike.
import { formatOf, isGridFormat } from '@/lib/import/read';

/** The first 64 KB of a text file; a workbook or an HTML "xls" whole (a zip's directory is at its end). */
export async function previewInput(file: Blob & { name: string }): Promise<Uint8Array> {
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  return isGridFormat(formatOf(file.name, head)) && file.size > head.length ? new Uint8Array(await file.arrayBuffer()) : head;
}
