// The YAML text of a new issue file: numbers, date, the sections to fill in, commented help.
import type { NextIssue } from '../model/nextIssue.js';
import { ISSUE_DEFAULTS } from '../source/schemaTypes.js';

function quote(text: string): string {
  return /^[\p{L}\p{N}（）【】、·—\-]+$/u.test(text) ? text : JSON.stringify(text);
}

export function issueSource(next: NextIssue, schemaRef: string): string {
  const lines = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# ${next.issueLine}: written by \`bulletin new\`. Add articles to the sections below; an empty section`,
    '# is a warning, so the series stays valid while the issue is being written.',
    `year: ${next.year}`,
    `number: ${next.number}`,
    ...(next.total !== undefined ? [`total: ${next.total}`] : []),
    `date: ${next.date.iso}`,
    ...(next.kind !== ISSUE_DEFAULTS.kind ? [`kind: ${next.kind}`] : []),
    ...(next.label ? [`label: ${quote(next.label)}`] : []),
    'sections:',
    ...next.sectionLabels.flatMap((label) => [`  - label: ${quote(label)}`, '    articles: []']),
    '# To add an article, replace `articles: []` with:',
    '#    articles:',
    '#      - title: 标题（长标题可写成两行的列表）',
    '#        body: |',
    '#          第一段。',
    '#',
    '#          第二段。',
    '#        figures:',
    '#          - image: images/photo.jpg',
    '#            place: right',
    '#            width: "45%"',
    '#            paragraph: 1',
    '#        source: 某某单位供稿',
    '# The series\' distribution block applies; for this issue only:',
    '# distribution:',
    '#   extra: [本期增发的单位]',
    '#   copies: 120',
    '',
  ];
  return lines.join('\n');
}
