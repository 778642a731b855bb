// The language bulletin speaks to people in: chosen by flag, environment, series file or locale.

/** The languages of the message catalogue: English and Simplified Chinese (zh-CN). */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` → zh; `en`, `en_US.UTF-8`, `C`, `POSIX` → en; anything else
 * (empty, unknown) → undefined, so the next source in the order decides.
 */
export function parseLang(value: string | undefined): Lang | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (/^zh(?:$|[-_.@])/.test(v)) return 'zh';
  if (/^en(?:$|[-_.@])/.test(v) || v === 'c' || v === 'posix' || v.startsWith('c.')) return 'en';
  return undefined;
}

/** The locale's language as POSIX resolves it: LC_ALL, then LC_MESSAGES, then LANG; the first set decides. */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return parseLang(value) ?? 'en';
  }
  return undefined;
}

export interface LangSources {
  /** `--lang zh|en`. */
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** `lang:` of the series' bulletin.yaml, when the command has read it. */
  series?: string | undefined;
}

/** `--lang`, then BULLETIN_LANG, then `lang:` in bulletin.yaml, then the locale; English by default. */
export function chooseLang(sources: LangSources): Lang {
  return parseLang(sources.flag) ?? parseLang(sources.env.BULLETIN_LANG) ?? parseLang(sources.series) ?? localeLang(sources.env) ?? 'en';
}

/** Whether the language is fixed before the series is read (by flag or environment variable), so `lang:` cannot change it. */
export function langIsExplicit(sources: Omit<LangSources, 'series'>): boolean {
  return parseLang(sources.flag) !== undefined || parseLang(sources.env.BULLETIN_LANG) !== undefined;
}
