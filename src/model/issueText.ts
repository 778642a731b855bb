// All the text of an issue that will be printed: what the fonts must cover. Bodies, notes and
// captions give their printed text (blocks.ts), not their Markdown: `**重要**` prints no `*`.
import type { Issue } from './types.js';
import { blocksText, inlineText } from './blocks.js';

export function issueText(issue: Issue): string {
  const parts: string[] = [issue.series.seriesLine, issue.series.name, issue.series.publisher, issue.issueLine, issue.dateLine, '本期目录【】（）。，：—-0123456789·…', issue.series.layout.pageNumber];
  if (issue.classification) parts.push(issue.classification);
  if (issue.label) parts.push(issue.label);
  if (issue.note) parts.push(blocksText(issue.note), '编者按');
  for (const s of issue.sections) {
    if (s.label) parts.push(s.label);
    for (const a of s.articles) {
      parts.push(a.title, blocksText(a.blocks), a.note ? blocksText(a.note) : '', a.source ?? '', a.subtitle ?? '', ...a.byline);
      if (a.attachments.length) parts.push('附件：', ...a.attachments.map((x) => `${x.title}${x.blocks ? blocksText(x.blocks) : ''}`));
      for (const f of a.figures) {
        parts.push(f.captionContent ? inlineText(f.captionContent) : '', f.alt);
        // A group's shared caption, once.
        if (f.group?.index === 0 && f.group.captionContent) parts.push(inlineText(f.group.captionContent));
      }
    }
  }
  for (const s of issue.signoff) parts.push(`${s.label}：${s.name}`);
  const d = issue.distribution;
  parts.push(...d.report, ...d.send, ...d.distribute, ...d.extra, '报送发本期增发共印份');
  return parts.join('\n');
}
