// The message catalogue: every text bulletin shows people, in English and Simplified Chinese, by id.
// One part per area (src/i18n/messages/), so an area's messages sit together; ids are unique across parts
// (test/unit/catalog.test.ts), with the diagnostic codes as the ids of what each code says in general.
import { commonMessages } from './messages/common.js';
import { codesMessages } from './messages/codes.js';
import { sourceMessages } from './messages/source.js';
import { modelMessages } from './messages/model.js';
import { buildMessages } from './messages/build.js';
import { cliMessages } from './messages/cli.js';
import { doctorMessages } from './messages/doctor.js';
import { scaffoldMessages } from './messages/scaffold.js';
import { previewMessages } from './messages/preview.js';
import { assetsMessages } from './messages/assets.js';

/** The parts by name, for the test that keeps ids unique across them. */
export const CATALOG_PARTS = {
  common: commonMessages,
  codes: codesMessages,
  source: sourceMessages,
  model: modelMessages,
  build: buildMessages,
  cli: cliMessages,
  doctor: doctorMessages,
  scaffold: scaffoldMessages,
  preview: previewMessages,
  assets: assetsMessages,
} as const;

export const CATALOG = {
  ...commonMessages,
  ...codesMessages,
  ...sourceMessages,
  ...modelMessages,
  ...buildMessages,
  ...cliMessages,
  ...doctorMessages,
  ...scaffoldMessages,
  ...previewMessages,
  ...assetsMessages,
} as const;

export type MessageId = keyof typeof CATALOG;
