/**
 * The solver panel (engine/solve.ts, exact expectations, instant): the break-even contribution
 * per member; the contribution at the confidence level from the last run's report; and, for a
 * chosen benefit with a cap, the largest cap affordable at the current contributions. Each answer
 * is a sentence in the screen's language, with a button that applies it to the draft as an edit
 * like any other (autosaved; changed back by editing).
 *
 * The break-even contribution is rounded UP to the fen (engine/breakEvenPerMember.ts), so that
 * applying it really breaks even; applying it scales every payer's amount in proportion
 * (engine/scaleContributions.ts: each to the fen, the remainder on the largest payer).
 */
import { resolveScheme } from '../domain/defaults.ts';
import { formatPercent, formatPerMember, formatYuan, type Lang } from '../domain/format.ts';
import type { Scenario } from '../domain/scenario.ts';
import { breakEvenPerMember } from '../engine/breakEvenPerMember.ts';
import { incomePerMember } from '../engine/fund.ts';
import { sameFen, scaleContributions } from '../engine/scaleContributions.ts';
import { affordableCap, isCappable } from '../engine/solve.ts';
import { serialiseScenario } from '../io/serialise.ts';
import { h } from './dom.ts';
import { LABELS } from './i18n.ts';
import { setAt } from './paths.ts';
import type { Store } from './store.ts';

// The rules live in the engine; re-exported for the report, which imports them from here.
export { breakEvenPerMember, scaleContributions };

/** The panel, re-rendered by the app on every edit, run and language change. */
export function createSolver(store: Store) {
  let capBenefit = '';
  const el = h('section', { class: 'solver panel', 'data-testid': 'solver' });

  function applyBreakEven(target: number) {
    const draft = store.state.draft;
    const rows = draft.contributions as { amount: number }[];
    const amounts = rows.map((c) => c.amount);
    // Every amount scaled alike: by group or per share, Σ amount is not what a member pays on average.
    const sum = amounts.reduce((a, x) => a + x, 0);
    const now = store.state.valid ? incomePerMember(store.state.valid) : sum;
    const total = sameFen(sum, now) ? target : (sum * target) / now;
    scaleContributions(amounts, total).forEach((a, i) => setAt(draft, `contributions[${i}].amount`, a));
    store.edited(true);
  }

  function applyCap(index: number, cap: number | null) {
    setAt(store.state.draft, `benefits[${index}].cap`, cap === null ? undefined : cap);
    store.edited(true);
  }

  function render() {
    const { valid: s, lang, run } = store.state;
    const L = LABELS[lang];
    if (!s) {
      el.replaceChildren(h('h3', {}, L.solverTitle), h('p', { class: 'note' }, L.solverInvalid));
      return;
    }
    const perMember = incomePerMember(s);
    const breakEven = breakEvenPerMember(s);
    const upToDate =
      run.report !== null &&
      run.scenario !== null &&
      serialiseScenario(run.scenario) === serialiseScenario(s);
    const confidence = resolveScheme(s).simulation.confidence;
    el.replaceChildren(
      h('h3', {}, L.solverTitle),
      h(
        'p',
        { 'data-testid': 'solve-break-even', 'data-value': breakEven.toFixed(2) },
        L.breakEvenSentence(formatPerMember(breakEven), formatPerMember(perMember)),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-testid': 'apply-break-even',
            disabled: sameFen(breakEven, perMember),
            onclick: () => applyBreakEven(breakEven),
          },
          L.applyBreakEven,
        ),
      ),
      h(
        'p',
        { 'data-testid': 'solve-at-confidence' },
        run.report?.contributionAtConfidence != null
          ? [
              L.atConfidenceSentence(
                formatPercent(confidence, 1),
                formatPerMember(run.report.contributionAtConfidence),
              ),
              upToDate ? '' : ` ${L.staleRun}`,
            ]
          : L.atConfidenceNoRun,
      ),
      capPart(s, lang),
    );
  }

  function capPart(s: Scenario, lang: Lang): HTMLElement {
    const L = LABELS[lang];
    const cappable = s.benefits.map((b, i) => ({ b, i })).filter(({ b }) => isCappable(b));
    if (cappable.length === 0) return h('p', { class: 'note' }, L.noCappable);
    if (!cappable.some(({ b }) => b.id === capBenefit)) capBenefit = cappable[0].b.id;
    const { b, i } = cappable.find(({ b }) => b.id === capBenefit)!;
    const cap = affordableCap(s, b.id);
    const current = 'cap' in b && b.cap !== undefined ? L.capNow(formatYuan(b.cap, lang)) : L.capNowNone;
    const sentence =
      cap === null
        ? L.capNone(b.id)
        : cap === 0
          ? L.capZero(b.id)
          : L.capSentence(b.id, formatYuan(cap, lang));
    const same =
      cap !== 0 && (cap === null ? !('cap' in b) || b.cap === undefined : 'cap' in b && b.cap === cap);
    return h(
      'div',
      { class: 'solve-cap' },
      h(
        'label',
        { class: 'field inline' },
        h('span', { class: 'label' }, L.capBenefit),
        h(
          'select',
          {
            'data-testid': 'solve-cap-benefit',
            onchange: (e: Event) => {
              capBenefit = (e.target as HTMLSelectElement).value;
              render();
            },
          },
          cappable.map(({ b: x }) => h('option', { value: x.id, selected: x.id === capBenefit }, x.id)),
        ),
      ),
      h(
        'p',
        { 'data-testid': 'solve-cap', 'data-value': cap === null ? 'null' : String(cap) },
        L.withNow(sentence, current),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-testid': 'apply-cap',
            disabled: cap === 0 || same,
            onclick: () => applyCap(i, cap),
          },
          L.applyCap,
        ),
      ),
    );
  }

  return { el, render };
}
