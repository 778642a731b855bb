// The model's own names for sets the schemas enumerate (kinds, places, forms, roles, lint codes and
// levels) against the types generated from the schemas (schemaTypes.ts): `tsc` fails when one
// side gains or loses a member the other lacks. Types only; nothing here runs.
import type { IssueData, FigureData, SeriesData, LintLevelData } from './schemaTypes.js';
import type { FigurePlace, FontRole, IssueKind, PageNumberForm } from '../model/types.js';
import type { DateStyle } from '../model/chineseDate.js';
import type { LintCode, LintLevel } from '../lint/lintCodes.js';
import type { LineBreaks } from '../model/parseBody.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Agree<T extends true> = T;
type LayoutData = NonNullable<SeriesData['layout']>;

export type SchemaAgreement = [
  Agree<Equal<IssueKind, NonNullable<IssueData['kind']>>>,
  Agree<Equal<FigurePlace, NonNullable<FigureData['place']>>>,
  Agree<Equal<PageNumberForm, NonNullable<LayoutData['pageNumber']>>>,
  Agree<Equal<DateStyle, NonNullable<LayoutData['dateStyle']>>>,
  Agree<Equal<FontRole, keyof NonNullable<SeriesData['fonts']>>>,
  Agree<Equal<LintLevel, LintLevelData>>,
  Agree<Equal<LineBreaks, NonNullable<NonNullable<SeriesData['markdown']>['lineBreaks']>>>,
  Agree<Equal<LintCode, keyof NonNullable<NonNullable<SeriesData['lint']>['rules']>>>,
];
