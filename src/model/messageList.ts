// A list of messages as one parameter (`a, b, c` in English, `a、b、c` in Chinese), for a reason that
// names several things: the faces of a collection, what was taken out of a figure. Each item is a
// catalogue message; the list is given in both languages (a `Bilingual` parameter).
import { render, type Bilingual, type Message } from '../i18n/message.js';

export function listOf(items: readonly Message[], separator: 'comma' | 'semicolon' = 'comma'): Bilingual {
  return {
    en: items.map((m) => render(m, 'en')).join(separator === 'comma' ? ', ' : '; '),
    zh: items.map((m) => render(m, 'zh')).join(separator === 'comma' ? '、' : '；'),
  };
}
