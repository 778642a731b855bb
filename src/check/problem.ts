// A problem the self-check finds in the printed PDF: the catalogue message (rendered in the reader's
// language where the build's error is printed) and its English text (what tests and logs compare).
import { msg, render, type Bilingual, type Message } from '../i18n/message.js';

export interface CheckProblem {
  /** In English; `text` is the catalogue message (for every language). */
  message: string;
  text: Message;
}

export function checkProblem(text: Message): CheckProblem {
  return { message: render(text, 'en'), text };
}


/** Items joined by commas in both languages: 「12 pt, 13 pt」, 「12 pt、13 pt」. */
export function commas(items: readonly (string | number)[]): Bilingual {
  return { en: items.join(', '), zh: items.join('、') };
}

/** Messages joined into one parameter, in both languages. */
export function joined(messages: readonly (Message | string)[], separator: string): Bilingual {
  return { en: messages.map((m) => render(m, 'en')).join(separator), zh: messages.map((m) => render(m, 'zh')).join(separator) };
}

/** 「「text」」 named after what it is: 「paragraph 2 of 「T」: 「…」」. */
export function quoted(what: Message | undefined, text: string): Message | string {
  return what ? msg('self-check.quoted', { what, text }) : `「${text}」`;
}
