// What `bulletin doctor` says of a role's face: where it comes from, its family and design, its
// format and how the PDF will carry it, and its coverage: GB 2312's 6763 hanzi (what ordinary
// official prose needs) and the characters official prose adds to them (Ⅲ类, μg/m³, ℃, ①, ⑴, ㈠,
// full-width forms, a rare name character), which fonts made for GB 2312 often lack.
import type { FontRole } from './types.js';
import type { FontFacts } from './fontFile.js';
import { type3Reason } from './fontEmbedding.js';
import { faceDesign, type FaceDesign } from './faceDesign.js';
import { gb2312Hanzi } from './gb2312Hanzi.js';
import { msg, type Message } from '../i18n/message.js';

export interface FaceDescription {
  role: FontRole;
  /** The file as bulletin.yaml names it (with its face), or the bundled package. */
  source: Message | string;
  /** A face bundled with bulletin (its npm package), not the series' own file. */
  bundled: boolean;
  /** Why the face cannot print (validate says the same as an error), when it cannot. */
  problem?: Message;
  /** The family name its name table gives (English, and Chinese when it has one). */
  family?: string;
  design?: FaceDesign;
  /** The design GB/T 9704 gives the role (小标宋 titles, 仿宋 body, 黑 and 楷 headings, 宋 page numbers). */
  usual: FaceDesign;
  /** The file's format: container and outlines. */
  format?: Message;
  /** How the HTML folder and the PDF carry it. */
  embedding?: Message;
  /** How many of GB 2312's hanzi it has (undefined when the runtime cannot decode GB 2312). */
  gb2312?: { have: number; total: number };
  /** The characters official prose adds to GB 2312 ({@link OFFICE_CHARACTERS}): how many it has, and the ones it lacks. */
  office?: { have: number; total: number; missing: string[] };
}

export const USUAL_DESIGN: Record<FontRole, FaceDesign> = { title: '小标宋', body: '仿宋', heading: '黑', kai: '楷', pageNumber: '宋' };

const span = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => String.fromCodePoint(first + k)).join('');

/**
 * Characters of official prose beyond GB 2312's hanzi (issue 13's list): Roman numerals Ⅰ–Ⅻ, Greek
 * α–ω and the micro sign, units and signs, circled and bracketed numbers, 一 to 十 in brackets,
 * the full-width forms, and 𬍛 (a name character of CJK Extension E).
 */
export const OFFICE_CHARACTERS = [
  span(0x2160, 0x216b), span(0x3b1, 0x3c9).replace('ς', ''), 'µ', '℃㎡㎥㎏㎞㎝㎜‰№§²³×÷±≤≥°', span(0x2460, 0x2473), span(0x2474, 0x2487), span(0x3220, 0x3229),
  span(0xff01, 0xff5e), '\u{2c35b}',
].join('');

const WEIGHTS = /\s+(?:thin|hairline|extra\s*light|ultra\s*light|light|regular|normal|book|medium|semi\s*bold|demi\s*bold|bold|extra\s*bold|ultra\s*bold|heavy|black)$/i;
const HAN = /\p{Script=Han}/u;

/** The family as an editor would look for it: without a weight some fonts add to it (Noto Serif SC ExtraLight → Noto Serif SC), with its Chinese name. */
function familyName(families: readonly string[]): string | undefined {
  const latin = families.find((f) => !HAN.test(f))?.replace(WEIGHTS, '');
  const chinese = families.find((f) => HAN.test(f))?.replace(WEIGHTS, '');
  return latin && chinese ? `${latin} (${chinese})` : latin ?? chinese;
}

function formatOf(facts: FontFacts): Message {
  const outlines = facts.outlines === 'glyf' ? msg('face.outlines.glyf') : facts.outlines === 'CFF ' ? msg('face.outlines.cff') : facts.outlines === 'CFF2' ? msg('face.outlines.cff2') : msg('face.outlines.bitmaps');
  if (facts.container === 'collection') {
    return msg('face.format.collection', { kind: facts.outlines === 'glyf' ? 'TrueType' : 'OpenType', index: facts.collection!.index, count: facts.collection!.count, outlines });
  }
  const container = facts.container === 'woff2' ? 'WOFF2' : facts.container === 'woff' ? 'WOFF' : facts.outlines === 'glyf' ? 'TrueType' : 'OpenType';
  return msg('face.format', { container, outlines });
}

function embeddingOf(facts: FontFacts, bundled: 'slices' | 'whole' | undefined): Message {
  if (bundled === 'slices') return msg('face.embedding.slices');
  if (bundled === 'whole') return msg('face.embedding.whole');
  if (facts.container === 'woff2') return msg('face.embedding.woff2');
  const subset = facts.outlines === 'CFF ' ? msg('face.embedding.subset-cff') : msg('face.embedding.subset');
  return facts.collection ? msg('face.embedding.from-collection', { index: facts.collection.index, rest: subset }) : subset;
}

/**
 * The description of a role's face from what its file says (`facts`: of a bundled face, one of its
 * slices) and what it covers (`covers`: of a bundled face, every slice's range); `bundled` says how
 * the package gives a bundled face (unicode-range slices, or one file).
 */
export function describeFace(role: FontRole, source: Message | string, facts: FontFacts, covers: (codePoint: number) => boolean, options: { bundled?: 'slices' | 'whole' } = {}): FaceDescription {
  const names = [...facts.families, ...facts.names];
  const family = familyName(facts.families.length ? facts.families : facts.names);
  const design = faceDesign(names);
  const type3 = type3Reason(facts);
  const hanzi = gb2312Hanzi();
  const office = Array.from(OFFICE_CHARACTERS);
  const missing = office.filter((ch) => !covers(ch.codePointAt(0)!));
  return {
    role, source, bundled: options.bundled !== undefined, usual: USUAL_DESIGN[role],
    ...(type3 ? { problem: msg('face.problem.type3', { reason: type3 }) } : {}),
    ...(family ? { family } : {}),
    ...(design ? { design } : {}),
    format: formatOf(facts),
    embedding: embeddingOf(facts, options.bundled),
    ...(hanzi ? { gb2312: { have: hanzi.filter((cp) => covers(cp)).length, total: hanzi.length } } : {}),
    office: { have: office.length - missing.length, total: office.length, missing },
  };
}
