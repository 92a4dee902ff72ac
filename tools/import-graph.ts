// Which folders import which: every import, export-from and dynamic import() in
// lib/, components/, entrypoints/ and tools/, resolved and counted per folder
// (lib/db, components/book, …; a file directly in a top folder counts as that
// folder). Prints one line per folder with the folders it imports and how many
// import statements point there, then any folder-level cycles. --files: the
// file-level import cycles instead (type-only imports left out: they vanish at
// build time).
//   npx tsx tools/import-graph.ts [--json | --files]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const TOPS = ['lib', 'components', 'entrypoints', 'tools'];
const EXT = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** The folder a file counts in: lib/db/contacts.ts → lib/db; lib/messages.ts → lib. */
function folderOf(file: string): string {
  const parts = relative(ROOT, file).split(sep);
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function resolveSpec(from: string, spec: string): string | null {
  const bare = spec.replace(/\?.*$/, '');
  let base: string;
  if (bare.startsWith('@/') || bare.startsWith('~/')) base = join(ROOT, bare.slice(2));
  else if (bare.startsWith('.')) base = resolve(dirname(from), bare);
  else return null; // a package
  for (const e of ['', ...EXT]) {
    const p = base + e;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return base.replace(/\.js$/, '.ts');
}

/** Each file's value imports (not `import type`), resolved to files of the repository. */
function fileImports(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const top of TOPS) {
    for (const f of files(join(ROOT, top))) {
      const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
      const specs: string[] = [];
      const visit = (n: ts.Node): void => {
        if (ts.isImportDeclaration(n) && !n.importClause?.isTypeOnly) {
          const named = n.importClause?.namedBindings;
          const allTypes = !n.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
          if (!allTypes) specs.push((n.moduleSpecifier as ts.StringLiteral).text);
        } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && !n.isTypeOnly) {
          specs.push((n.moduleSpecifier as ts.StringLiteral).text);
        } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
          specs.push(n.arguments[0].text);
        } else if (ts.isNewExpression(n) && n.arguments?.[0] && ts.isStringLiteral(n.arguments[0]) && n.arguments[0].text.startsWith('.')) {
          specs.push(n.arguments[0].text); // new Worker(new URL('./x.worker.ts', import.meta.url))
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
      out.set(f, specs.map((s) => resolveSpec(f, s)).filter((t): t is string => !!t && existsSync(t)));
    }
  }
  return out;
}

/** The file-level cycles: strongly connected components of more than one file (Tarjan). */
function fileCycles(imports: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of imports.get(v) ?? []) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); c.push(relative(ROOT, w)); } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of imports.keys()) if (!idx.has(v)) strong(v);
  return out;
}

export function importGraph(): Map<string, Map<string, number>> {
  const g = new Map<string, Map<string, number>>();
  for (const top of TOPS) {
    for (const f of files(join(ROOT, top))) {
      const from = folderOf(f);
      const edges = g.get(from) ?? new Map<string, number>();
      g.set(from, edges);
      for (const ref of ts.preProcessFile(readFileSync(f, 'utf8'), true, true).importedFiles) {
        const target = resolveSpec(f, ref.fileName);
        if (!target) continue;
        const to = folderOf(target);
        if (to === from || !TOPS.includes(to.split('/')[0])) continue;
        edges.set(to, (edges.get(to) ?? 0) + 1);
      }
    }
  }
  return g;
}

function cycles(g: Map<string, Map<string, number>>): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const a of g.keys()) for (const b of g.get(a)!.keys()) {
    if (a < b && g.get(b)?.has(a) && !seen.has(`${a}|${b}`)) {
      seen.add(`${a}|${b}`);
      out.push([a, b]);
    }
  }
  return out;
}

const g = importGraph();
if (process.argv.includes('--files')) {
  const c = fileCycles(fileImports());
  console.log(c.length ? c.map((x) => `files importing each other (directly or round a ring): ${x.join(', ')}`).join('\n') : 'no file-level import cycle');
} else if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries([...g].map(([k, v]) => [k, Object.fromEntries(v)])), null, 1));
} else {
  for (const k of [...g.keys()].sort()) {
    const to = [...g.get(k)!].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t} (${n})`);
    console.log(`${k.padEnd(22)} → ${to.join(', ') || '—'}`);
  }
  const c = cycles(g);
  console.log(c.length ? `\nfolders importing each other: ${c.map(([a, b]) => `${a} ↔ ${b}`).join('; ')}` : '\nno two folders import each other');
}
