// The shape of a part of the message catalogue.

export interface Entry {
  /** English. */
  readonly en: string;
  /** Simplified Chinese (zh-CN), following GB/T 15834 punctuation and the glossary in docs/glossary.md. */
  readonly zh: string;
}

export type Entries = Readonly<Record<string, Entry>>;
