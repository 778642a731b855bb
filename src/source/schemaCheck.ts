// Checks parsed data against the JSON Schemas in schemas/ and turns ajv's errors into diagnostics with positions.
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
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

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const s of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

function firstSentence(text: string): string {
  return (/^[^.。]*[.。]?/.exec(text)?.[0] ?? text).replace(/[.。]$/, '');
}

function describePath(path: (string | number)[]): string {
  if (path.length === 0) return 'the file';
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
};

/** Converts one ajv error into a diagnostic (undefined when another error says it better). */
function toDiagnostic(error: ErrorObject, data: unknown, file: string, doc: Document, lc: LineCounter): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath);
  const where = describePath(path);
  const value = valueAt(data, path);
  const parent = error.parentSchema as { description?: string; examples?: unknown[] } | undefined;
  const exampleHint = parent?.examples?.length ? `For example: ${JSON.stringify(parent.examples[0])}.` : undefined;
  const described = (parent?.description ? `${parent.description}${exampleHint ? ` ${exampleHint}` : ''}` : exampleHint) ?? `See \`${where}\` in the schema (schemas/), or an example in examples/.`;
  const at = (p: (string | number)[], key = false) => locate(doc, lc, p, { key });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const guess = closest(key, allowed);
      return diagnostic(file, at([...path, key], true), 'error', 'schema-unknown-key',
        `unknown key \`${key}\`${path.length ? ` in ${where}` : ''}`,
        guess ? `Did you mean \`${guess}\`? Allowed here: ${allowed.join(', ')}.` : `Allowed here: ${allowed.join(', ')}.`);
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const schema = (error.parentSchema as { properties?: Record<string, { description?: string; examples?: unknown[] }> }).properties?.[missing];
      const example = schema?.examples?.[0];
      return diagnostic(file, at(path), 'error', 'schema-missing-key', `${where} lacks the required key \`${missing}\``,
        `Add \`${missing}:\`${schema?.description ? ` (${firstSentence(schema.description)})` : ''}${example !== undefined && typeof example !== 'object' ? `, e.g. \`${missing}: ${JSON.stringify(example)}\`` : ''}.`);
    }
    case 'type': {
      if (error.schemaPath.includes('/oneOf/')) return undefined;
      const expected = String((error.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return diagnostic(file, at(path), 'error', 'schema-type', `${where} must be ${expected}, not ${typeName(value)}`, described);
    }
    case 'oneOf':
    case 'anyOf': {
      const branches = ((error.schema as { type?: string }[]) ?? []).map((b) => TYPE_WORDS[b.type ?? ''] ?? b.type).filter(Boolean);
      return diagnostic(file, at(path), 'error', 'schema-type', `${where} must be ${branches.join(' or ')}, not ${typeName(value)}`, described);
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      const guess = typeof value === 'string' ? closest(value, (error.params as { allowedValues: unknown[] }).allowedValues.map(String)) : undefined;
      return diagnostic(file, at(path), 'error', 'schema-enum', `${where} must be one of ${allowed.join(', ')}, not ${typeName(value)}`,
        guess ? `Did you mean ${JSON.stringify(guess)}?` : described);
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      const words: Record<string, string> = {
        minItems: `must have at least ${limit} item(s)`, maxItems: `must have at most ${limit} items`,
        minLength: limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`,
        maxLength: `must be at most ${limit} characters long (it has ${typeof value === 'string' ? [...value].length : '?'})`,
        minimum: `must be at least ${limit}, not ${String(value)}`, maximum: `must be at most ${limit}, not ${String(value)}`,
      };
      return diagnostic(file, at(path), 'error', 'schema-range', `${where} ${words[error.keyword]}`, described);
    }
    case 'pattern':
    case 'format': {
      const text = typeof value === 'string' ? value : '';
      const control = /[\u0000-\u001f]/.test(text);
      const notADate = error.keyword === 'format' && (error.params as { format?: string }).format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text);
      return diagnostic(file, at(path), 'error', 'schema-format',
        control ? `${where} contains a control character (such as a tab or line break) where plain text is expected`
          : notADate ? `${where} ${text} is not a date in the calendar` : `${where} has the wrong form: ${typeName(value)}`,
        described);
    }
    default:
      return diagnostic(file, at(path), 'error', 'schema-invalid', `${where} ${error.message ?? 'is invalid'}`, described);
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
