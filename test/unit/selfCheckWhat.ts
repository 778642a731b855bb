// What a block of the source is (checkVisibleText's `what`), made from its English text in tests that
// build FoundItems by hand: 'paragraph 1 of 「T」' → msg('self-check.what.paragraph', { number: 1, title: 'T' }).
import { msg, type Message } from '../../src/i18n/message.js';

export function what(text: string): Message {
  let m: RegExpExecArray | null;
  if ((m = /^the title of 「(.*)」$/.exec(text))) return msg('self-check.what.title', { title: m[1]! });
  if ((m = /^the subtitle of 「(.*)」$/.exec(text))) return msg('self-check.what.subtitle', { title: m[1]! });
  if ((m = /^byline (\d+) of 「(.*)」$/.exec(text))) return msg('self-check.what.byline', { number: Number(m[1]), title: m[2]! });
  if ((m = /^paragraph (\d+) of 「(.*)」$/.exec(text))) return msg('self-check.what.paragraph', { number: Number(m[1]), title: m[2]! });
  if ((m = /^the caption of figure (\d+) of 「(.*)」$/.exec(text))) return msg('self-check.what.caption', { number: Number(m[1]), title: m[2]! });
  if ((m = /^the source line of 「(.*)」$/.exec(text))) return msg('self-check.what.source', { title: m[1]! });
  throw new Error(`no message for ${text}`);
}
