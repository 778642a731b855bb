// Checks parsed data against the JSON Schemas in schemas/ and turns ajv's errors into diagnostics with positions.
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { msg, type Bilingual, type Message, type ParamValue } from '../i18n/message.js';
import { locate, pointerToPath } from './locate.js';
import { closest } from './closest.js';
import { nodeIo, type Io } from '../io.js';

export type SchemaName = 'issue' | 'series';

const validators = new Map<SchemaName, ValidateFunction>();

export function schemaPath(name: SchemaName): string {
  return fileURLToPath(new URL(`../../schemas/${name}.schema.json`, import.meta.url));
}

/**
 * Loads the validators: the standalone modules compiled at build time (scripts/compile-schemas.mjs)
 * when present, else ajv compiles the schemas here (tests run from src/). ajv itself is only loaded
 * in that second case.
 */
export async function loadValidators(io: Io = nodeIo): Promise<void> {
  for (const name of ['issue', 'series'] as const) {
    if (validators.has(name)) continue;
    try {
      const module = (await import(new URL(`../schemas/${name}.validate.js`, import.meta.url).href)) as { default: ValidateFunction };
      validators.set(name, module.default);
    } catch {
      const [{ Ajv2020 }, formats] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
      const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, keywords: ['x-title-en', 'x-description-en', 'enumDescriptions'] });
      (formats.default as unknown as (a: typeof ajv) => void)(ajv);
      validators.set(name, ajv.compile(JSON.parse(io.readTextSync(schemaPath(name)))));
    }
  }
}

function validatorFor(name: SchemaName): ValidateFunction {
  const validate = validators.get(name);
  if (!validate) throw new Error('schema validators not loaded: call loadValidators() first');
  return validate;
}

/** What a value is, in words: "a list", "the text "…"". */
function typeName(value: unknown): Message {
  if (value === null) return msg('schema.value.null');
  if (Array.isArray(value)) return msg('schema.value.list');
  if (typeof value === 'object') return msg('schema.value.mapping');
  if (typeof value === 'string') return msg('schema.value.text', { text: JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value) });
  if (typeof value === 'number') return msg('schema.value.number', { value: String(value) });
  if (typeof value === 'boolean') return msg('schema.value.boolean', { value: String(value) });
  return msg('schema.value.other', { type: typeof value, value: String(value) });
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const s of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

function firstSentence(text: string): string {
  return (/^[^.。]*[.。]?/.exec(text)?.[0] ?? text).replace(/[.。]$/, '');
}

/**
 * A schema part's description in both languages: `description` is Chinese, `x-description-en` English
 * (schemas/); a part not translated yet has `description` only, given in both.
 */
interface Described {
  description?: string;
  'x-description-en'?: string;
  examples?: unknown[];
}

function bilingual(part: Described | undefined, shorten: (text: string) => string = (text) => text): Bilingual | undefined {
  if (!part?.description) return undefined;
  return { en: shorten(part['x-description-en'] ?? part.description), zh: shorten(part.description) };
}

/** The path as written in a message (`sections[0].title`), or "the file" for the whole file. */
function pathText(path: (string | number)[]): ParamValue {
  if (path.length === 0) return msg('schema.where.file');
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

/** Where a problem is, as the subject of a message: "sections[0].title" (in Chinese "`sections[0].title` 的值"). */
function describePath(path: (string | number)[]): ParamValue {
  const text = pathText(path);
  return typeof text === 'string' ? msg('schema.where.path', { path: text }) : text;
}

/** The JSON types in words (ids quoted whole, as the catalogue test finds them). */
const TYPE_WORDS: Record<string, Message> = {
  integer: msg('schema.type.integer'),
  number: msg('schema.type.number'),
  string: msg('schema.type.string'),
  array: msg('schema.type.array'),
  object: msg('schema.type.object'),
  boolean: msg('schema.type.boolean'),
};

/** A list of keys or values, separated as each language does: "a, b" and "a、b". */
function listed(items: readonly string[]): Bilingual {
  return { en: items.join(', '), zh: items.join('、') };
}

/** "a, b or c" as nested messages ("a or b" in each language). */
function either(words: readonly ParamValue[]): ParamValue {
  return words.slice(1).reduce<ParamValue>((first, second) => msg('schema.or', { first, second }), words[0] ?? '');
}

/** Converts one ajv error into a diagnostic (undefined when another error says it better). */
function toDiagnostic(error: ErrorObject, data: unknown, file: string, doc: Document, lc: LineCounter): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath);
  const where = describePath(path);
  const value = valueAt(data, path);
  const parent = error.parentSchema as Described | undefined;
  const example = parent?.examples?.length ? JSON.stringify(parent.examples[0]) : undefined;
  const description = bilingual(parent);
  const described: Message = description
    ? (example !== undefined ? msg('schema.hint.described-example', { description, example }) : msg('schema.hint.described', { description }))
    : example !== undefined ? msg('schema.hint.example', { example }) : msg('schema.hint.see', { where: pathText(path) });
  const at = (p: (string | number)[], key = false) => locate(doc, lc, p, { key });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const guess = closest(key, allowed);
      return diagnostic(file, at([...path, key], true), 'error', 'schema-unknown-key',
        path.length ? msg('schema-unknown-key', { key, where }) : msg('schema-unknown-key.root', { key }),
        guess ? msg('schema-unknown-key.guess.hint', { guess, allowed: listed(allowed.map((k) => `\`${k}\``)) }) : msg('schema-unknown-key.allowed.hint', { allowed: listed(allowed.map((k) => `\`${k}\``)) }));
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const schema = (error.parentSchema as { properties?: Record<string, Described> }).properties?.[missing];
      const first = schema?.examples?.[0];
      const shown = first !== undefined && typeof first !== 'object' ? JSON.stringify(first) : undefined;
      const what = bilingual(schema, firstSentence);
      const hint = what
        ? (shown !== undefined ? msg('schema-missing-key.described-example.hint', { key: missing, description: what, example: shown }) : msg('schema-missing-key.described.hint', { key: missing, description: what }))
        : shown !== undefined ? msg('schema-missing-key.example.hint', { key: missing, example: shown }) : msg('schema-missing-key.add.hint', { key: missing });
      return diagnostic(file, at(path), 'error', 'schema-missing-key', msg('schema-missing-key', { where, key: missing }), hint);
    }
    case 'type': {
      if (error.schemaPath.includes('/oneOf/')) return undefined;
      const expected = either(String((error.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t));
      return diagnostic(file, at(path), 'error', 'schema-type', msg('schema-type', { where, expected, found: typeName(value) }), described);
    }
    case 'oneOf':
    case 'anyOf': {
      const branches = ((error.schema as { type?: string }[]) ?? []).flatMap((b) => (b.type ? [TYPE_WORDS[b.type] ?? b.type] : []));
      return diagnostic(file, at(path), 'error', 'schema-type', msg('schema-type', { where, expected: either(branches), found: typeName(value) }), described);
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      const guess = typeof value === 'string' ? closest(value, (error.params as { allowedValues: unknown[] }).allowedValues.map(String)) : undefined;
      return diagnostic(file, at(path), 'error', 'schema-enum', msg('schema-enum', { where, allowed: listed(allowed), found: typeName(value) }),
        guess ? msg('schema-enum.guess.hint', { guess: JSON.stringify(guess) }) : described);
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      const length = typeof value === 'string' ? [...value].length : '?';
      const words: Record<string, Message> = {
        minItems: msg('schema-range.min-items', { where, limit }), maxItems: msg('schema-range.max-items', { where, limit }),
        minLength: limit === 1 ? msg('schema-range.empty', { where }) : msg('schema-range.min-length', { where, limit }),
        maxLength: msg('schema-range.max-length', { where, limit, length }),
        minimum: msg('schema-range.minimum', { where, limit, value: String(value) }), maximum: msg('schema-range.maximum', { where, limit, value: String(value) }),
      };
      return diagnostic(file, at(path), 'error', 'schema-range', words[error.keyword]!, described);
    }
    case 'pattern':
    case 'format': {
      const text = typeof value === 'string' ? value : '';
      const control = /[\u0000-\u001f]/.test(text);
      const notADate = error.keyword === 'format' && (error.params as { format?: string }).format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text);
      return diagnostic(file, at(path), 'error', 'schema-format',
        control ? msg('schema-format.control', { where })
          : notADate ? msg('schema-format.not-a-date', { where, text }) : msg('schema-format', { where, found: typeName(value) }),
        described);
    }
    default:
      return diagnostic(file, at(path), 'error', 'schema-invalid', msg('schema-invalid', { where, reason: error.message ?? msg('schema.invalid') }), described);
  }
}

export function schemaCheck(name: SchemaName, data: unknown, file: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const errors = validate.errors ?? [];
  // When a branch of a oneOf fails for a reason other than its type (an empty title list), that
  // reason is the message; the oneOf's own "wrong type" would contradict it.
  const specific = (e: ErrorObject) => e.schemaPath.includes('/oneOf/') && e.keyword !== 'type' && e.keyword !== 'oneOf';
  for (const error of errors) {
    if (error.keyword === 'oneOf' && errors.some((e) => specific(e) && e.instancePath.startsWith(error.instancePath))) continue;
    const d = toDiagnostic(error, data, file, doc, lineCounter);
    if (!d) continue;
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  // A misspelt key also leaves a required key missing: the unknown-key diagnostic already says so.
  return out.filter((d) => d.code !== 'schema-missing-key' || !out.some((u) => u.code === 'schema-unknown-key' && u.hint?.startsWith(`Did you mean \`${/`(\w+)`/.exec(d.message)?.[1]}\``)));
}
