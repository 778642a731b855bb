// How a path is shown to the user: relative to the working folder when inside it, else absolute.
import path from 'node:path';

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : rel === '' ? '.' : file;
}
