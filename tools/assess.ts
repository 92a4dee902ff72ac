// `npm run --silent assess -- <file.json>` — the network model as a command
// (docs/assess.md): reads one JSON object (a contact with its interactions, notes,
// purchases, complaints, deals, linked-profile reads, the rep's own profile and
// the other contacts at the same organisation) and prints the judgement:
// { networkType, stage, state, score, strength, contributions, reasons, nextStep,
//   needs?, personalTopics }.
// Exit 0 with the JSON on stdout; exit 2 with one line on stderr when the input
// cannot be read (missing, a directory, empty, too large, not JSON, not the shape).
import { readFileSync, statSync } from 'node:fs';
import { ZodError } from 'zod';
import { assessFile } from '../lib/model/assess-file';

const MAX_BYTES = 20 * 1024 * 1024;

function fail(message: string): never {
  process.stderr.write(`assess: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) fail('usage: assess <file.json>');
let text: string;
try {
  const st = statSync(file);
  if (st.isDirectory()) fail(`${file} is a directory, not a file`);
  if (st.size === 0) fail(`${file} is empty`);
  if (st.size > MAX_BYTES) fail(`${file} is larger than ${MAX_BYTES} bytes`);
  text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (e) {
  fail(`${file} is not valid JSON: ${(e as Error).message}`);
}
if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(`${file} must hold one JSON object`);
try {
  process.stdout.write(`${JSON.stringify(assessFile(json), null, 2)}\n`);
} catch (e) {
  if (e instanceof ZodError) {
    const i = e.issues[0];
    fail(`invalid input at ${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}${e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : ''}`);
  }
  fail(`cannot assess ${file}: ${(e as Error).message}`);
}
