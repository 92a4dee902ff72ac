// An address book written as XML — an IP phone's directory (Yealink's and Cisco's
// <DirectoryEntry><Name>…</Name><Telephone>…</Telephone>, Grandstream's <Contact>
// <FirstName>…<Phone><phonenumber>…), a Fritz!Box phone book, a CRM's XML dump — read as
// one table: the element that repeats most (its instances holding text) is a record,
// each text-holding element under it a cell named by its tag, in the order the tags
// first appear; a tag a record repeats (two <Telephone>s) is as many columns of that
// name. The table then goes the way of an HTML table's (grid.ts): the same detection,
// mapping, rejects and accounting as a CSV; a record's line is its row in that table
// (the header row = 1).
//
// Parsed with htmlparser2 in XML mode (the import's HTML parser; no DTD, no external
// entity is ever read: only the five named and numeric character references are
// decoded). Bounded: a file of more than MAX_ELEMENTS elements, or nested deeper than MAX_DEPTH, is refused whole.
import { Parser } from 'htmlparser2';
import { type Encoding, declaredEncoding } from './decode';
import type { HtmlTable } from './html-table';
import { ImportError, MAX_CELL_CHARS, MAX_COLUMNS } from './table';
import { why } from './why';

const MAX_ELEMENTS = 1_000_000;
/** An address book nests a few levels; a file nested deeper is refused (the parser's work on it grows with the square of its depth). */
const MAX_DEPTH = 200;

interface Node {
  name: string;
  /** its path of tag names from the root, as a number (one per distinct path) */
  path: number;
  depth: number;
  children: Node[];
  text: string;
  /** some element at or under it holds text and no element (set when it closes) */
  hasText: boolean;
}

/** Whether the first bytes are an XML document (after a BOM and blank space), not an HTML page. */
export function looksLikeXml(head: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(head.subarray(0, 512)).replace(/^(?:\uFEFF|\xEF\xBB\xBF|\xFE\xFF|\xFF\xFE)/, '').replace(/\0/g, '').trimStart();
  return /^<\?xml[\s?]/i.test(start);
}

/** The document's encoding: a BOM, else its declaration's, else the bytes' look (decode.ts). */
export function xmlEncoding(bytes: Uint8Array): { encoding: Encoding; bom: boolean } {
  return declaredEncoding(bytes, /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
}

/** The document's records as one table (header row first). Throws ImportError when it has none. */
export function readXmlRecords(text: string): HtmlTable {
  const root: Node = { name: '', path: 0, depth: 0, children: [], text: '', hasText: false };
  const stack: Node[] = [root];
  // one number per distinct path ("parent's number/tag"), and each path's elements that hold text under them
  const pathIds = new Map<string, number>();
  const instances = new Map<number, Node[]>();
  let count = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (++count > MAX_ELEMENTS) throw new ImportError(why('xmlTooBig', { max: MAX_ELEMENTS }));
        if (stack.length > MAX_DEPTH) throw new ImportError(why('xmlTooDeep', { max: MAX_DEPTH }));
        const parent = stack[stack.length - 1];
        const key = `${parent.path}/${name}`;
        let path = pathIds.get(key);
        if (path === undefined) pathIds.set(key, (path = pathIds.size + 1));
        const node: Node = { name, path, depth: parent.depth + 1, children: [], text: '', hasText: false };
        parent.children.push(node);
        stack.push(node);
      },
      ontext(t) {
        const node = stack[stack.length - 1];
        if (node !== root && node.text.length <= MAX_CELL_CHARS) node.text += t;
      },
      onclosetag() {
        if (stack.length <= 1) return;
        const node = stack.pop()!;
        // (bottom up, once: an element's children closed before it)
        node.hasText = node.children.length ? node.children.some((c) => c.hasText) : node.text.trim() !== '';
        if (node.children.length && node.hasText) {
          const list = instances.get(node.path);
          if (list) list.push(node);
          else instances.set(node.path, [node]);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();

  // the path that repeats most (the shallowest of equals); its elements in document order (they closed in it)
  let records: Node[] | undefined;
  for (const list of instances.values()) {
    if (!records || list.length > records.length || (list.length === records.length && list[0].depth < records[0].depth)) records = list;
  }
  if (!records) throw new ImportError(why('xmlNoRecords'));

  const headers: string[] = [];
  const rows = records.map((rec) => {
    const seen = new Map<string, number>();
    const cells: string[] = [];
    for (const leaf of leaves(rec)) {
      const k = seen.get(leaf.name) ?? 0;
      seen.set(leaf.name, k + 1);
      // the k-th column of this name
      let at = -1;
      for (let i = 0, j = 0; i < headers.length; i++) if (headers[i] === leaf.name && j++ === k) at = i;
      if (at < 0) {
        if (headers.length >= MAX_COLUMNS) throw new ImportError(why('fileTooWide', { sheet: 'XML', columns: headers.length + 1, max: MAX_COLUMNS }));
        headers.push(leaf.name);
        at = headers.length - 1;
      }
      cells[at] = leaf.text.replace(/\s+/g, ' ').trim();
    }
    return cells;
  });
  return { name: records[0].name, rows: [headers, ...rows.map((r) => Array.from({ length: headers.length }, (_, i) => r[i] ?? ''))] };
}

/** The elements under a record that hold text and no element, in document order. */
function leaves(rec: Node): Node[] {
  const out: Node[] = [];
  const walk = [...rec.children].reverse();
  while (walk.length) {
    const x = walk.pop()!;
    if (!x.children.length) {
      if (x.text.trim()) out.push(x);
    } else for (let i = x.children.length - 1; i >= 0; i--) walk.push(x.children[i]);
  }
  return out;
}
