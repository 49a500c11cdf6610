/**
 * Column names as federations write them: the Chinese headers of their sheets, each standing for
 * one of a table's English column names. A header cell is matched trimmed and in any case against
 * the English names, then against these aliases (full-width spaces and a unit in brackets, as in
 * payouts followed by yuan in full-width brackets, are dropped first; a unit of ten thousand too,
 * and the column's figures are then read × 10,000: `headerScale`). The words are written as escapes: src/history holds no Chinese
 * text (the words live in src/messages).
 *
 * The beneficiary person-times (\u53d7\u76ca\u4eba\u6b21) stand for `claimants` in a history table, whose one count
 * column takes what the sources report, and for `claims` in a regional table, which has both.
 * @example canonicalColumn(' \u5e74\u4efd ', HISTORY_ALIASES) // 'year'
 */
export type Aliases = Readonly<Record<string, string>>;

/** year, financial year */
const YEAR = { '\u5e74\u4efd': 'year', '\u5e74\u5ea6': 'year' };
/** insured persons, members, participants, joined */
const MEMBERS = [
  '\u53c2\u4fdd\u4eba\u6570',
  '\u53c2\u4fdd\u4eba\u5458',
  '\u4f1a\u5458\u4eba\u6570',
  '\u53c2\u52a0\u4eba\u6570',
  '\u5165\u4f1a\u4eba\u6570',
];
/** mutual-aid income, amount raised, funds raised, income, contribution */
const CONTRIBUTIONS = [
  '\u4e92\u52a9\u91d1\u6536\u5165',
  '\u7b79\u96c6\u91d1\u989d',
  '\u4e92\u52a9\u91d1\u7b79\u96c6',
  '\u6536\u5165',
  '\u4e92\u52a9\u8d39',
];
/** expenditure, amount paid, mutual-aid expenditure, claims paid, benefits paid */
const PAYOUTS = [
  '\u652f\u51fa',
  '\u652f\u4ed8\u91d1\u989d',
  '\u4e92\u52a9\u91d1\u652f\u51fa',
  '\u8d54\u4ed8\u91d1\u989d',
  '\u7ed9\u4ed8\u91d1\u989d',
];
/** beneficiaries, persons aided */
const CLAIMANTS = ['\u53d7\u76ca\u4eba\u6570', '\u53d7\u52a9\u4eba\u6570'];
/** beneficiary person-times, aided person-times */
const CLAIMS = ['\u53d7\u76ca\u4eba\u6b21', '\u53d7\u52a9\u4eba\u6b21'];

const to = (names: readonly string[], column: string) => Object.fromEntries(names.map((n) => [n, column]));

export const HISTORY_ALIASES: Aliases = {
  ...YEAR,
  ...to(MEMBERS, 'members'),
  ...to(CONTRIBUTIONS, 'contributions'),
  ...to(PAYOUTS, 'payouts'),
  ...to([...CLAIMANTS, ...CLAIMS], 'claimants'),
  /** project, projects, mutual-aid projects, protection projects */
  ...to(['\u9879\u76ee', '\u4e92\u52a9\u9879\u76ee', '\u4fdd\u969c\u9879\u76ee'], 'projects'),
  /** months, months covered */
  ...to(['\u6708\u6570', '\u8986\u76d6\u6708\u6570'], 'months'),
};

/** region, region name, league/city: the region; member-years and the members' names: member-years. */
export const REGION_ALIASES: Aliases = {
  ...to(['\u5730\u533a', '\u5730\u533a\u540d\u79f0', '\u76df\u5e02'], 'region'),
  ...to(['\u53c2\u4fdd\u4eba\u5e74', ...MEMBERS], 'member-years'),
  ...to(CLAIMANTS, 'claimants'),
  ...to(CLAIMS, 'claims'),
  ...to(PAYOUTS, 'paid'),
};

/** district, county/district, district name; year; members; beneficiaries (persons or person-times). */
export const DISTRICT_ALIASES: Aliases = {
  ...to(['\u533a\u53bf', '\u53bf\u533a', '\u533a\u53bf\u540d\u79f0'], 'district'),
  ...YEAR,
  ...to(MEMBERS, 'members'),
  ...to([...CLAIMANTS, ...CLAIMS], 'claimants'),
};

/** cost, medical cost, amount */
export const CLAIM_ALIASES: Aliases = to(
  ['\u8d39\u7528', '\u533b\u7597\u8d39\u7528', '\u91d1\u989d'],
  'cost',
);

/**
 * The unit a column is already in, in brackets after its name: yuan or persons (in either script), `(yuan)`.
 */
const UNIT =
  /\s*[(\uff08]\s*(\u5143|\u4eba|\u4eba\u6b21|yuan|people|persons|times|person-times)\s*[)\uff09]$/;

/**
 * What a count column counts: `people` (\u4eba: each person once) or `times` (\u4eba\u6b21: each
 * enrolment or each benefit paid, so one person may count several times).
 */
export type CountKind = 'people' | 'times';

/**
 * What a header cell says its column counts, from the unit in brackets after its name: people for
 * `(\u4eba)`, `(people)`, `(persons)`; times for `(\u4eba\u6b21)`, `(times)`, `(person-times)`; null
 * when the header does not say; the same in ten thousands, `(\u4e07\u4eba)` and `(\u4e07\u4eba\u6b21)`
 * (a Chinese name alone is not read as saying it: sheets write
 * \u53d7\u76ca\u4eba\u6b21 for people as well).
 * @example headerCounts('members (\u4eba\u6b21)') // 'times'
 * @example headerCounts('claimants') // null
 */
export function headerCounts(raw: string): CountKind | null {
  const wan = WAN_COUNT.exec(normalise(raw));
  if (wan) return wan[1] === '\u4e07\u4eba' ? 'people' : 'times';
  const m = UNIT.exec(normalise(raw));
  if (!m) return null;
  if (m[1] === '\u4eba' || m[1] === 'people' || m[1] === 'persons') return 'people';
  if (m[1] === '\u4eba\u6b21' || m[1] === 'times' || m[1] === 'person-times') return 'times';
  return null;
}
/**
 * A unit of ten thousand in brackets after a name: wan yuan, wan persons, wan person-times, wan
 * alone (in either script's brackets), or `(10,000 yuan)` / `(10k yuan)` as huzhu's own English
 * workbooks write it. Such a column is the same column, its figures × 10,000 (`headerScale`).
 */
const WAN_UNIT =
  /\s*[(\uff08]\s*(\u4e07|\u4e07\u5143|\u4e07\u4eba|\u4e07\u4eba\u6b21|10,?000 yuan|10k yuan)\s*[)\uff09]$/;
/** A count in ten thousands says what it counts too: \u4e07\u4eba people, \u4e07\u4eba\u6b21 times. */
const WAN_COUNT = /[(\uff08]\s*(\u4e07\u4eba|\u4e07\u4eba\u6b21)\s*[)\uff09]$/;

const normalise = (raw: string) =>
  raw
    .replace(/\u3000/g, ' ')
    .trim()
    .toLowerCase();

/** The column a header cell names: its English name (lower case) or the one its alias stands for. */
export function canonicalColumn(raw: string, aliases: Aliases): string {
  const name = normalise(raw).replace(WAN_UNIT, '').replace(UNIT, '');
  return Object.hasOwn(aliases, name) ? aliases[name] : name;
}

/**
 * What a header cell's figures are multiplied by to be in yuan or persons: 10,000 when the name
 * ends in a unit of ten thousand (`\u652f\u51fa\uff08\u4e07\u5143\uff09`, `payouts (10,000 yuan)`), else 1.
 * @example headerScale('\u652f\u51fa(\u4e07\u5143)') // 10000
 */
export function headerScale(raw: string): 1 | 10_000 {
  return WAN_UNIT.test(normalise(raw)) ? 10_000 : 1;
}

/**
 * A cell's text with its figure × 10^4, exactly: a plain number gets its decimal exponent raised
 * by 4 (`402.15` → `402.15e4`, read as 4,021,500 with no rounding of 402.15 × 10,000 in binary);
 * anything else (blank, `4,020,000`, a word) is left for the cell rules to refuse as written.
 * @example scaleByTenThousand('402.15') // '402.15e4'
 */
export function scaleByTenThousand(text: string): string {
  const t = text.trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) return text;
  return `${m[1]}e${Number(m[2] ?? 0) + 4}`;
}
