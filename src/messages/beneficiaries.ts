/**
 * The words of the counts every source leads with and of who pays for whom (docs/scenario-format.md,
 * "Results added in /2"), in zh and en: 受益人次, the share of members helped, the average benefit,
 * the table by group and what each limit saves. The workbench's results and one-page report use
 * them; the terms are those of the CLI's text summary (src/cli/text.ts, `helped`, `byGroup`,
 * `limitSaves`), so a planner reads the same words on screen and in a terminal.
 *
 * `shareHelped` is 受益人次 ÷ all members (a person helped twice counts twice, as the sources
 * count); `averageBenefit` is the payout after limits ÷ 受益人次.
 */
import type { Lang } from '../domain/format.ts';

export interface BeneficiaryWords {
  /** 受益人次: claimants (members, for events) paid more than 0, summed over risks. */
  times: string;
  shareHelped: string;
  averageBenefit: string;
  /** The one-line sentence of the CLI summary. */
  helped(times: string, share: string, avg: string): string;
  byGroup: string;
  group: string;
  members: string;
  income: string;
  expectedPayout: string;
  lossRatio: string;
  limitSaves: string;
  limit: string;
  saves: string;
}

export const BENEFICIARY_WORDS: Record<Lang, BeneficiaryWords> = {
  zh: {
    times: '受益人次',
    shareHelped: '受益人次占会员',
    averageBenefit: '人均受益',
    helped: (times, share, avg) => `受益人次 ${times}（占会员 ${share}），人均受益 ${avg}`,
    byGroup: '按人群：谁为谁缴费',
    group: '人群',
    members: '人数',
    income: '收入',
    expectedPayout: '预期支出',
    lossRatio: '赔付率',
    limitSaves: '限额节省（预期）',
    limit: '限额',
    saves: '节省',
  },
  en: {
    times: 'Beneficiary-times',
    shareHelped: 'Share of members helped',
    averageBenefit: 'Average benefit',
    helped: (times, share, avg) => `Beneficiary-times ${times} (${share} of members), average benefit ${avg}`,
    byGroup: 'By group: who pays for whom',
    group: 'Group',
    members: 'Members',
    income: 'Income',
    expectedPayout: 'Expected payout',
    lossRatio: 'Loss ratio',
    limitSaves: 'Limits save (expected)',
    limit: 'Limit',
    saves: 'Saves',
  },
};

/** All members of a report: Σ over its groups (one group `"all"` for a `/1` file). */
export function allMembers(groups: readonly { members: number }[]): number {
  return groups.reduce((n, g) => n + g.members, 0);
}
