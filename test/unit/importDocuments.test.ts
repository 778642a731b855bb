// `bulletin import`: the Word fixtures (made by LibreOffice from the .fodt beside them, by
// test/fixtures/import/make-fixtures.mjs) read into articles, the bad inputs refused or warned about
// with their codes, and the insertion into an issue file that keeps every other byte.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { strToU8, zipSync } from 'fflate';
import { importDocuments } from '../../src/import/importDocuments.js';
import { insertArticle, InsertError } from '../../src/import/insertArticle.js';
import { DocxError, DOCX_LIMITS, readDocx } from '../../src/import/readDocx.js';
import { carriesMetadata } from '../../src/images/imageMetadata.js';
import { validate } from '../../src/validate.js';
import { cleanScratch, REPO, runCli, scratchDir } from '../helpers.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'import');
const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, string[]>;

afterAll(() => cleanScratch());

/** A new series (`bulletin init`) with an empty issue (`bulletin new`): the folder and the issue file. */
async function emptyIssue(): Promise<{ dir: string; issue: string }> {
  const dir = path.join(scratchDir('bulletin-import-'), 'series');
  expect((await runCli(['init', dir])).code).toBe(0);
  expect((await runCli(['new', '--date', '2026-12-10'], dir)).code).toBe(0);
  return { dir, issue: path.join(dir, 'issues', '2026-02.yaml') };
}

/** The article `file` becomes (a dry run into an empty issue), as data. */
async function articleOf(file: string, issue: string): Promise<Record<string, unknown>> {
  const result = await importDocuments([path.join(FIXTURES, 'submissions', file)], { issue, dryRun: true });
  expect(result.diagnostics).toEqual([]);
  return (parseDocument(result.yaml[0]!).toJS() as Record<string, unknown>[])[0]!;
}

describe('the Word fixtures', () => {
  it('lists every fixture file with its codes', () => {
    const files = ['bad', 'submissions'].flatMap((d) => readdirSync(path.join(FIXTURES, d)).filter((f) => !f.endsWith('.fodt') && !f.endsWith('.txt')).map((f) => `${d}/${f}`));
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  it('give exactly their codes; a refused file writes nothing and exits 2 with how to convert it', async () => {
    const { dir, issue } = await emptyIssue();
    const before = readFileSync(issue, 'utf8');
    for (const [file, codes] of Object.entries(EXPECTED)) {
      const result = await importDocuments([path.join(FIXTURES, file)], { issue, dryRun: true, cwd: dir });
      expect(result.diagnostics.map((d) => d.code).sort(), file).toEqual([...codes].sort());
      const refused = result.diagnostics.some((d) => d.severity === 'error');
      expect(result.refused, file).toBe(refused);
      expect(result.added.length, file).toBe(refused ? 0 : 1);
    }
    const doc = await runCli(['import', path.join(FIXTURES, 'bad', 'old-word-renamed.docx'), path.join(FIXTURES, 'submissions', 'water-quality.docx')], dir);
    expect(doc.code).toBe(2);
    expect(doc.stderr + doc.stdout).toContain('this is an old Word document (.doc, Word 97–2003), although its name ends in .docx, not a Word document (.docx) [import-not-docx]');
    expect(doc.stderr + doc.stdout).toContain('save it as “Word 文档 (*.docx)”');
    expect(readFileSync(issue, 'utf8')).toBe(before);
    const missing = await runCli(['import', path.join(FIXTURES, 'submissions', 'water-quality.docx'), '--issue', 'issues/2026-09.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('issues/2026-09.yaml does not exist: name an issue file (.yaml) with --issue, or run `bulletin new` to start one');
    const typo = await runCli(['import', '清河街道 供稿.docx'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stdout + typo.stderr).toContain('there is no such file [import-damaged]');
    expect(typo.stdout + typo.stderr).toContain('Check the name and the folder');
  });
});

describe('a submission becomes an article', () => {
  it('reads the title style, 一、（一） headings typed as text, bold next to Chinese punctuation, a note, and the 供稿 line; cleans Word’s indents, breaks and spaces', async () => {
    const { issue } = await emptyIssue();
    const a = await articleOf('qinghe-street.docx', issue);
    expect(a.title).toBe('清河街道“河长+检察长+警长”协作机制推动小微水体治理');
    expect(a.source).toBe('清河街道办事处供稿');
    expect(a.body).toBe([
      '今年以来，清河街道坚持问题导向，创新建立协作机制[^1]，推动辖区小微水体治理取得阶段性成效。',
      '# 一、主要做法',
      '## （一）摸清底数',
      '**一是**开展拉网式排查。组织网格员对辖区内23处坑塘、沟渠逐一排查，建立“一水一档”。**二是联合执法。**开展专项行动3次，立案查处违法排污案件2起。',
      '# 二、取得成效',
      '截至10月底，辖区小微水体水质优良比例由年初的61%提升至87%，群众满意度明显提高。',
      '[^1]: 协作机制由街道、区检察院、区公安分局共同建立。',
    ].join('\n\n') + '\n');
  });

  it('reads a two-line title typed centred and bold, the subtitle and byline, heading styles, italic, a numbered list, a right-aligned unit', async () => {
    const { issue } = await emptyIssue();
    const a = await articleOf('district-speech.docx', issue);
    expect(a.title).toEqual(['坚定不移走生态优先绿色发展之路', '奋力开创全区生态环境保护新局面']);
    expect(a.subtitle).toBe('——在全区生态环境保护大会上的讲话');
    expect(a.byline).toEqual(['区长　陈　明', '（2026年3月12日）']);
    expect(a.source).toBe('区政府办公室');
    expect(a.body).toContain('\n\n# 一、肯定成绩，正视问题\n\n');
    expect(a.body).toContain('*同比下降8.8%*');
    expect(a.body).toContain('今年重点抓好三项工作：\n\n1. 抓好大气污染防治。\n2. 抓好水环境治理。\n3. 抓好土壤污染防控。\n\n');
  });

  it('makes a Word table a pipe table under its 表 caption and 单位 line', async () => {
    const { issue } = await emptyIssue();
    const a = await articleOf('water-quality.docx', issue);
    expect(a.body).toContain('表：前三季度主要断面水质\n单位：mg/L\n| 断面 | 化学需氧量 | 氨氮 | 水质类别 |\n|---|---|---|---|\n| 清河出境 | 16.2 | 0.42 | Ⅲ类 |\n');
    expect(a.body).toContain('[^1]: 国考断面指国家地表水环境质量监测网断面。');
  });

  it('makes a photo and its 图 caption a figure at its paragraph, drops hidden text, keeps a bulleted list', async () => {
    const { issue } = await emptyIssue();
    const a = await articleOf('beihu-photo.docx', issue);
    expect(a.figures).toEqual([{ image: 'images/2026-02-beihu-photo-1.jpg', place: 'centre', width: '45%', caption: '图1　整治后的北沟渠排口', paragraph: 2 }]);
    expect(a.body).not.toContain('内部备注');
    expect(a.body).toContain('- 截污管网改造\n- 排口标识设置\n- 水质在线监测');
  });

  it('writes Word’s automatic （一） numbering before its heading, a field as its result, and takes typed （1） sentences as paragraphs', async () => {
    const { issue } = await emptyIssue();
    const a = await articleOf('xishan-report.docx', issue);
    expect(a.body).toBe('今年以来，西山乡把农村生活污水治理作为改善人居环境的重点任务，见《西山乡农村生活污水治理台账》。\n\n## （一）建设情况\n\n全乡已建成污水处理站5座，管网23公里。\n\n（1）北山村站点已投入运行。\n\n（2）南岭村站点正在调试。\n\n## （二）运维管理\n\n乡里委托第三方专业机构负责运维，每月开展一次水质检测。\n');
    expect(a.source).toBe('西山乡人民政府供稿');
  });
});

describe('Word’s own structures (written by the docx library)', () => {
  it('accepts tracked changes, leaves out the comment and hidden text, gives a field its result, joins a manual line break', async () => {
    const { issue } = await emptyIssue();
    const result = await importDocuments([path.join(FIXTURES, 'bad', 'word-revisions.docx')], { issue, dryRun: true });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'the document has tracked changes (修订: 1 insertion, 1 deletion): imported as if all were accepted',
      '1 comment (批注) in the document was left out',
    ]);
    const a = (parseDocument(result.yaml[0]!).toJS() as Record<string, unknown>[])[0]!;
    expect(a).toEqual({
      title: '南岭镇开展秸秆禁烧专项巡查',
      body: '11月，南岭镇组织镇村干部开展秸秆禁烧专项巡查，共巡查42次[^1]。\n\n巡查中发现问题3处，已当场整改。\n\n本文见《南岭镇工作简报》。\n\n[^1]: 巡查覆盖全镇12个行政村。\n',
      source: '南岭镇人民政府供稿',
    });
  });
});

describe('the insertion', () => {
  it('adds the five submissions to an empty issue, prints file:line of each, writes the photo without its GPS and camera data, and the issue validates', async () => {
    const { dir, issue } = await emptyIssue();
    const before = readFileSync(issue, 'utf8');
    const files = readdirSync(path.join(FIXTURES, 'submissions')).filter((f) => f.endsWith('.docx')).map((f) => path.join(FIXTURES, 'submissions', f));
    const run = await runCli(['import', ...files], dir);
    expect(run.code, run.stderr).toBe(0);
    const after = readFileSync(issue, 'utf8');
    const lines = after.split('\n');
    const printed = [...run.stdout.matchAll(/^issues\/2026-02\.yaml:(\d+): 《(.+?)》 from /gm)];
    expect(printed.map((m) => m[2])).toEqual(['北湖镇完成北沟渠排口整治', '坚定不移走生态优先绿色发展之路奋力开创全区生态环境保护新局面', '清河街道“河长+检察长+警长”协作机制推动小微水体治理', '前三季度全区主要断面水质情况', '西山乡推进农村生活污水治理']);
    for (const m of printed) expect(lines[Number(m[1]) - 1]).toMatch(/^ {6}- title:/);
    // Outside the inserted block the file is as it was: the head up to `articles:`, the comments after.
    const [head, tail] = before.split('    articles: []\n');
    expect(after.startsWith(`${head}    articles:\n      - title:`)).toBe(true);
    expect(after.endsWith(tail!)).toBe(true);
    // The photo went through the image pipeline: no EXIF (GPS position, camera) left.
    expect(carriesMetadata(readFileSync(path.join(FIXTURES, 'photo-with-gps.jpg')))).toContain('EXIF');
    expect(carriesMetadata(readFileSync(path.join(dir, 'issues', 'images', '2026-02-beihu-photo-1.jpg')))).toEqual([]);
    const checked = await validate([issue], { cwd: dir });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.issues[0]!.sections[0]!.articles).toHaveLength(5);
  });

  const office = readFileSync(path.join(REPO, 'examples', 'office', 'issues', '2026-22.yaml'), 'utf8');
  const article = { title: '新文章', body: '正文。\n' };

  it('appends to a section that has articles, and changes no other byte', () => {
    const { text, line, newSection } = insertArticle(office, article, '工作动态');
    expect(newSection).toBe(false);
    const block = '      - title: 新文章\n        body: |\n          正文。\n';
    expect(text.split('\n')[line - 1]).toBe('      - title: 新文章');
    expect(text.replace(block, '')).toBe(office);
    expect(text.indexOf(block)).toBeLessThan(text.indexOf('  - label: 数据统计'));
  });

  it('creates a section that is absent, at the end of `sections:`', () => {
    const { text, line, newSection } = insertArticle(office, article, '经验交流');
    expect(newSection).toBe(true);
    expect(text.split('\n').slice(line - 3, line)).toEqual(['  - label: 经验交流', '    articles:', '      - title: 新文章']);
    const doc = parseDocument(text).toJS() as { sections: { label: string; articles: unknown[] }[] };
    expect(doc.sections.map((s) => s.label)).toEqual(['工作动态', '数据统计', '经验交流']);
    expect(text.startsWith(office.trimEnd().split('\n').slice(0, -1).join('\n'))).toBe(true);
  });

  it('appends to an issue without sections, and refuses a section there', () => {
    const speech = readFileSync(path.join(REPO, 'examples', 'speech', 'issues', readdirSync(path.join(REPO, 'examples', 'speech', 'issues')).find((f) => f.endsWith('.yaml'))!), 'utf8');
    const { text } = insertArticle(speech, article, undefined);
    expect((parseDocument(text).toJS() as { articles: { title: string }[] }).articles.at(-1)!.title).toBe('新文章');
    expect(() => insertArticle(speech, article, '工作动态')).toThrow(InsertError);
  });
});

describe('a .docx built in the test (hostile or unusual)', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const docx = (document: string, more: Record<string, Uint8Array> = {}) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(document), ...more });
  const refusal = (bytes: Uint8Array) => {
    try {
      readDocx(bytes);
    } catch (error) {
      if (error instanceof DocxError) return { code: error.code, message: error.message };
      throw error;
    }
    return undefined;
  };

  it('keeps a merged cell’s columns: the cells it spans are empty, the rows keep the table’s width', () => {
    const cell = (text: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${cell('项目')}${cell('完成情况', 2)}</w:tr><w:tr>${cell('')}${cell('个数')}${cell('投资')}</w:tr><w:tr>${cell('清河')}${cell('8')}${cell('1200')}</w:tr></w:tbl>`;
    const doc = readDocx(docx(`<w:document ${W}><w:body>${table}</w:body></w:document>`));
    expect(doc.blocks).toEqual([{ type: 'table', rows: [['项目', '完成情况', ''], ['', '个数', '投资'], ['清河', '8', '1200']] }]);
  });

  it('makes two pictures in one paragraph a group side by side, under the caption below them', async () => {
    const { dir, issue } = await emptyIssue();
    const photo = readFileSync(path.join(FIXTURES, 'photo-with-gps.jpg'));
    const blip = (id: string) => `<w:r><w:drawing><a:blip r:embed="${id}"/></w:drawing></w:r>`;
    const document = `<w:document ${W}><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>两张照片</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p><w:p>${blip('rId1')}${blip('rId2')}</w:p><w:p><w:r><w:t>图2　整治前后对比</w:t></w:r></w:p></w:body></w:document>`;
    const rels = '<Relationships><Relationship Id="rId1" Type="image" Target="media/a.jpg"/><Relationship Id="rId2" Type="image" Target="media/b.jpg"/></Relationships>';
    const file = path.join(dir, 'two-photos.docx');
    writeFileSync(file, docx(document, { 'word/_rels/document.xml.rels': strToU8(rels), 'word/media/a.jpg': photo, 'word/media/b.jpg': photo }));
    const result = await importDocuments([file], { issue, dryRun: true, cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect((parseDocument(result.yaml[0]!).toJS() as { figures: unknown }[])[0]!.figures).toEqual([
      { images: ['images/2026-02-two-photos-1.jpg', 'images/2026-02-two-photos-2.jpg'], caption: '图2　整治前后对比', paragraph: 1 },
    ]);
  });

  it('takes the unit above a closing date as the source, and keeps the date as text', async () => {
    const { dir, issue } = await emptyIssue();
    const right = (text: string) => `<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const file = path.join(dir, 'signed.docx');
    writeFileSync(file, docx(`<w:document ${W}><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>关于排口整治的报告</w:t></w:r></w:p><w:p><w:r><w:t>排口已全部整治。</w:t></w:r></w:p>${right('清河街道办事处')}${right('2026年11月20日')}</w:body></w:document>`));
    const result = await importDocuments([file], { issue, dryRun: true, cwd: dir });
    expect(parseDocument(result.yaml[0]!).toJS()).toEqual([{ title: '关于排口整治的报告', body: '排口已全部整治。\n\n2026年11月20日\n', source: '清河街道办事处' }]);
  });

  it('refuses a document type (an XML entity could read a file or blow up)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    expect(refusal(docx(xxe))).toEqual({ code: 'import-damaged', message: expect.stringContaining('declares a document type') });
  });

  it('stops a part that unpacks to more than its cap, whatever size it declares', () => {
    const bytes = docx(`<w:document ${W}><w:body><w:p><w:r><w:t>${'甲'.repeat(12 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`);
    // Lie about the size in the central directory: 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = bytes.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)) === 'word/document.xml') view.setUint32(at + 24, 100, true);
    }
    expect(refusal(bytes)).toMatchObject({ code: 'import-too-large' });
    expect(DOCX_LIMITS.xmlBytes).toBeLessThan(12 * 1024 * 1024 * 3);
  });

  it('reads pictures from inside the archive only: a relationship that climbs out finds nothing', () => {
    const document = `<w:document ${W}><w:body><w:p><w:r><w:drawing><a:blip r:embed="rId1"/></w:drawing></w:r><w:r><w:t>正文。</w:t></w:r></w:p></w:body></w:document>`;
    const rels = '<Relationships><Relationship Id="rId1" Type="image" Target="../../../../../../etc/passwd"/></Relationships>';
    const doc = readDocx(docx(document, { 'word/_rels/document.xml.rels': strToU8(rels) }));
    expect(doc.blocks[0]).toMatchObject({ type: 'paragraph', images: ['etc/passwd'] });
    expect(doc.media.size).toBe(0);
  });
});
