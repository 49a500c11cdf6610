/**
 * Contributions split by payer: the total per member and the member's own share apart (the
 * member's burden is what a scheme's leader is asked about). Reads the draft as it is being
 * edited, so a row without a numeric amount counts as 0 and a row without a payer as no one's.
 */

export interface ContributionSplit {
  /** All payers together, yuan per member. */
  total: number;
  /** What the members pay themselves (payer `member`), yuan per member. */
  member: number;
  /** member / total; null when the total is not positive. */
  memberShare: number | null;
}

/**
 * @example splitContributions([{ payer: 'member', amount: 30 }, { payer: 'union', amount: 70 }])
 * // { total: 100, member: 30, memberShare: 0.3 }
 */
export function splitContributions(
  rows: readonly { payer?: unknown; amount?: unknown }[],
): ContributionSplit {
  let total = 0,
    member = 0;
  for (const c of rows) {
    const a = typeof c?.amount === 'number' ? c.amount : 0;
    total += a;
    if (c?.payer === 'member') member += a;
  }
  return { total, member, memberShare: total > 0 ? member / total : null };
}
