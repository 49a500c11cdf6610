/**
 * One CSV cell read as a number, and the range checks every history-side file shares.
 *
 * A number is written plainly: an optional sign, digits with an optional decimal point, an
 * optional exponent (`4020000`, `4.02e6`, `1357.47`). Thousands separators and units
 * (`4,020,000` inside quotes, `402` followed by wan, `¥90000`) are refused with their own message, so the
 * reader is told what to change rather than that the value is "not a number".
 * @example readNumber(' 4.02e6 ') // { kind: 'number', value: 4020000 }
 * @example readNumber('332,874') // { kind: 'separator' }
 */
import { hasAtMostTwoDecimals } from '../io/money.ts';
import { historyMessage as msg, type HistoryMessage } from './messages.ts';

export type Cell =
  { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'separator' } | { kind: 'invalid' };

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Units written after a number: yuan, wan, wan yuan, yi, yi yuan (as escapes: src/history holds no Chinese text). */
const WITH_SEPARATORS_OR_UNITS =
  /^[+-]?[¥￥]?\s*[\d.,\uff0c\s]+\s*(\u5143|\u4e07|\u4e07\u5143|\u4ebf|\u4ebf\u5143|yuan|k|m|M)?$/;

export function readNumber(text: string): Cell {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  if (PLAIN.test(t)) {
    const value = Number(t);
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
  }
  return WITH_SEPARATORS_OR_UNITS.test(t) && /\d/.test(t) ? { kind: 'separator' } : { kind: 'invalid' };
}

/** The largest count any member or claimant field may hold (a typo guard, not a policy). */
export const MAX_COUNT = 1e9;
/** The largest amount a money field may hold: one trillion yuan, as in scenarios (io/money.ts). */
export const MAX_HISTORY_MONEY = 1e12;

/** What is wrong with a number read from a cell, or null: a whole number from min to max. */
export function wholeProblem(v: number, min: number, max = MAX_COUNT): HistoryMessage | null {
  return Number.isInteger(v) && v >= min && v <= max ? null : msg('wholeRange', { min, max });
}

/** What is wrong with an amount of money, or null: 0 to one trillion yuan, at most 2 decimals. */
export function moneyProblem(v: number): HistoryMessage | null {
  if (!(v >= 0 && v <= MAX_HISTORY_MONEY)) return msg('moneyRange', { max: MAX_HISTORY_MONEY });
  return hasAtMostTwoDecimals(v) ? null : msg('moneyDecimals');
}

/** The message for a cell that did not read as a number, or null when it did (or is blank). */
export function cellProblem(cell: Cell, text: string): HistoryMessage | null {
  if (cell.kind === 'separator') return msg('thousandsSeparator', { text: text.trim() });
  if (cell.kind === 'invalid') return msg('notNumber', { text: text.trim() });
  return null;
}
