// Messages shared by every report: the labels of a diagnostic, the summary line, internal errors.
import type { Entries } from '../entries.js';

export const commonMessages = {
  'label.error': { en: 'error', zh: '错误' },
  'label.warning': { en: 'warning', zh: '警告' },
  'label.hint': { en: 'hint:', zh: '提示：' },
  'summary.checked': { en: '{files|file|files} checked: {errors|error|errors}, {warnings|warning|warnings}', zh: '已检查{files}个文件：{errors}个错误，{warnings}个警告' },
  'error.internal': { en: 'internal error, please report this: {reason}', zh: '内部错误，请报告此问题：{reason}' },
  'error.internal.hint': { en: 'Run the command again with --verbose and add what it prints to the report.', zh: '请加上 --verbose 重新运行命令，并把输出内容附在报告中。' },
} as const satisfies Entries;
