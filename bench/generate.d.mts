// Types of generate.mjs for the TypeScript tests that import it (test/e2e/build-long.test.ts).

/** Writes into `dir` (emptied first) a series with one issue of about `pages` body pages; resolves to `dir`. */
export function generateLongIssue(dir: string, pages: number): Promise<string>;

/** Writes into `dir` (emptied first) a series of `count` issues like the seed, numbered 1 … count; resolves to `dir`. */
export function generateIssues(dir: string, count: number): Promise<string>;

/** Writes five 12-megapixel phone JPEGs (and hand-scaled copies, `scaled-<name>`) into `dir`; resolves to their names. */
export function generatePhonePhotos(dir: string): Promise<string[]>;

/** The 15-page issue with the photos named (from `photoDir`), or without figures; resolves to `dir`. */
export function generatePhotoIssue(dir: string, photoDir: string, photos: string[] | undefined): Promise<string>;
