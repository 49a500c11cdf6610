/**
 * The words of src/history's codes (src/history/messages.ts): problems in history, region, claim
 * and district files and where they lie, the experience flags, the data checks, calibration,
 * fitting and credibility notes — in English and Chinese. A problem text is a phrase that follows
 * its location (`line 4, payouts: must be a number, not "4.02M"`); a flag or check text is a whole
 * statement that names the figures (`payouts +168% against contributions +31%`).
 *
 * Figures are formatted by ./figures.ts (growth `+168%`, money `¥4.02 M` / `¥402万`).
 * @example historyMessageText('en', { code: 'flagPayoutGrowth', params: { payoutGrowth: 1.68, contributionGrowth: 0.31 } })
 * // 'payouts +168% against contributions +31%: 137 percentage points faster (the flag is raised above 20)'
 */
import type { Problem } from '../domain/scenario.ts';
import type {
  HistoryMessage,
  HistoryMessageParams,
  HistoryPlace,
  HistoryProblem,
} from '../history/messages.ts';
import { type Catalogue, type Lang, say } from './catalogue.ts';
import {
  average,
  count,
  exactYuan,
  per100,
  percent,
  perMember,
  points,
  signedPercent,
  times,
  yuan,
} from './figures.ts';

type Unit = HistoryMessageParams['checkPaidWithoutCount']['unit'];
type Others = HistoryMessageParams['checkClaimRateOutlier']['others'];

const joinEn = (xs: readonly string[]) => xs.join(', ');
const joinZh = (xs: readonly string[]) => xs.join('、');
const unitEn = (u: Unit) => (u === 'claim' ? 'a claim' : 'a claimant');
const unitZh = (u: Unit) => (u === 'claim' ? '每人次' : '每人');
const othersEn = (o: Others) => (o === 'years' ? 'the other years' : 'the other regions');
const othersZh = (o: Others) => (o === 'years' ? '其他年份' : '其他地区');

export const HISTORY_TEXTS: Catalogue<HistoryMessageParams> = {
  en: {
    tooLarge: (p) => `the text is larger than ${p.mb} MB`,
    tooManyRows: (p) => `more than ${p.max} data rows`,
    emptyFile: (p) => `is empty: a header row is needed (${p.columns})`,
    noRows: () => 'has a header but no data rows',
    unterminatedQuote: () => 'a quoted field is not closed (a " is missing)',
    textAfterQuote: () => 'text after a closing quote (inside quotes, write "" for a quote)',
    missingColumn: (p) => `the header has no column "${p.column}" (the columns are ${p.columns})`,
    unknownColumn: (p) => `unknown column "${p.column}" (allowed: ${joinEn(p.allowed)})`,
    duplicateColumn: (p) => `column "${p.column}" appears twice`,
    blankColumnName: () => 'a column has no name',
    fieldCount: (p) => `has ${p.got} fields, the header has ${p.expected}`,
    notWorkbook: () => 'is not an Excel workbook (.xlsx): it is not a zip file',
    oldExcelFormat: () => 'is an old Excel 97–2003 file (.xls): save it as .xlsx (Excel workbook) or as CSV',
    workbookUnreadable: (p) => `cannot be read as an Excel workbook (.xlsx): ${p.reason}`,
    unzippedTooLarge: (p) =>
      `unpacks to more than ${p.mb} MB: refused (a zip bomb, or far too large a workbook)`,
    compressionRatio: (p) =>
      `its part ${p.entry} unpacks to ${Math.round(p.ratio)} times its packed size: refused as a zip bomb`,
    tooManyEntries: (p) => `has more than ${p.max} parts: refused`,
    noSheet: () => 'has no worksheet',
    unknownSheet: (p) => `has no sheet "${p.sheet}" (sheets: ${p.sheets.join(', ')})`,
    tooManyColumns: (p) => `has more than ${p.max} columns with values`,
    cellDate: (p) => `is a date (${p.text}), not a number: write the value as a number`,
    cellBoolean: (p) => `is ${p.text}, not a number`,
    cellError: (p) => `is an error value (${p.text}), not a number`,
    cellFormula: (p) =>
      `is a formula (=${p.formula}) with no saved result: open and save the workbook in Excel or WPS, or paste the values`,
    cellUnknown: () => 'holds a value that is neither text nor a number',
    cellOutsideTable: (p) => `has a value outside the table (its header ends at column ${p.last})`,
    // cells
    required: () => 'is required',
    blank: () => 'must not be blank',
    notNumber: (p) => `must be a number, not "${p.text}"`,
    thousandsSeparator: (p) => `must be written without thousands separators or units, not "${p.text}"`,
    yearRange: (p) => `must be a whole year from ${p.min} to ${p.max}`,
    monthsRange: () => 'must be a number of months more than 0 and at most 12 (blank: the whole year)',
    projectsList: (p) =>
      `must be at most ${p.max} project names, separated by semicolons, each at most ${p.length} characters`,
    yearOrder: (p) => `must come after ${p.previous} (years strictly increasing)`,
    wholeRange: (p) => `must be a whole number from ${count(p.min)} to ${count(p.max)}`,
    moneyRange: (p) => `must be an amount from 0 to ${count(p.max)} yuan`,
    moneyDecimals: () => 'must have at most 2 decimals (yuan to the fen)',
    positive: () => 'must be greater than 0',
    tooFewValues: (p) => `needs at least ${p.min} values, has ${p.got}`,
    duplicateName: (p) => `"${p.name}" appears twice`,
    moreProblems: (p) => `and ${count(p.count)} more problems`,
    duplicateYear: (p) => `year ${p.year} appears twice`,
    // flags
    flagPayoutGrowth: (p) =>
      `payouts ${signedPercent(p.payoutGrowth)} against contributions ${signedPercent(p.contributionGrowth)}: ` +
      `${points(p.payoutGrowth - p.contributionGrowth)} percentage points faster (the flag is raised above 20)`,
    flagLossRatio: (p) =>
      `payouts ${yuan(p.payouts, 'en')} are ${percent(p.payouts / p.contributions)} of contributions ${yuan(p.contributions, 'en')}`,
    flagLossRatioNoIncome: (p) => `payouts ${yuan(p.payouts, 'en')} against no contributions`,
    flagEnrollmentSurge: (p) =>
      `members ${count(p.from)} → ${count(p.to)} (${signedPercent(p.to / p.from - 1)}): more than doubled in a year`,
    // data checks
    checkClaimantsAboveMembers: (p) =>
      `${count(p.claimants)} claimants among ${count(p.members)} members: a member is counted once, so claimants cannot exceed members (claims counted as claimants?)`,
    checkClaimsBelowClaimants: (p) =>
      `${count(p.claims)} claims for ${count(p.claimants)} claimants: every claimant makes at least one claim`,
    checkAverageOutOfRange: (p) =>
      `${yuan(p.paid, 'en')} paid for ${count(p.n)} ${p.unit}s is ${average(p.paid / p.n, 'en')} ${unitEn(p.unit)}, ` +
      `outside the plausible ${average(p.min, 'en')}–${average(p.max, 'en')}: do the payouts and the count cover the same scheme and months?`,
    checkPaidWithoutCount: (p) => `${yuan(p.paid, 'en')} paid but no ${p.unit}s`,
    checkCountWithoutPaid: (p) => `${count(p.n)} ${p.unit}s but nothing paid`,
    checkAverageOutlier: (p) => {
      const avg = p.paid / p.n;
      const ratio = avg / p.median;
      const side = ratio > 1 ? `${times(ratio)} times` : `1/${times(1 / ratio)} of`;
      const hint =
        p.corrected === undefined
          ? ''
          : `; ${exactYuan(p.corrected)} would give ${average(p.corrected / p.n, 'en')}, in line with the others: a misprint?`;
      return (
        `${yuan(p.paid, 'en')} paid for ${count(p.n)} ${p.unit}s is ${average(avg, 'en')} ${unitEn(p.unit)}, ` +
        `${side} the median ${average(p.median, 'en')} of ${othersEn(p.others)} ` +
        `(questioned beyond 4 times or below a quarter of that median)${hint}`
      );
    },
    checkClaimRateOutlier: (p) => {
      const ratio = p.n / p.members / p.median;
      const side = ratio > 1 ? `${times(ratio)} times` : `1/${times(1 / ratio)} of`;
      return (
        `${count(p.n)} ${p.unit}s among ${count(p.members)} members is ${per100(p.n / p.members)} per 100, ` +
        `${side} the median ${per100(p.median)} per 100 of ${othersEn(p.others)} ` +
        `(questioned beyond 4 times or below a quarter of that median): a part year, missing or double-counted claims?`
      );
    },
    checkContributionJump: (p) =>
      `contributions per member went from ${perMember(p.from)} to ${perMember(p.to)} (${signedPercent(p.to / p.from - 1)}) ` +
      `while members changed ${signedPercent(p.memberGrowth)}: do members and contributions cover the same projects and months?`,
    checkProjectsChanged: (p) =>
      `the projects changed from the year before (${[
        p.added.length > 0 ? `added ${joinEn(p.added)}` : '',
        p.dropped.length > 0 ? `dropped ${joinEn(p.dropped)}` : '',
      ]
        .filter((x) => x !== '')
        .join('; ')}): its growth compares different schemes, not the same scheme grown`,
    // calibration
    calNoYears: () => 'needs at least one year of members, claimants and paid',
    calNoClaimants: () =>
      'no claimants in these years: the claim rate and the benefit per claimant cannot be calibrated',
    calRateAboveOne: (p) =>
      `${count(p.claimants)} claimants among ${count(p.members)} members: a claim rate must be at most 1`,
    calUnknownRisk: (p) => `names no risk in the scenario (known: ${joinEn(p.known)})`,
    calNotCostRisk: (p) =>
      `"${p.risk}" is an event risk: only a cost risk has a cost distribution to calibrate`,
    calNoCostBenefit: (p) => `no bands or steps benefit on "${p.risk}": no payment depends on the cost`,
    calNeedsDays: (p) => `the daily benefit "${p.benefit}" needs days on its risk`,
    calBelowFloor: (p) =>
      `the observed ${average(p.target, 'en')} per claimant is not above the ${average(p.floor, 'en')} that the daily allowance alone pays: no cost distribution reaches it`,
    calAboveCeiling: (p) =>
      `the observed ${average(p.target, 'en')} per claimant is not below ${average(p.ceiling, 'en')}, the most the benefits can pay one claimant (their caps): no cost distribution reaches it`,
    calNotReached: (p) =>
      `the expected benefit jumps across the observed ${average(p.target, 'en')} per claimant (steps on empirical costs); the nearest fit pays ${average(p.reached, 'en')}`,
    // calibration to several targets
    tgtNotObject: () =>
      'must be an object of targets: members, claimants, paid or paidPerClaimant, above, largest',
    tgtUnknownField: (p) => `unknown field "${p.field}" (allowed: ${joinEn(p.allowed)})`,
    tgtOn: () => 'must be "payout" (what the benefits pay a claimant) or "cost" (the self-paid cost)',
    tgtTolerance: () => 'must be a relative tolerance above 0 and at most 1 (0.01 is 1%)',
    tgtPaidBoth: () => 'give paid or paidPerClaimant, not both',
    tgtFamilies: (p) => `must be a non-empty list of ${joinEn(p.allowed)}`,
    tgtAboveList: () => 'must be a list of { "threshold": t, "count": N }',
    tgtTooFew: (p) =>
      `${p.targets} cost target${p.targets === 1 ? '' : 's'} (paid, counts above thresholds, the largest) for ${p.parameters} parameters: give at least ${p.parameters}`,
    tgtRatePair: () => 'members and claimants go together: the claimant rate is claimants / members',
    tgtNeedsDraws: () =>
      'counts above thresholds and the largest need the number of claimants they are among (claimants or draws)',
    tgtPaidNeedsClaimants: () => 'a total paid needs the claimants it was paid to (or give paidPerClaimant)',
    tgtTailWithDaily: (p) =>
      `the daily benefit "${p.benefit}" pays by days, not by the cost: counts and the largest by payout cannot be fitted to the cost alone (use "on": "cost")`,
    tgtThresholdOrder: (p) => `thresholds must increase: this one is not above ${average(p.previous, 'en')}`,
    tgtCountsIncrease: (p) =>
      `${count(p.count)} above this threshold but ${count(p.previousCount)} above the lower ${average(p.previous, 'en')}: a count above a higher threshold cannot be larger`,
    tgtCountAboveDraws: (p) => `${count(p.count)} is more than the ${count(p.draws)} claimants it is among`,
    tgtAboveMostPaid: (p) =>
      `no claimant can be paid more than ${average(p.most, 'en')} (the caps), so none above ${average(p.threshold, 'en')}`,
    tgtLargestVsCount: (p) =>
      `the largest, ${average(p.largest, 'en')}, and ${count(p.count)} above ${average(p.threshold, 'en')} contradict each other`,
    tgtLargestAtMost: (p) =>
      `the largest, ${average(p.largest, 'en')}, is not below ${average(p.most, 'en')}, the most the benefits pay (the caps): it says only that the cap was reached; give a count above a threshold below the cap instead`,
    tgtOtherParts: (p) =>
      `${joinEn(p.parts.map((o) => `"${o}"`))} ${p.parts.length === 1 ? 'pays' : 'pay'} the same table as "${p.risk}": another part of the same cost. If the figures fitted count ${p.parts.length === 1 ? 'its' : 'their'} claimants too, this fit gives all of them to "${p.risk}", and the scenario would count ${p.parts.length === 1 ? 'its' : 'their'} claims again on top: fit the whole cost's figures only where "${p.risk}" is the whole cost`,
    // fitting
    fitNoMean: (p) =>
      `shape ${p.shape.toFixed(3)} ≤ 1: this Pareto II has no mean (the expected cost is infinite), so it cannot be a scenario's cost distribution`,
    fitExponentialLimit: () =>
      'the likelihood keeps rising as the scale grows: the best Pareto II is its exponential limit (scale and shape at the search bound); the costs are lighter-tailed than any Pareto II',
    fitAllEqual: () => 'all costs are equal: there is no spread to fit',
    // credibility
    credTooFewDistricts: () => 'needs at least 2 districts',
    credNoRepeatYears: () =>
      'needs a district with 2 or more years, to estimate the variation within a district',
    credNegativeBetween: () =>
      'the districts differ no more than chance alone would make them (between-district variance estimated ≤ 0): every district gets the collective rate (Z = 0)',
    credSubsidised: (p) =>
      `${p.district}: credibility rate ${per100(p.rate)} per 100 above the pooled ${per100(p.pooled)}: the pooled contribution subsidises it`,
  },
  zh: {
    tooLarge: (p) => `文本超过 ${p.mb} MB`,
    tooManyRows: (p) => `数据行超过 ${p.max} 行`,
    emptyFile: (p) => `为空：需要表头行（${p.columns}）`,
    noRows: () => '只有表头，没有数据行',
    unterminatedQuote: () => '引号内的字段没有闭合（缺少一个 "）',
    textAfterQuote: () => '右引号后还有文字（引号内的引号请写作 ""）',
    missingColumn: (p) => `表头缺少列 "${p.column}"（各列为 ${p.columns}）`,
    unknownColumn: (p) => `未知的列 "${p.column}"（允许：${joinZh(p.allowed)}）`,
    duplicateColumn: (p) => `列 "${p.column}" 出现了两次`,
    blankColumnName: () => '有一列没有列名',
    fieldCount: (p) => `有 ${p.got} 个字段，表头有 ${p.expected} 个`,
    notWorkbook: () => '不是 Excel 工作簿（.xlsx）：不是 zip 文件',
    oldExcelFormat: () => '是旧版 Excel 97–2003 文件（.xls）：请另存为 .xlsx（Excel 工作簿）或 CSV',
    workbookUnreadable: (p) => `无法作为 Excel 工作簿（.xlsx）读取：${p.reason}`,
    unzippedTooLarge: (p) => `解压后超过 ${p.mb} MB，已拒绝（压缩炸弹，或工作簿过大）`,
    compressionRatio: (p) => `其中的 ${p.entry} 解压后是压缩大小的 ${Math.round(p.ratio)} 倍，按压缩炸弹拒绝`,
    tooManyEntries: (p) => `包含超过 ${p.max} 个部件，已拒绝`,
    noSheet: () => '没有工作表',
    unknownSheet: (p) => `没有名为 "${p.sheet}" 的工作表（工作表：${p.sheets.join('、')}）`,
    tooManyColumns: (p) => `有值的列超过 ${p.max} 列`,
    cellDate: (p) => `是日期（${p.text}），不是数字：请以数字填写`,
    cellBoolean: (p) => `是 ${p.text}，不是数字`,
    cellError: (p) => `是错误值（${p.text}），不是数字`,
    cellFormula: (p) =>
      `是公式（=${p.formula}），没有保存的计算结果：请在 Excel 或 WPS 中打开并保存，或粘贴为数值`,
    cellUnknown: () => '的值既不是文字也不是数字',
    cellOutsideTable: (p) => `在表格之外有值（表头止于 ${p.last} 列）`,
    required: () => '必填',
    blank: () => '不能为空',
    notNumber: (p) => `必须是数字，而不是 "${p.text}"`,
    thousandsSeparator: (p) => `请去掉千位分隔符和单位，而不是 "${p.text}"`,
    yearRange: (p) => `必须是 ${p.min} 到 ${p.max} 之间的整数年份`,
    monthsRange: () => '必须是大于 0、不超过 12 的月数（空白表示全年）',
    projectsList: (p) => `项目名称至多 ${p.max} 个，以“;”“；”或“、”分隔，每个至多 ${p.length} 个字符`,
    yearOrder: (p) => `必须晚于 ${p.previous} 年（年份须严格递增）`,
    wholeRange: (p) => `必须是 ${count(p.min)} 到 ${count(p.max)} 之间的整数`,
    moneyRange: (p) => `必须是 0 到 ${count(p.max)} 元之间的金额`,
    moneyDecimals: () => '最多两位小数（以元为单位，精确到分）',
    positive: () => '必须大于 0',
    tooFewValues: (p) => `至少需要 ${p.min} 个数值，现有 ${p.got} 个`,
    duplicateName: (p) => `"${p.name}" 出现了两次`,
    moreProblems: (p) => `另有 ${count(p.count)} 个问题`,
    duplicateYear: (p) => `${p.year} 年出现了两次`,
    flagPayoutGrowth: (p) =>
      `赔付支出增长 ${signedPercent(p.payoutGrowth)}，会费收入增长 ${signedPercent(p.contributionGrowth)}：` +
      `支出增速快 ${points(p.payoutGrowth - p.contributionGrowth)} 个百分点（超过 20 个百分点即提示）`,
    flagLossRatio: (p) =>
      `赔付支出 ${yuan(p.payouts, 'zh')} 为会费收入 ${yuan(p.contributions, 'zh')} 的 ${percent(p.payouts / p.contributions)}`,
    flagLossRatioNoIncome: (p) => `赔付支出 ${yuan(p.payouts, 'zh')}，而会费收入为零`,
    flagEnrollmentSurge: (p) =>
      `参互人数由 ${count(p.from)} 增至 ${count(p.to)}（${signedPercent(p.to / p.from - 1)}）：一年内翻了一番以上`,
    checkClaimantsAboveMembers: (p) =>
      `${count(p.members)} 名会员中有 ${count(p.claimants)} 名受益人：每名会员只计一次，受益人数不应超过会员人数（是否把人次当成了人数？）`,
    checkClaimsBelowClaimants: (p) =>
      `${count(p.claimants)} 名受益人只有 ${count(p.claims)} 人次申领：每名受益人至少申领一次`,
    checkAverageOutOfRange: (p) =>
      `支付 ${yuan(p.paid, 'zh')}、${count(p.n)} ${p.unit === 'claim' ? '人次' : '人'}，${unitZh(p.unit)}平均 ${average(p.paid / p.n, 'zh')}，` +
      `超出合理范围 ${average(p.min, 'zh')}–${average(p.max, 'zh')}：支付金额与人数的口径（项目、月份）是否一致？`,
    checkPaidWithoutCount: (p) =>
      `支付了 ${yuan(p.paid, 'zh')}，但${p.unit === 'claim' ? '申领人次' : '受益人数'}为零`,
    checkCountWithoutPaid: (p) =>
      `${count(p.n)} ${p.unit === 'claim' ? '人次申领' : '名受益人'}，但支付金额为零`,
    checkAverageOutlier: (p) => {
      const avg = p.paid / p.n;
      const ratio = avg / p.median;
      const side =
        ratio > 1
          ? `是${othersZh(p.others)}中位数 ${average(p.median, 'zh')} 的 ${times(ratio)} 倍`
          : `只有${othersZh(p.others)}中位数 ${average(p.median, 'zh')} 的 1/${times(1 / ratio)}`;
      const hint =
        p.corrected === undefined
          ? ''
          : `；若为 ${exactYuan(p.corrected)}，则${unitZh(p.unit)}平均 ${average(p.corrected / p.n, 'zh')}，与其他数据相符：是否印刷错误？`;
      return (
        `支付 ${yuan(p.paid, 'zh')}、${count(p.n)} ${p.unit === 'claim' ? '人次' : '人'}，${unitZh(p.unit)}平均 ${average(avg, 'zh')}，` +
        `${side}（高于中位数 4 倍或低于其四分之一即提示）${hint}`
      );
    },
    checkClaimRateOutlier: (p) => {
      const ratio = p.n / p.members / p.median;
      const side =
        ratio > 1
          ? `是${othersZh(p.others)}中位数每百人 ${per100(p.median)} 的 ${times(ratio)} 倍`
          : `只有${othersZh(p.others)}中位数每百人 ${per100(p.median)} 的 1/${times(1 / ratio)}`;
      return (
        `${count(p.members)} 名会员中 ${count(p.n)} ${p.unit === 'claim' ? '人次' : '人'}，即每百人 ${per100(p.n / p.members)}，` +
        `${side}（高于中位数 4 倍或低于其四分之一即提示）：是否不足一年、漏计或重复计数？`
      );
    },
    checkContributionJump: (p) =>
      `人均会费由 ${perMember(p.from)} 变为 ${perMember(p.to)}（${signedPercent(p.to / p.from - 1)}），` +
      `而参互人数变化 ${signedPercent(p.memberGrowth)}：人数与会费的口径（项目、月份）是否一致？`,
    checkProjectsChanged: (p) =>
      `项目与上年不同（${[
        p.added.length > 0 ? `新增 ${joinZh(p.added)}` : '',
        p.dropped.length > 0 ? `不再包括 ${joinZh(p.dropped)}` : '',
      ]
        .filter((x) => x !== '')
        .join('；')}）：增长率比较的是不同的方案，而非同一方案的增长`,
    calNoYears: () => '至少需要一年的会员人数、受益人数和支付金额',
    calNoClaimants: () => '这些年份没有受益人：无法校准发生率和人均待遇',
    calRateAboveOne: (p) => `${count(p.members)} 名会员中有 ${count(p.claimants)} 名受益人：发生率不能超过 1`,
    calUnknownRisk: (p) => `方案中没有这个风险（已有：${joinZh(p.known)}）`,
    calNotCostRisk: (p) => `"${p.risk}" 是事件类风险：只有费用类风险才有可校准的费用分布`,
    calNoCostBenefit: (p) => `"${p.risk}" 上没有分段或阶梯待遇：没有与费用相关的给付`,
    calNeedsDays: (p) => `按日津贴 "${p.benefit}" 需要其风险带有住院天数`,
    calBelowFloor: (p) =>
      `实际人均 ${average(p.target, 'zh')} 不高于仅住院津贴就支付的 ${average(p.floor, 'zh')}：任何费用分布都达不到`,
    calAboveCeiling: (p) =>
      `实际人均 ${average(p.target, 'zh')} 不低于待遇对一人最多可支付的 ${average(p.ceiling, 'zh')}（封顶）：任何费用分布都达不到`,
    calNotReached: (p) =>
      `期望待遇在实际人均 ${average(p.target, 'zh')} 处跳变（经验费用上的阶梯待遇）；最接近的拟合为 ${average(p.reached, 'zh')}`,
    tgtNotObject: () => '应为一组校准目标：members、claimants、paid 或 paidPerClaimant、above、largest',
    tgtUnknownField: (p) => `未知字段 "${p.field}"（可用：${joinZh(p.allowed)}）`,
    tgtOn: () => '应为 "payout"（待遇支付给一人的金额）或 "cost"（自付费用）',
    tgtTolerance: () => '应为大于 0、不超过 1 的相对容差（0.01 即 1%）',
    tgtPaidBoth: () => 'paid 与 paidPerClaimant 只能给出一个',
    tgtFamilies: (p) => `应为非空列表，取值：${joinZh(p.allowed)}`,
    tgtAboveList: () => '应为 { "threshold": 金额, "count": 人数 } 的列表',
    tgtTooFew: (p) =>
      `只有 ${p.targets} 个费用目标（支付金额、超过门槛的人数、最大额），少于 ${p.parameters} 个参数：至少需要 ${p.parameters} 个`,
    tgtRatePair: () => 'members 与 claimants 须同时给出：受益率 = 受益人数 / 会员人数',
    tgtNeedsDraws: () => '超过门槛的人数和最大额需要其所在的受益人数（claimants 或 draws）',
    tgtPaidNeedsClaimants: () => '支付总额需要对应的受益人数（或改用 paidPerClaimant）',
    tgtTailWithDaily: (p) =>
      `按日津贴 "${p.benefit}" 按天数而非费用支付：按待遇金额的门槛人数和最大额无法仅由费用拟合（可改用 "on": "cost"）`,
    tgtThresholdOrder: (p) => `门槛须递增：此门槛不高于 ${average(p.previous, 'zh')}`,
    tgtCountsIncrease: (p) =>
      `超过此门槛 ${count(p.count)} 人，超过更低的 ${average(p.previous, 'zh')} 却只有 ${count(p.previousCount)} 人：门槛越高人数不能越多`,
    tgtCountAboveDraws: (p) => `${count(p.count)} 多于其所在的 ${count(p.draws)} 名受益人`,
    tgtAboveMostPaid: (p) =>
      `一人最多获付 ${average(p.most, 'zh')}（封顶），不可能有人超过 ${average(p.threshold, 'zh')}`,
    tgtLargestVsCount: (p) =>
      `最大额 ${average(p.largest, 'zh')} 与超过 ${average(p.threshold, 'zh')} 的 ${count(p.count)} 人相互矛盾`,
    tgtLargestAtMost: (p) =>
      `最大额 ${average(p.largest, 'zh')} 不低于待遇最多支付的 ${average(p.most, 'zh')}（封顶）：只说明有人达到封顶；请改给低于封顶的门槛人数`,
    tgtOtherParts: (p) =>
      `${joinZh(p.parts.map((o) => `「${o}」`))}与「${p.risk}」按同一张待遇表支付，是同一项费用的另一部分。若所拟合的人数与金额也包括其受益人，此拟合会把它们全部归于「${p.risk}」，方案中其理赔将被重复计入：只有「${p.risk}」是全部费用时才宜按全部费用的数字拟合`,
    fitNoMean: (p) =>
      `形状参数 ${p.shape.toFixed(3)} ≤ 1：此 Pareto II 分布没有均值（期望费用无穷大），不能作为方案的费用分布`,
    fitExponentialLimit: () =>
      '尺度越大似然越高：最优 Pareto II 是其指数分布极限（尺度和形状在搜索边界）；费用的尾部比任何 Pareto II 都轻',
    fitAllEqual: () => '所有费用都相等：没有离散程度可拟合',
    credTooFewDistricts: () => '至少需要 2 个区县',
    credNoRepeatYears: () => '至少需要一个区县有 2 年或以上的数据，才能估计区县内部的波动',
    credNegativeBetween: () =>
      '各区县之间的差异不超过随机波动（区县间方差估计 ≤ 0）：各区县均采用总体发生率（Z = 0）',
    credSubsidised: (p) =>
      `${p.district}：信度发生率每百人 ${per100(p.rate)}，高于统筹发生率 ${per100(p.pooled)}：由统筹会费补贴`,
  },
};

/** Where a problem lies, in `lang`: `line 4, payouts`, `Sheet1!D4 (payouts)`, `row 1 (year 2019).members`, or the path itself. */
export function placeText(lang: Lang, at: HistoryPlace): string {
  if ('path' in at) return at.path;
  if ('cell' in at) {
    if (at.column === undefined) return at.cell;
    return lang === 'zh' ? `${at.cell}（${at.column}）` : `${at.cell} (${at.column})`;
  }
  if ('line' in at) {
    if (lang === 'zh') return at.column ? `第 ${at.line} 行，${at.column}` : `第 ${at.line} 行`;
    return at.column ? `line ${at.line}, ${at.column}` : `line ${at.line}`;
  }
  if (lang === 'zh')
    return at.year === undefined
      ? `第 ${at.row} 条.${at.field}`
      : `第 ${at.row} 条（${at.year} 年）.${at.field}`;
  return at.year === undefined ? `row ${at.row}.${at.field}` : `row ${at.row} (year ${at.year}).${at.field}`;
}

/** The words of a history code in `lang`. */
export function historyMessageText(lang: Lang, m: HistoryMessage): string {
  return say(HISTORY_TEXTS[lang], m);
}

/** A history problem as the shells list it: `{ path, message }`, both in `lang`. */
export function historyProblemText(lang: Lang, p: HistoryProblem): Problem {
  return { path: placeText(lang, p.at), message: historyMessageText(lang, p) };
}

/** A history problem on one line, `path: message`, as the CLI prints it. */
export function historyProblemLine(lang: Lang, p: HistoryProblem): string {
  const { path, message } = historyProblemText(lang, p);
  return `${path}: ${message}`;
}
