// The written HTML page is safe to publish whatever a series template put in it: a CSP that forbids
// scripts, frames, plugins and <base>, placed before anything a template wrote, and no meta refresh.

export const PAGE_POLICY = "script-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'";

export function hardenHtml(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">`;
  const withoutRefresh = html.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh[^>]*>/gi, '');
  // Before the template's own markup, so nothing it wrote runs before the policy applies.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(withoutRefresh);
  return doctype ? `${doctype[0]}\n${meta}${withoutRefresh.slice(doctype[0].length)}` : `${meta}\n${withoutRefresh}`;
}
