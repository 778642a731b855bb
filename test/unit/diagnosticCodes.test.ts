// The list of diagnostic codes against what documents and exercises it: the README and the fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, LINT_CODES, diagnosticCode, isDiagnosticCode, type DiagnosticCode } from '../../src/diagnostics/codes.js';
import { codeHint, codeMessage, diagnostic, FILE_START } from '../../src/diagnostics/diagnostic.js';
import { msg, render } from '../../src/i18n/message.js';
import { LANGS } from '../../src/i18n/lang.js';
import { REPO } from '../helpers.js';

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
const FIXTURES = path.join(REPO, 'test', 'fixtures');

/**
 * Codes no source fixture can produce, and why. Each is still in the README; an entry here that a
 * fixture does produce fails the test, so the list cannot go stale.
 */
const NO_FIXTURE: Partial<Record<DiagnosticCode, string>> = {
  // The yaml parser throwing, or reporting an error it calls impossible (or NON_STRING_KEY, which
  // needs an option bulletin does not set): no known source does that.
  'yaml-syntax': 'the parser failing in a way no source is known to cause',
  // The fallback for a schema keyword schemaCheck has no words for; the schemas use none.
  'schema-invalid': 'a schema keyword the current schemas do not use',
  // discover() has just seen the file: only a file deleted in between (a race; the preview after a
  // deletion) gets here. A path that does not exist on the command line is a usage error (exit 2).
  'source-missing': 'a file removed between discovery and reading',
  // Needs a file the user may not read: git keeps no such permission and root reads everything.
  // test/unit/readSource.test.ts covers it with an Io that refuses.
  'source-unreadable': 'a file without read permission',
  // Chrome writes the PDF: no source makes it use an operator outside the converter's whitelist.
  // test/unit/pdfToOfd.test.ts covers it with a PDF written by hand.
  'ofd-content-skipped': 'a PDF operator Chrome does not write for bulletin\'s pages',
  // Found by printing: a build with more notes on a page than its text leaves lines for (no source fixture is printed).
  'notes-at-end': 'a page layout found only by printing the issue',
};

/** The text of a README section, from its `### title` to the next heading of that level or above. */
function section(title: string): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n### ${title}\n`);
  expect(start, `README section "${title}"`).toBeGreaterThan(0);
  const rest = readme.slice(start + 1);
  const end = rest.slice(4).search(/\n#{1,3} /);
  return end < 0 ? rest : rest.slice(0, end + 4);
}

/** The table rows of a section: the codes of the first cell (`a` / `b`) with the second cell. */
function tableRows(text: string): { codes: string[]; second: string }[] {
  return text.split('\n').filter((l) => l.startsWith('| `')).map((l) => {
    const cells = l.split('|').map((c) => c.trim());
    return { codes: [...cells[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!), second: cells[2]! };
  });
}

/** Every code a fixture states it produces, with the fixture that states it. */
function fixtureCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const note = (code: string, where: string) => void (found.has(code) || found.set(code, where));
  const cases = (kind: string) => readdirSync(path.join(FIXTURES, kind), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  // invalid/<case>/expected.json and lint/<case>/expected.json: arrays of { code, … }.
  for (const kind of ['invalid', 'lint']) {
    for (const name of cases(kind)) {
      const file = path.join(FIXTURES, kind, name, 'expected.json');
      if (!existsSync(file)) continue;
      for (const { code } of JSON.parse(readFileSync(file, 'utf8')) as { code: string }[]) note(code, `${kind}/${name}`);
    }
  }
  // fit/expected.json: the build of that series (test/e2e/fit-last-page.test.ts).
  for (const { code } of JSON.parse(readFileSync(path.join(FIXTURES, 'fit', 'expected.json'), 'utf8')) as { code: string }[]) note(code, 'fit');
  // import/expected.json: each Word file of `bulletin import` → its codes (test/unit/importDocuments.test.ts).
  const imports = JSON.parse(readFileSync(path.join(FIXTURES, 'import', 'expected.json'), 'utf8')) as Record<string, string[]>;
  for (const [file, codes] of Object.entries(imports)) for (const code of codes) note(code, `import/${file}`);
  // hostile/<case>/case.json: expect.codes.
  for (const name of cases('hostile')) {
    const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'hostile', name, 'case.json'), 'utf8')) as { expect: { codes: string[] } };
    for (const code of spec.expect.codes) note(code, `hostile/${name}`);
  }
  return found;
}

describe('the list of diagnostic codes', () => {
  it('gives every code a severity, a message and a hint that can stand alone', () => {
    expect(CODES.length).toBeGreaterThan(80);
    for (const code of CODES) {
      const info = DIAGNOSTIC_CODES[code];
      expect(code, 'codes are lowercase words joined by hyphens').toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/);
      expect(['error', 'warning'], code).toContain(info.severity);
      for (const lang of LANGS) {
        expect(render(codeMessage(code), lang).trim(), `${code} (${lang})`).not.toBe('');
        const hint = render(codeHint(code), lang);
        expect(hint.trim(), `${code}.hint (${lang})`).not.toBe('');
        // A hint is given as it is when the caller has none: no `{placeholder}` left to fill.
        expect(hint, `${code}: the hint has a placeholder`).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });

  it('includes the copy-editing checks, as warnings', () => {
    for (const code of LINT_CODES) expect(DIAGNOSTIC_CODES[code].severity, code).toBe('warning');
    expect(CODES.filter((c) => c.startsWith('text-')).sort()).toEqual([...LINT_CODES].sort());
  });

  it('tells a listed code from a string, and refuses an unlisted one', () => {
    expect(isDiagnosticCode('body-link')).toBe(true);
    expect(isDiagnosticCode('body-links')).toBe(false);
    expect(isDiagnosticCode('toString')).toBe(false);
    expect(diagnosticCode('body-code')).toBe('body-code');
    expect(() => diagnosticCode('body-cod')).toThrow(/not in src\/diagnostics\/codes\.ts/);
  });

  it('gives a diagnostic without a hint its code\'s hint, and keeps a specific one', () => {
    expect(diagnostic('a.yaml', FILE_START, 'error', 'source-encoding', msg('source-encoding')).hint).toBe(render(codeHint('source-encoding'), 'en'));
    expect(diagnostic('a.yaml', FILE_START, 'error', 'image-missing', msg('image-missing', { path: 'x' }), msg('asset-missing.similar.hint', { suggestion: '`a.png`' })).hint).toBe('Did you mean `a.png`?');
  });
});

describe('the README', () => {
  it('lists every code but the text-* checks in "Diagnostic codes", with its severity, and no other', () => {
    const rows = tableRows(section('Diagnostic codes'));
    const documented = new Map(rows.flatMap((r) => r.codes.map((c) => [c, r.second] as const)));
    for (const code of CODES.filter((c) => !c.startsWith('text-'))) {
      expect(documented.has(code), `${code} is not in the README's "Diagnostic codes"`).toBe(true);
      expect(documented.get(code), `severity of ${code} in the README`).toBe(DIAGNOSTIC_CODES[code].severity);
    }
    for (const code of documented.keys()) expect(isDiagnosticCode(code), `the README lists ${code}, which bulletin does not report`).toBe(true);
  });

  it('lists every text-* check in "Copy-editing checks", and no other', () => {
    const documented = new Set(tableRows(section('Copy-editing checks')).flatMap((r) => r.codes));
    expect([...documented].sort()).toEqual([...LINT_CODES].sort());
  });
});

describe('the fixtures', () => {
  const found = fixtureCodes();

  it('produce every code, but those listed (with the reason) in NO_FIXTURE', () => {
    const missing = CODES.filter((c) => !found.has(c) && !NO_FIXTURE[c]);
    expect(missing, 'codes with no case in test/fixtures/invalid, lint, hostile, import or fit').toEqual([]);
  });

  it('produce none of the codes listed in NO_FIXTURE', () => {
    const stale = Object.keys(NO_FIXTURE).filter((c) => found.has(c)).map((c) => `${c} (${found.get(c)})`);
    expect(stale, 'exempt codes that a fixture produces: remove them from NO_FIXTURE').toEqual([]);
  });

  it('name only listed codes', () => {
    const unknown = [...found].filter(([code]) => !isDiagnosticCode(code)).map(([code, where]) => `${code} (${where})`);
    expect(unknown).toEqual([]);
  });
});
