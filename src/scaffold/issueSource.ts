// The YAML text of a new issue file: numbers, date, the sections to fill in, commented help (in the command's language).
import type { NextIssue } from '../model/nextIssue.js';
import { ISSUE_DEFAULTS } from '../source/schemaTypes.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/message.js';
import { commentBlock } from './seriesFiles.js';

function quote(text: string): string {
  return /^[\p{L}\p{N}（）【】、·—\-]+$/u.test(text) ? text : JSON.stringify(text);
}

export function issueSource(next: NextIssue, schemaRef: string, lang: Lang = 'en'): string {
  const lines = [
    `# yaml-language-server: $schema=${schemaRef}`,
    commentBlock(t(lang, 'scaffold.new.header', { issueLine: next.issueLine })),
    `year: ${next.year}`,
    `number: ${next.number}`,
    ...(next.total !== undefined ? [`total: ${next.total}`] : []),
    `date: ${next.date.iso}`,
    ...(next.kind !== ISSUE_DEFAULTS.kind ? [`kind: ${next.kind}`] : []),
    ...(next.label ? [`label: ${quote(next.label)}`] : []),
    'sections:',
    ...next.sectionLabels.flatMap((label) => [`  - label: ${quote(label)}`, '    articles: []']),
    commentBlock(t(lang, 'scaffold.new.add-article')),
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
    commentBlock(t(lang, 'scaffold.new.distribution')),
    '# distribution:',
    '#   extra: [本期增发的单位]',
    '#   copies: 120',
    '',
  ];
  return lines.join('\n');
}
