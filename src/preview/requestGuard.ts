// What the preview answers before it looks at a request: only requests addressed to itself (DNS
// rebinding: a web page whose name is made to resolve to 127.0.0.1 reaches the port, but its
// requests carry that name as Host), only GET and HEAD, and only well-formed paths. The refusals are
// in the preview's language.
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/message.js';

/** Longer request targets are refused: no page of the preview has a path near this long. */
export const MAX_TARGET_LENGTH = 2048;

export type Verdict =
  | { ok: true; pathname: string }
  | { ok: false; status: 400 | 405 | 421; message: string };

/** The Host values that name this server: 127.0.0.1 or localhost with its port (bare when it is 80). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  if (h === `127.0.0.1:${port}` || h === `localhost:${port}`) return true;
  return port === 80 && (h === '127.0.0.1' || h === 'localhost');
}

/**
 * The decoded path of a request target (`/2018-02.pdf?v=1` → `/2018-02.pdf`), or undefined when the
 * target is malformed: not a path, too long, bad percent-encoding (`%E0%A4%A`, a lone surrogate),
 * or a control character (NUL included) once decoded.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (!target || target.length > MAX_TARGET_LENGTH || !target.startsWith('/')) return undefined;
  const raw = target.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return /[\u0000-\u001f\u007f]/.test(decoded) ? undefined : decoded;
}

/** Whether the preview serves this request, and what it answers when it does not. */
export function checkRequest(request: { method?: string; url?: string; headers: { host?: string } }, port: number, lang: Lang = 'en'): Verdict {
  if (!hostAllowed(request.headers.host, port)) {
    return { ok: false, status: 421, message: t(lang, 'preview.request.host', { port }) };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return { ok: false, status: 405, message: t(lang, 'preview.request.method') };
  const pathname = requestPath(request.url);
  if (pathname === undefined) return { ok: false, status: 400, message: t(lang, 'preview.request.path') };
  return { ok: true, pathname };
}
