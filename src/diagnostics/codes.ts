// The closed list of diagnostic codes: every problem bulletin can report, with its default severity,
// what it says and what to do about it. Kept as data so that it can be documented, tested and translated.
import { LINT_CODES, type LintCode } from '../lint/lintCodes.js';

export type Severity = 'error' | 'warning';

export { LINT_CODES, type LintCode };

export interface CodeInfo {
  /** How the problem is reported (a series may set the level of each text-* check). */
  severity: Severity;
  /** What the diagnostic says; `{name}` stands for a specific of the case (a key, a path, a number). */
  message: string;
  /** What to do about it, when the caller has nothing more specific to say. */
  hint: string;
}

/** The hint of YAML syntax errors that have no better one. */
const CHECK_THE_LINE = 'Check the indentation, the quotes and the brackets on this line and the one above.';

/** The hint of schema errors whose part of the schema has no description. */
const SEE_SCHEMA = 'See the description of this key in the schema (schemas/), or an example in examples/.';

/** The copy-editing checks: keyed by the lint list, so a check added there must be described here. */
const TEXT_CODES: Record<LintCode, CodeInfo> = {
  'text-halfwidth-punct': { severity: 'warning', message: 'half-width `{char}` in Chinese text', hint: 'Write the full-width punctuation mark next to Chinese characters (GB/T 15834).' },
  'text-straight-quotes': { severity: 'warning', message: 'straight quote `{char}` in Chinese text', hint: 'Chinese text takes “ ” outside and ‘ ’ inside (GB/T 15834).' },
  'text-unbalanced': { severity: 'warning', message: '`{char}` has no partner in the paragraph', hint: 'Close each pair of quotes or brackets within its paragraph (GB/T 15834).' },
  'text-dash': { severity: 'warning', message: '`{text}` is not a Chinese dash', hint: 'Write the dash (破折号) as `——`, two U+2014 EM DASH with no spaces (GB/T 15834).' },
  'text-ellipsis': { severity: 'warning', message: '`{text}` is not a Chinese ellipsis', hint: 'Write the ellipsis (省略号) as `……`, two U+2026 HORIZONTAL ELLIPSIS (GB/T 15834).' },
  'text-range-tilde': { severity: 'warning', message: '`{char}` in a range of numbers', hint: 'Write the full-width wave dash `～` (U+FF5E) between the numbers of a range, as in 25～30 (GB/T 15834).' },
  'text-year-range': { severity: 'warning', message: '`{char}` in a range of years or dates', hint: 'Join the range with the one-em dash `—` (U+2014), as in 2018—2020年 (GB/T 15834).' },
  'text-title-period': { severity: 'warning', message: 'a title ends with `{char}`', hint: 'Titles and headings take no full stop at the end (GB/T 15834): remove it.' },
  'text-ordinal': { severity: 'warning', message: 'ordinal `{text}` in a non-standard form', hint: 'Ordinals are written 一、 · （一） · 1. · （1）, with nothing after the brackets (GB/T 15834).' },
  'text-date-zero': { severity: 'warning', message: 'wrong zero {char} in the year {year}年', hint: 'A year in Chinese numerals writes zero as 〇 (U+3007) (GB/T 15835).' },
  'text-date-mixed': { severity: 'warning', message: 'the date {date} mixes Chinese and Arabic numerals', hint: 'Write a date in one form: 二〇一八年十二月二十八日 or 2018年12月28日 (GB/T 15835).' },
  'text-issue-number-padded': { severity: 'warning', message: 'the number {number} is padded with zeros', hint: 'Issue and document numbers take no leading zeros (GB/T 15835).' },
  'text-cjk-space': { severity: 'warning', message: 'space between `{before}` and `{after}`', hint: 'Chinese text takes no spaces around digits and Latin words (as in 2018年第2期); remove it.' },
};

export const DIAGNOSTIC_CODES = {
  // Reading a source file, before it is parsed.
  'source-missing': { severity: 'error', message: 'file not found', hint: 'Check the path.' },
  'source-unreadable': { severity: 'error', message: 'cannot read the file ({reason})', hint: 'Check the file and its permissions.' },
  'source-outside': { severity: 'error', message: 'this source leads outside the series folder (a symbolic link); it was not read', hint: 'Replace the link with the file itself, inside the series folder.' },
  'source-not-file': { severity: 'error', message: 'not a regular file', hint: 'Name a .yaml file or a series folder.' },
  'source-too-large': { severity: 'error', message: 'source too large: {size} MiB, the limit is {limit} MiB', hint: 'An issue file holds text only; split it or move large content out.' },
  'source-encoding': { severity: 'error', message: 'the file is not valid UTF-8', hint: 'Save the file as UTF-8 (without GBK or other legacy encodings).' },
  'source-encoding-gbk': { severity: 'error', message: 'the file is saved in the GBK/GB18030 encoding (as Windows Notepad saves Chinese text), not UTF-8', hint: 'Run `bulletin validate --fix` to convert it to UTF-8 (only the encoding changes), or save it again as UTF-8.' },

  // YAML syntax and the safe profile (src/source/parseYaml.ts).
  'yaml-syntax': { severity: 'error', message: 'cannot parse YAML: {reason}', hint: CHECK_THE_LINE },
  'yaml-empty': { severity: 'error', message: 'the file is empty: expected a mapping such as `year: 2018`', hint: 'Start from an example in examples/.' },
  'yaml-not-mapping': { severity: 'error', message: 'expected a mapping of keys to values, found {found}', hint: 'A source starts with keys such as `year: 2018` at the left margin.' },
  'yaml-multiple-documents': { severity: 'error', message: 'exactly one YAML document expected, found another after `---`', hint: 'Remove the second `---` and what follows, or move it to its own file.' },
  'yaml-too-deep': { severity: 'error', message: 'the file nests more than {limit} levels deep', hint: 'An issue source needs a few levels at most; this is not a bulletin source.' },
  'yaml-alias-limit': { severity: 'error', message: 'too many aliases (more than {limit})', hint: 'Write the values out instead of repeating anchors (&name) and aliases (*name).' },
  'yaml-bad-alias': { severity: 'error', message: 'the alias `*{name}` does not refer to an anchor `&{name}` above it', hint: 'A value that starts with `*` is read as an alias (a reference to an `&anchor`): put the text in quotes if the asterisk belongs to it.' },
  'yaml-alias-props': { severity: 'error', message: 'an alias cannot carry an anchor or a tag', hint: 'Remove the `&name` or `!tag` in front of the alias (*name).' },
  'yaml-multiple-anchors': { severity: 'error', message: 'a value can have at most one anchor', hint: 'Keep one `&name` in front of the value.' },
  'yaml-bad-prop-order': { severity: 'error', message: 'anchors and tags must come after the `{indicator}` indicator', hint: 'Move the `&name` after the `?`, `:` or `-`.' },
  'yaml-tag': { severity: 'error', message: 'explicit YAML tags such as `{tag}` are not allowed', hint: 'Remove the tag (the word starting with `!`); write the value as plain text (quote it if needed).' },
  'yaml-leading-zero': { severity: 'error', message: 'the number `{number}` has a leading zero', hint: 'Write the number without the zero (YAML 1.1 would read it as an octal number), or quote it if it is text.' },
  'yaml-lone-surrogate': { severity: 'error', message: 'the text holds half of a UTF-16 surrogate pair (an escape such as \\ud800), which is no character', hint: 'Remove the escape, or write the character itself.' },
  'yaml-unclosed-bracket': { severity: 'error', message: 'the {what} opened with `{open}` here is not closed with `{close}`', hint: 'Close it on the same line, or write the text without brackets (quote it if it must start with `[` or `{`).' },
  'yaml-missing-char': { severity: 'error', message: 'a character is missing: {reason}', hint: CHECK_THE_LINE },
  'yaml-duplicate-key': { severity: 'error', message: 'the key `{key}` appears twice in the same mapping', hint: 'Each key may appear once in a mapping: remove or rename one of them.' },
  'yaml-tab-as-indent': { severity: 'error', message: 'tabs are not allowed as indentation', hint: 'Indent with spaces, not tabs.' },
  'yaml-bad-indent': { severity: 'error', message: 'the indentation does not line up: {reason}', hint: CHECK_THE_LINE },
  'yaml-bad-dq-escape': { severity: 'error', message: 'invalid escape sequence `{escape}` in double quotes', hint: 'In "double quotes" a backslash starts an escape: write `\\\\` for a backslash, or use single quotes.' },
  'yaml-bad-scalar-start': { severity: 'error', message: 'a plain value cannot start with `{char}`', hint: 'Put the text in quotes: `@` and a backquote are reserved at the start of a value.' },
  'yaml-block-as-implicit-key': { severity: 'error', message: 'a nested mapping or list where a key on one line was expected', hint: 'Put the nested mapping on its own indented lines, or quote the value if it contains ": ".' },
  'yaml-block-in-flow': { severity: 'error', message: 'block collections are not allowed within flow collections', hint: 'Inside `[…]` or `{…}` separate the items with commas; do not start lines with `-`.' },
  'yaml-multiline-implicit-key': { severity: 'error', message: 'a key must be on a single line', hint: 'A key must fit on one line: check for a missing `:` or a quote that is not closed above.' },
  'yaml-key-over-1024-chars': { severity: 'error', message: 'a key is longer than 1024 characters', hint: 'Keys are short names such as `title`; long text belongs in a value.' },
  'yaml-unexpected-token': { severity: 'error', message: 'unexpected `{token}`: {reason}', hint: 'Something follows a complete value on this line: if a text goes on after its closing quote, quote all of it (or none of it).' },
  'yaml-bad-directive': { severity: 'error', message: 'unknown or unsupported YAML directive: {reason}', hint: 'A line starting with `%` is a YAML directive: remove it, or start the text with something else.' },

  // The JSON Schemas (src/source/schemaCheck.ts).
  'schema-unknown-key': { severity: 'error', message: 'unknown key `{key}` in {where}', hint: 'Check the spelling against the schema (schemas/): only the keys it describes are allowed here.' },
  'schema-missing-key': { severity: 'error', message: '{where} lacks the required key `{key}`', hint: 'Add the key (see its description in the schema, schemas/).' },
  'schema-type': { severity: 'error', message: '{where} must be {expected}, not {found}', hint: SEE_SCHEMA },
  'schema-enum': { severity: 'error', message: '{where} must be one of {allowed}, not {found}', hint: SEE_SCHEMA },
  'schema-range': { severity: 'error', message: '{where} {limit}', hint: SEE_SCHEMA },
  'schema-format': { severity: 'error', message: '{where} has the wrong form: {found}', hint: SEE_SCHEMA },
  'schema-invalid': { severity: 'error', message: '{where} {reason}', hint: SEE_SCHEMA },

  // One issue (src/source/loadIssue.ts).
  'year-mismatch': { severity: 'error', message: 'year {year} does not match the date {date}', hint: 'The issue line prints the year of publication: set `year:` to the year of the date, or correct the date.' },
  'total-less-than-number': { severity: 'error', message: 'total {total} is smaller than the number {number}', hint: 'The running total (总第N期) counts every issue since the first, so it is at least the number within the year.' },
  'special-without-label': { severity: 'error', message: 'a special issue (专刊) needs a `label`', hint: 'Add `label: …专刊` naming the special issue.' },
  'label-without-special': { severity: 'error', message: '`label` is only printed on special issues', hint: 'Set `kind: special`, or remove `label`.' },
  'total-missing': { severity: 'error', message: 'the issue lacks `total` (总第N期)', hint: 'Add `total:` with the running number of the issue, e.g. `total: 11`.' },
  'total-ignored': { severity: 'warning', message: 'supplements do not count towards the total in this series, so `total` is not printed', hint: 'Remove `total`, or set `numbering.supplementsCountInTotal: true` in bulletin.yaml.' },
  'section-empty': { severity: 'warning', message: 'section 【{label}】 has no articles yet', hint: 'Add articles before building, or remove the section.' },
  'articles-with-sections': { severity: 'error', message: 'the issue has both `sections` and `articles`', hint: 'Move these articles into a section under `sections:`, or remove `sections:` to print the issue without section labels.' },
  'sections-none': { severity: 'error', message: '`sections: {value}` does not print an issue without sections', hint: 'Leave out `sections:` and list the articles under `articles:` as under a section (`- title: …` each, with its `body: |`): no 【label】 is printed.' },
  'signoff-label': { severity: 'error', message: 'the sign-off names the role `{label}`, which the series does not print', hint: 'Use one of the roles of `signoff: { labels: […] }` in bulletin.yaml, or add this one there.' },
  'title-too-long': { severity: 'warning', message: 'the title takes {lines} lines at {size} pt, more than {max}', hint: 'Shorten the title, or allow longer titles with `layout.titleLines` in bulletin.yaml.' },
  'id-duplicate': { severity: 'error', message: 'article id `{id}` is already used at line {line}', hint: 'Give each article its own `id` (ids become link targets and bookmarks).' },
  'figure-paragraph': { severity: 'error', message: 'the body has {paragraphs} paragraph(s), so there is no paragraph {paragraph}', hint: 'Use a paragraph number of the body.' },
  // Figures: one photo or a group side by side, at a size the page holds (src/layout/figureScaling.ts).
  'figure-images': { severity: 'error', message: 'a figure needs `image:` (one photo) or `images:` (two or three side by side), not both and not neither', hint: 'Write `image: images/….jpg` for one photo, or `images:` with two or three photos printed side by side.' },
  'figure-scaled': { severity: 'warning', message: 'the figure would be {lines} lines tall and a page has {max}: it is printed smaller', hint: 'Give it a smaller `width:`, or crop the photo to a wider shape.' },

  // Article bodies and notes, and every other printed text (src/model/parseBody.ts, src/source/checkPlainTexts.ts).
  'body-raw-html': { severity: 'error', message: 'raw HTML `{html}` is not accepted in {field}', hint: 'Write Markdown only: paragraphs, *emphasis*, lists, `#` headings. Remove the HTML.' },
  'body-image': { severity: 'error', message: 'images inside the text of {field} are not accepted', hint: 'Add the photo under `figures:` of the article, with `paragraph:` saying where it goes.' },
  'body-link': { severity: 'error', message: 'link `{href}` is not an http(s): or mailto: address', hint: 'Links may only point to web pages (https://…) or e-mail addresses (mailto:…).' },
  'body-markdown-unsupported': { severity: 'warning', message: '{what} is not part of a bulletin\'s Markdown', hint: 'Write paragraphs, *emphasis*, **strong**, lists, `#` headings and links `[text](https://…)`.' },
  'body-long-url': { severity: 'warning', message: 'the address `{url}` ({length} characters) is longer than a line', hint: 'It is broken across lines in print, where no reader can click it: give the link a short text, `[通知全文](https://…)`, or a shorter address.' },
  'body-stray-emphasis-mark': { severity: 'warning', message: 'the emphasis mark `{mark}` prints as typed: it opens or closes nothing', hint: 'Put the marks right around the words, `**一是加强统筹。**` or `*强调*`; to print an asterisk itself, write `\\*` or a full-width ＊.' },
  'body-lines-joined': { severity: 'warning', message: 'a paragraph of {lines} lines joined into one (`markdown.lineBreaks: join`): lines ending in 。 look like paragraphs pasted from Word', hint: 'Put a blank line between paragraphs, or remove `lineBreaks: join` from `markdown:` in bulletin.yaml (each line is then a paragraph).' },
  // Notes (`[^1]`, src/model/parseBody.ts with markdown-it-footnote).
  'footnote-undefined': { severity: 'error', message: 'the note mark `{mark}` refers to a note that is not written', hint: 'Write the note on a line of its own after the paragraph: `[^1]: 注释的内容。` (printed as 注释 at the end of the article, numbered ①②③).' },
  'footnote-unused': { severity: 'warning', message: 'the note `{mark}` is written but no sentence refers to it: it is not printed', hint: 'Put the mark in the text after the words the note explains, or remove the note.' },
  'body-code': { severity: 'error', message: 'code blocks are not part of a bulletin article', hint: 'Indented or fenced text becomes a code block in Markdown: start paragraphs at the left margin of the block.' },

  // Tables: pipe tables of a body (src/model/tableRules.ts) and the files of an article's `tables:` (src/model/readTableFile.ts).
  'table-malformed': { severity: 'error', message: 'lines of `|` that are no table print as typed', hint: 'Write the header row, then a divider with one `---` per column, then the rows.' },
  'table-ragged': { severity: 'error', message: 'a row with more or fewer cells than the header', hint: 'Give every row as many cells as the header: an empty cell is written `|  |`.' },
  'table-too-many-columns': { severity: 'error', message: 'the table has {columns} columns: at most {limit} fit across the page', hint: 'Split the table in two, or turn it: put the many columns as rows.' },
  'table-too-many-rows': { severity: 'error', message: 'the table has {rows} rows: at most {limit}', hint: 'Print a summary, or split the table; a bulletin is not the place for a whole data set.' },
  'table-empty': { severity: 'warning', message: 'the table has no rows, or only empty cells', hint: 'Fill in the rows, or remove the table.' },
  'table-too-wide': { severity: 'warning', message: 'the table is wider than the type area even at the smallest table size: its cells wrap', hint: 'Shorten the headers, split the table, or put fewer columns in it.' },
  'table-file-outside': { severity: 'error', message: 'table file `{path}` is not a path inside the series', hint: 'Copy the file into the series folder and give its path relative to the issue file, with forward slashes.' },
  'table-file-missing': { severity: 'error', message: 'table file `{path}` not found', hint: 'Put the file there, or correct the path (it is relative to the issue file).' },
  'table-file-not-file': { severity: 'error', message: 'table file `{path}` is not a regular file', hint: 'Name the .xlsx or .csv file itself.' },
  'table-paragraph': { severity: 'error', message: 'the body has {paragraphs} paragraph(s), so there is no paragraph {after} for the table to follow', hint: 'Use a paragraph number of the body, or leave `after` out.' },
  'table-file-unreadable': { severity: 'error', message: 'table file `{path}` cannot be read', hint: 'Check the file and its permissions.' },
  'table-file-too-large': { severity: 'error', message: 'table file `{path}` is larger than {limit}', hint: 'Save only the sheet the bulletin prints, in a file of its own.' },
  'table-file-type': { severity: 'error', message: 'table file `{path}` is not a .xlsx workbook or a .csv text', hint: 'Save the sheet as Excel Workbook (.xlsx) or CSV UTF-8 (.csv); the old .xls format is not read.' },
  'table-file-damaged': { severity: 'error', message: 'table file `{path}` cannot be read as a workbook: {reason}', hint: 'Open the file in Excel or WPS and save it again as .xlsx.' },
  'table-sheet-missing': { severity: 'error', message: 'the workbook has no sheet `{sheet}`', hint: 'Name one of the sheets the message lists (the tab names at the bottom of Excel).' },
  'table-range': { severity: 'error', message: 'the range `{range}` is not a range of cells', hint: 'Write the range as Excel shows it: the top-left and bottom-right cells, `A1:E9`.' },

  // `bulletin import`: a Word submission read into an article source (src/import/).
  'import-not-docx': { severity: 'error', message: 'this is {format}, not a Word document (.docx)', hint: 'Open it in Word or WPS and save it as “Word 文档 (*.docx)” (文件 → 另存为), then import the .docx.' },
  'import-encrypted': { severity: 'error', message: 'the document is protected by a password: it cannot be read', hint: 'Open it in Word or WPS with its password, remove the password (文件 → 信息 → 保护文档 / 文档加密), save it, and import it again.' },
  'import-damaged': { severity: 'error', message: 'the document cannot be read: {reason}', hint: 'Open it in Word or WPS and save it again as .docx; if it does not open there either, ask the unit to send it again.' },
  'import-too-large': { severity: 'error', message: 'the document is too large: {reason}', hint: 'Ask for the text with smaller pictures (in Word: 文件 → 压缩图片), or send the pictures separately.' },
  'import-too-long': { severity: 'error', message: 'the document is too long for one article: {reason}', hint: 'Import the part that belongs in the bulletin: copy it into a new .docx and import that.' },
  'import-macros': { severity: 'error', message: 'the document contains macros (a .docm file): it was not read', hint: 'Macros are never run or imported. Open it in Word or WPS, save it as “Word 文档 (*.docx)”, and import that.' },
  'import-external': { severity: 'warning', message: '{what} outside the document: not fetched', hint: 'A picture that is only linked is not in the file. Insert the picture itself in Word (插入 → 图片 → 此设备), or add it to the article’s `figures:` by hand.' },
  'import-tracked-changes': { severity: 'warning', message: 'the document has tracked changes ({count}): imported as if all were accepted', hint: 'Read the article through; if a change should not have been accepted, correct the YAML (or accept/reject the changes in Word and import again).' },
  'import-comments': { severity: 'warning', message: '{count} comments (批注) in the document were left out', hint: 'Comments are not printed. Read them in Word if they ask for a change in the text.' },
  'import-image-skipped': { severity: 'warning', message: 'a picture of the document was left out: {reason}', hint: 'Save the picture as JPEG or PNG and add it to the article’s `figures:` by hand.' },
  'import-no-title': { severity: 'warning', message: 'no title was recognised: the file name stands in', hint: 'Correct the `title:` of the imported article (Word’s Title style, or a short centred first line, is read as the title).' },

  // Files named by a source: figures (src/model/checkAsset.ts, then the type and size sniffed).
  'image-outside': { severity: 'error', message: 'image `{path}` is not a path inside the series', hint: 'Copy the file into the series folder and give its path relative to the source file, with forward slashes.' },
  'image-missing': { severity: 'error', message: 'image `{path}` not found', hint: 'Put the file there, or correct the path (it is relative to the source file).' },
  'image-unreadable': { severity: 'error', message: 'image `{path}` cannot be read ({reason})', hint: 'Check the file and its permissions.' },
  'image-not-file': { severity: 'error', message: 'image `{path}` is not a regular file', hint: 'Point to a PNG, JPEG, SVG or WebP file.' },
  'image-too-large': { severity: 'error', message: 'image `{path}` is {size} MiB, the limit is {limit} MiB', hint: 'Scale the photo down (300 dpi at print size is plenty) or save it as JPEG.' },
  'image-type': { severity: 'error', message: '`{path}` is not a PNG, JPEG, SVG or WebP image (its content says otherwise, whatever its name)', hint: 'Export the photo as JPEG or PNG.' },
  'image-svg-malformed': { severity: 'error', message: '`{path}` is not a well-formed SVG: {reason}', hint: 'Export the figure again as a plain SVG (or PNG) from the drawing program.' },
  'image-svg-active': { severity: 'warning', message: '`{path}` holds {what}: removed from the figure printed and published', hint: 'A figure may only draw: scripts, event handlers, animations, embedded documents and references to other files are taken out. Export the figure again as a plain SVG to silence this.' },
  'image-damaged': { severity: 'error', message: '`{path}` is damaged: {reason}', hint: 'Save or export the picture again from its original (a damaged file prints as an empty box), and replace this one.' },
  'figure-svg-text': { severity: 'warning', message: 'the SVG figure `{path}` has text, which is set in the fonts of the machine that builds, not the layout\'s', hint: 'Convert the text to outlines in the drawing program (Inkscape: Path → Object to Path; Illustrator: Type → Create Outlines), or export the figure as PNG.' },
  'image-svg-invalid': { severity: 'error', message: '`{path}` cannot be drawn: {reason}', hint: 'Open the figure in a drawing program and save it again as plain SVG, or export it as PNG.' },
  'image-svg-complex': { severity: 'error', message: '`{path}` is too complex to print: {reason}', hint: 'Simplify the figure (fewer repeated elements, no filters or fine patterns), or export it as PNG at print size.' },
  // What the image pipeline will change (src/model/imageFeatures.ts, src/images/), and what it refuses.
  'image-heic': { severity: 'error', message: '`{path}` is a HEIC photo (the iPhone\'s own format), which bulletin cannot read', hint: 'Export the photo as JPEG (iPhone: Share → Options → Most Compatible; Settings → Camera → Formats → Most Compatible for future photos).' },
  'image-extension': { severity: 'warning', message: '`{path}` is a {type} image by its content, whatever its name says', hint: 'Rename the file to the extension of its type (and the path in the issue).' },
  'image-animated': { severity: 'warning', message: '`{path}` is animated: only its first frame is printed and published', hint: 'Choose the frame to print and export it as a JPEG or PNG.' },
  'image-16bit': { severity: 'warning', message: '`{path}` has 16 bits per colour channel: it is reduced to 8', hint: 'Export it as an 8-bit PNG or as JPEG.' },
  'image-cmyk': { severity: 'warning', message: '`{path}` is a CMYK JPEG: it is converted to sRGB, and its colours may shift slightly', hint: 'Export the original as an sRGB JPEG to choose the colours yourself.' },
  'image-decode': { severity: 'error', message: 'at build: `{path}` cannot be decoded: {reason}', hint: 'Open the photo in an image program and save it again as JPEG or PNG.' },
  'image-resolution': { severity: 'warning', message: 'at build: a photo prints at {ppi} ppi, outside {min}–{max}', hint: 'Use a larger original (a photo below the minimum looks soft in print), or set `images.minPpi` in bulletin.yaml.' },
  'html-single-over-budget': { severity: 'warning', message: 'at build (--html-single): the single-file page of {issue} is {size} MB, over the budget of {budget} MB', hint: 'The largest photos are named: crop them or use fewer, share the PDF instead, or raise `output.htmlSingleBudgetMB` in bulletin.yaml.' },
  'ofd-content-skipped': { severity: 'error', message: 'at build (--ofd): the PDF of {issue} draws what the OFD converter cannot redraw yet', hint: 'The OFD was not written; the PDF was. Report this to bulletin with the page and operator named: it is a gap of the converter, not of your sources.' },
  'pdf-over-budget': { severity: 'warning', message: 'at build: the PDF of {issue} is {size} MB, over the budget of {budget} MB', hint: 'The three largest images are named: crop or use smaller photos, lower `images.printPpi`, or raise `output.pdfBudgetMB` in bulletin.yaml.' },
  'image-dimensions': { severity: 'error', message: 'the pixel size of `{path}` cannot be read, or is too large', hint: 'Save the photo again as a plain JPEG or PNG, scaled to a size for print.' },

  // Font files named in bulletin.yaml (src/model/checkAsset.ts, src/source/loadSeries.ts).
  'font-outside': { severity: 'error', message: 'font file `{path}` is not a path inside the series', hint: 'Copy the font into the series folder and give its path relative to bulletin.yaml.' },
  'font-missing': { severity: 'error', message: 'font file `{path}` not found', hint: 'Put the font there, or correct the path (it is relative to bulletin.yaml).' },
  'font-unreadable': { severity: 'error', message: 'font file `{path}` cannot be read ({reason})', hint: 'Check the file and its permissions.' },
  'font-not-file': { severity: 'error', message: 'font file `{path}` is not a regular file', hint: 'Point to a TrueType/OpenType or WOFF2 file.' },
  'font-too-large': { severity: 'error', message: 'font file `{path}` is {size} MiB, the limit is {limit} MiB', hint: 'Use a subset of the font.' },
  'font-type': { severity: 'error', message: '`{path}` is not a usable font: {reason}', hint: 'Name a TrueType or OpenType font file (.ttf, .ttc, .otf, .woff2), as the font\'s maker supplies it.' },
  'font-face-missing': { severity: 'error', message: '`{path}` is a font collection without the face asked for (the message lists its faces), or `face`/`index` names a single font', hint: 'Name one of the faces listed, by `face:` (one of its names) or `index:` (its number).' },
  'font-convert': { severity: 'error', message: '`{path}` cannot be converted into the TrueType font the PDF embeds: {reason}', hint: 'The file is damaged or not a font the converter reads: use the font maker\'s TrueType version (.ttf), or another copy of the file.' },
  'font-type3': { severity: 'error', message: '`{path}` would be embedded in the PDF as a Type 3 font ({reason})', hint: 'Use the TrueType version of the font (.ttf, a static font with TrueType outlines whose licence allows embedding).' },
  'layout-impossible': { severity: 'error', message: 'the page of `layout` cannot be printed: {reason}', hint: 'Change the key named, or choose another `layout.preset` (docs/presets.md).' },
  'series-line-too-long': { severity: 'warning', message: 'the series line 「{text}」 does not fit on one line of the masthead even at {size} pt: it is printed in two lines', hint: 'Shorten the series line (about 20 characters fit on one line).' },
  'masthead-too-long': { severity: 'warning', message: 'the name 「{text}」 does not fit on one line of the masthead at {size} pt: it is printed smaller', hint: 'Shorten the name (up to 10 characters fit).' },

  // Numbering across the series (src/model/checkNumbering.ts).
  'number-gap': { severity: 'error', message: '{issue} leaves out {missing}', hint: 'Number it as the next number, or add the missing issue file.' },
  'number-duplicate': { severity: 'error', message: '{issue} is also {other}', hint: 'Each issue has its own number.' },
  'total-gap': { severity: 'error', message: '{issue} leaves out {missing}', hint: 'Number it as the next total, or add the missing issue file.' },
  'total-duplicate': { severity: 'error', message: '{issue} is also {other}', hint: 'Each issue has its own total.' },
  'before-start': { severity: 'error', message: '{issue} comes before the first issue on record ({first})', hint: 'Correct the number, or move `numbering.start` in bulletin.yaml back.' },
  'date-order': { severity: 'error', message: '{issue} is dated {date}, before {other}', hint: 'Later issues carry higher numbers: check this date and the numbers of both issues.' },

  // The series as a whole (src/validate.ts).
  'series-missing': { severity: 'error', message: 'this issue is not in a series: no bulletin.yaml in its folder or above', hint: 'Put the issue in the issues/ folder of a series (run `bulletin init` to start one).' },
  'series-no-issues': { severity: 'warning', message: 'no issue files found in {folder}', hint: 'Run `bulletin new` to write the first issue.' },
  'output-name-duplicate': { severity: 'error', message: 'the outputs of `{file}` would overwrite those of `{other}`', hint: 'Give each issue file its own name (letters that differ only in upper and lower case count as the same name), e.g. `2018-02.yaml`.' },
  'output-name-reserved': { severity: 'error', message: 'the issue file `{file}` cannot be built under its name: {reason}', hint: 'Rename the file, e.g. after the issue\'s year and number (`2018-02.yaml`).' },

  // The printed text of a source (src/source/printedFields.ts, src/check/).
  'glyph-missing': { severity: 'warning', message: 'the font for {texts} (`fonts.{role}`) and the bundled fallbacks lack the character 「{char}」 ({codePoint}); the build prints 〓 in its place', hint: 'Replace the character (check the name or term with its author), or name a font file that has it under `fonts:` in bulletin.yaml.' },
  'control-character': { severity: 'error', message: 'invisible control character {codePoint} in printed text: it can reorder, break or hide what is printed, and no editor shows it', hint: 'Delete it, or retype the text. Text copied from web pages, PDFs or chat programs often carries such characters.' },

  // Found while building (src/renderIssue.ts, src/render/sanitizeHtml.ts).
  'template-content-removed': { severity: 'warning', message: 'the page the series templates made held {what}: removed from the page printed and published', hint: 'A published page runs nothing and loads only its own files: take scripts, event handlers, frames, forms, <base>, <meta http-equiv> and other addresses out of the series templates (templates/).' },
  'resource-blocked': { severity: 'warning', message: 'the document asked for {url}, which was refused', hint: 'An issue may use only its own images and the layout\'s files; check the series templates and stylesheets.' },
  // Fitting the last page (src/print/fitLastPage.ts, issue 16).
  'fit-failed': { severity: 'warning', message: 'body page {page} holds only {what}, and tightening the last articles within the layout\'s limits does not pull it back onto the page before', hint: 'Shorten the last article by a few lines (or lengthen it to fill the page), or move a figure; to print the page as it falls, set `fit: off` in the issue.' },

  // Copy-editing (src/lint/).
  ...TEXT_CODES,
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}

/**
 * A code that comes as a plain string from a module that does not type it yet (the body checks of
 * src/model/markdownParser.ts). A code missing from the list is a bug of bulletin, not of the source.
 */
export function diagnosticCode(code: string): DiagnosticCode {
  if (!isDiagnosticCode(code)) throw new Error(`diagnostic code \`${code}\` is not in src/diagnostics/codes.ts`);
  return code;
}
