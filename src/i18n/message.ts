// Messages as data: a catalogue id and its parameters, rendered in a language at the edge (the command
// line, the preview, the JSON report). No text for people is assembled from English fragments.
import { CATALOG, type MessageId } from './catalog.js';
import type { Lang } from './lang.js';

export type { MessageId };

/**
 * A parameter: a value from the case (a key, a path, a number), another message rendered in the same
 * language, or a text that exists in both languages outside the catalogue (a schema's description).
 */
export type ParamValue = string | number | Message | Bilingual;

/** A text given in both languages by its own source (the schemas' `description` and `x-description-en`). */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export interface Message {
  readonly id: MessageId;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/**
 * The names of the placeholders of a catalogue text: `{name}`, or `{name|one|other}` for an English
 * plural chosen by the number `name`. Braces around anything else (`{ lines: 22 }`) are text.
 */
type PlaceholderNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}|${string}` ? Name<N> : Name<P>) | PlaceholderNames<Rest>
  : never;
type Name<P extends string> = P extends '' ? never : P extends `${string}${' ' | ':' | ',' | '{' | '"' | "'" | '…' | '/'}${string}` ? never : P;

export type ParamsOf<I extends MessageId> = PlaceholderNames<(typeof CATALOG)[I]['en']>;

/** The parameters argument of `msg` and `t`: none for a text without placeholders, else all of them. */
export type ParamsArg<I extends MessageId> = [ParamsOf<I>] extends [never] ? [] : [Readonly<Record<ParamsOf<I>, ParamValue>>];

/** A message of the catalogue with its parameters, to be rendered later in the reader's language. */
export function msg<I extends MessageId>(id: I, ...params: ParamsArg<I>): Message {
  return params[0] === undefined ? { id } : { id, params: params[0] as Record<string, ParamValue> };
}

/** The placeholders of a catalogue text at run time (what the catalogue test compares across languages). */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && Object.hasOwn(CATALOG, (value as Message).id);
}

/** A message in a language. A parameter that is itself a message is rendered in the same language. */
export function render(message: Message | string, lang: Lang): string {
  if (typeof message === 'string') return message;
  const entry = CATALOG[message.id] as { en: string; zh: string } | undefined;
  if (!entry) throw new Error(`message id \`${message.id}\` is not in the catalogue (src/i18n/messages/)`);
  const params = message.params ?? {};
  return entry[lang].replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    if (one !== undefined) return `${value} ${Number(value) === 1 ? one : other}`;
    if (typeof value !== 'object') return String(value);
    return 'id' in value ? render(value, lang) : value[lang];
  });
}

/** Render a catalogue text directly (for the command line's own lines, help and pages). */
export function t<I extends MessageId>(lang: Lang, id: I, ...params: ParamsArg<I>): string {
  return render(msg(id, ...params), lang);
}

/** A translator bound to a language: what a command or page passes around. */
export interface Translator {
  readonly lang: Lang;
  t<I extends MessageId>(id: I, ...params: ParamsArg<I>): string;
  render(message: Message | string): string;
}

export function translator(lang: Lang): Translator {
  return { lang, t: (id, ...params) => t(lang, id, ...params), render: (m) => render(m, lang) };
}
