// Every printed text that is not Markdown (titles, labels, the classification, source lines,
// distribution entries, the series line, name and publisher) checked like a body: no raw HTML, no
// images (model/parseBody.ts plainTextProblems), reported where they are in the file.
import { isScalar, type Document, type LineCounter } from '../vendor/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { msg, render, type Message } from '../i18n/message.js';
import { offsetSpan } from './parseYaml.js';
import { plainTextProblems } from '../model/parseBody.js';
import { textTargets, type TextSpec } from '../lint/textTargets.js';
import { scalarText } from '../lint/scalarText.js';

/** What a field is called in a message, by the last keys of its path. */
function fieldName(path: readonly string[]): Message {
  const key = path.filter((k) => k !== '*').at(-1);
  if (path[0] === 'distribution') return msg('field.distribution');
  switch (key) {
    case 'label': return path.length === 1 ? msg('field.special-label') : msg('field.section-label');
    case 'title': return msg('field.title');
    case 'classification': return msg('field.classification');
    case 'source': return msg('field.source');
    case 'series': return msg('field.series');
    case 'name': return msg('field.name');
    case 'publisher': return msg('field.publisher');
    default: return msg('field.key', { key: key ?? '' });
  }
}

/** `specs`: the printed texts of the file (lint/lintIssue.ts, lint/lintSeries.ts); Markdown ones are checked by their parser. */
export function checkPlainTexts(doc: Document, lc: LineCounter, source: string, display: string, specs: readonly TextSpec[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const plain = specs.filter((s) => s.kind !== 'markdown' && s.path.at(-1) !== 'caption');
  for (const spec of plain) {
    for (const target of textTargets(doc, [spec])) {
      for (const node of target.nodes) {
        // Most texts have neither `<` nor `![`: nothing to map (plainTextProblems finds nothing in them).
        if (isScalar(node) && typeof node.value === 'string' && !node.value.includes('<') && !node.value.includes('![')) continue;
        const mapped = scalarText(node, source);
        if (!mapped) continue;
        for (const p of plainTextProblems(mapped.text, fieldName(spec.path))) {
          const start = mapped.at[p.offset]!;
          const last = p.offset + p.length - 1;
          const exact = mapped.exact.subarray(p.offset, last + 1).every((e) => e === 1);
          out.push(diagnostic(display, offsetSpan(lc, start, exact ? mapped.at[last]! + 1 : start), 'error', p.code, p.message, p.hint));
        }
      }
    }
  }
  return out;
}
