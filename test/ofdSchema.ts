// Every XML part of an OFD package validated against the GB/T 33190-2016 Annex A schemas
// (test/ofd-schema/, see the README there) with libxml2's validator (xmllint-wasm), in one run:
// All.xsd declares every root (OFD, Document, Page, Res), and a part with another root is refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { REPO } from './helpers.js';

const DIR = path.join(REPO, 'test/ofd-schema');
const SCHEMAS = ['Definitions', 'OFD', 'Document', 'Page', 'Res', 'All'];
const ROOTS = ['OFD', 'Document', 'Page', 'Res'];
const schemaFiles = () => SCHEMAS.map((s) => ({ fileName: `${s}.xsd`, contents: readFileSync(path.join(DIR, `${s}.xsd`), 'utf8') }));

/** The local name of the part's root element, read from its text. */
const rootOf = (xml: string) => /<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''))?.[1];

/** Each part's schema errors as `name:line: message` (empty: every part is valid). */
export async function validateOfdSchemas(bytes: Uint8Array): Promise<{ errors: string[]; parts: string[] }> {
  const files = unzipSync(bytes);
  const decoder = new TextDecoder();
  const errors: string[] = [];
  const xml: { fileName: string; contents: string }[] = [];
  const parts: string[] = [];
  const names = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml')) continue;
    parts.push(name);
    const text = decoder.decode(data);
    const root = rootOf(text);
    if (!root || !ROOTS.includes(root)) {
      errors.push(`${name}: no Annex A schema here for a <${root}> part`);
      continue;
    }
    // File names in xmllint's file system: no slashes, unique.
    const fileName = `${parts.length}_${name.replace(/[^\w.]/g, '_')}`;
    names.set(fileName, name);
    xml.push({ fileName, contents: text });
  }
  const all = schemaFiles();
  if (xml.length) {
    const main = all.find((f) => f.fileName === 'All.xsd')!;
    const result = await validateXML({ xml, schema: main, preload: all.filter((f) => f !== main), maxMemoryPages: 4096 });
    for (const e of result.errors) {
      // xmllint's closing line per file ("x fails to validate") repeats what the errors said.
      if (/fails to validate$/.test(e.message.trim())) continue;
      const name = names.get(e.loc?.fileName ?? '') ?? e.loc?.fileName ?? '?';
      errors.push(`${name}:${e.loc?.lineNumber ?? '?'}: ${e.message.trim().replace(/^.*?Schemas validity error : /, '')}`);
    }
    if (!result.valid && !result.errors.length) errors.push(`not valid (${result.rawOutput.trim().slice(0, 500)})`);
  }
  return { errors, parts };
}
