// A relative path of the output folder (forward slashes) → the URL that reaches it from a page or a
// stylesheet in the same folder: each segment percent-encoded, so that `#`, `?`, `%`, spaces,
// quotes and brackets in file names are parts of the name, not of the URL's syntax.
export function urlPath(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/**
 * A CSS `url()` of a relative path: encoded, then quoted. The encoded form has no quote, backslash
 * or line break left, so the string cannot be closed early.
 */
export function cssUrl(relative: string): string {
  return `url("${urlPath(relative)}")`;
}
