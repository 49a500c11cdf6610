/** The words of the workbooks huzhu writes (src/workbook): sheet names and column headers, zh and en. */
import type { Lang } from '../domain/format.ts';

export interface WorkbookWords {
  key: string;
  value: string;
  wan: string;
  version(i: number): string;
  results: string;
  comparison: string;
  projection: string;
  history: string;
}

export const WORKBOOK_WORDS: Record<Lang, WorkbookWords> = {
  en: {
    key: 'key',
    value: 'value',
    wan: '10,000 yuan',
    version: (i) => (i === 0 ? 'version' : `version ${i}`),
    results: 'results',
    comparison: 'comparison',
    projection: 'projection',
    history: 'history',
  },
  zh: {
    key: '项目',
    value: '数值',
    wan: '万元',
    version: (i) => (i === 0 ? '方案' : `方案 ${i}`),
    results: '测算结果',
    comparison: '方案对比',
    projection: '多年预测',
    history: '历年经验',
  },
};
