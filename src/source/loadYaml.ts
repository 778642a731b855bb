// A YAML source from disk: read under the size, encoding and series-folder guards, then parsed.
import type { Io } from '../io.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readSource } from './readSource.js';
import { parseYaml, type ParsedYaml } from './parseYaml.js';

export interface LoadedYaml {
  /** The text, when the file could be read. */
  text: string | undefined;
  /** The parsed document, when it parsed to a mapping without errors. */
  parsed: (ParsedYaml & { doc: NonNullable<ParsedYaml['doc']> }) | undefined;
  diagnostics: Diagnostic[];
}

export async function loadYaml(io: Io, file: string, display: string, root: string | undefined): Promise<LoadedYaml> {
  const source = await readSource(io, file, display, root);
  if (!source.ok) return { text: undefined, parsed: undefined, diagnostics: [source.diagnostic] };
  const parsed = parseYaml(source.text, display);
  const ok = parsed.doc !== undefined && parsed.data !== undefined;
  return { text: source.text, parsed: ok ? (parsed as LoadedYaml['parsed']) : undefined, diagnostics: parsed.diagnostics };
}
