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
// decoded). Bounded: a file of more than MAX_ELEMENTS elements is refused whole.
import { Parser } from 'htmlparser2';
import { type Encoding, detectEncoding, encodingOfLabel } from './decode';
import type { HtmlTable } from './html-table';
import { ImportError, MAX_CELL_CHARS, MAX_COLUMNS } from './table';
import { why } from './why';

const MAX_ELEMENTS = 1_000_000;

interface Node {
  name: string;
  path: string;
  children: Node[];
  text: string;
}

/** Whether the first bytes are an XML document (after a BOM and blank space), not an HTML page. */
export function looksLikeXml(head: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(head.subarray(0, 512)).replace(/^(?:\uFEFF|\xEF\xBB\xBF|\xFE\xFF|\xFF\xFE)/, '').replace(/\0/g, '').trimStart();
  return /^<\?xml[\s?]/i.test(start);
}

/** The document's encoding: a BOM, else its declaration's, else the bytes' look (decode.ts). */
export function xmlEncoding(bytes: Uint8Array): { encoding: Encoding; bom: boolean } {
  const byBytes = detectEncoding(bytes);
  if (byBytes.bom) return byBytes;
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 512)));
  const said = m ? encodingOfLabel(m[1]) : undefined;
  if (said === 'utf-8' && byBytes.encoding !== 'utf-8') return byBytes;
  return { encoding: said ?? byBytes.encoding, bom: false };
}

/** The document's records as one table (header row first). Throws ImportError when it has none. */
export function readXmlRecords(text: string): HtmlTable {
  const root: Node = { name: '', path: '', children: [], text: '' };
  const stack: Node[] = [root];
  let count = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (++count > MAX_ELEMENTS) throw new ImportError(why('xmlTooBig', { max: MAX_ELEMENTS }));
        const parent = stack[stack.length - 1];
        const node: Node = { name, path: `${parent.path}/${name}`, children: [], text: '' };
        parent.children.push(node);
        stack.push(node);
      },
      ontext(t) {
        const node = stack[stack.length - 1];
        if (node !== root && node.text.length <= MAX_CELL_CHARS) node.text += t;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();

  // how many times each path holds an element with elements under it, and text somewhere below
  const instances = new Map<string, Node[]>();
  const walk: Node[] = [...root.children];
  while (walk.length) {
    const n = walk.pop()!;
    if (n.children.length && hasText(n)) {
      const list = instances.get(n.path);
      if (list) list.push(n);
      else instances.set(n.path, [n]);
    }
    walk.push(...n.children);
  }
  let best: Node[] | undefined;
  for (const [path, list] of instances) {
    const depth = path.split('/').length;
    if (!best || list.length > best.length || (list.length === best.length && depth < best[0].path.split('/').length)) best = list;
  }
  if (!best) throw new ImportError(why('xmlNoRecords'));
  // document order (the walk above went backwards)
  const records = best.reverse();

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

function hasText(n: Node): boolean {
  const walk = [n];
  while (walk.length) {
    const x = walk.pop()!;
    if (!x.children.length && x.text.trim()) return true;
    walk.push(...x.children);
  }
  return false;
}

/** The elements under a record that hold text and no element, in document order. */
function leaves(rec: Node): Node[] {
  const out: Node[] = [];
  const walk = [...rec.children].reverse();
  while (walk.length) {
    const x = walk.pop()!;
    if (!x.children.length) {
      if (x.text.trim()) out.push(x);
    } else walk.push(...[...x.children].reverse());
  }
  return out;
}
