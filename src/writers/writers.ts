// The output formats: one writer each. A new format is a writer file and a line here.
import type { Writer } from './writer.js';
import { pdfWriter } from './pdfWriter.js';
import { htmlWriter } from './htmlWriter.js';
import { htmlSingleWriter } from './htmlSingleWriter.js';
import { indexWriter } from './indexWriter.js';
import { yearbookWriter } from './yearbookWriter.js';
import { wechatWriter } from './wechatWriter.js';
import { ofdWriter } from './ofdWriter.js';

export const WRITERS = {
  pdf: pdfWriter,
  html: htmlWriter,
  'html-single': htmlSingleWriter,
  wechat: wechatWriter,
  ofd: ofdWriter,
  index: indexWriter,
  yearbook: yearbookWriter,
} as const satisfies Record<string, Writer>;

export type WriterName = keyof typeof WRITERS;
