/**
 * The sensitivity panel: a tornado of the expected loss ratio (`sensitivity`, exact, about a
 * millisecond) for the valid draft, redrawn a moment after the last edit; and, when the engine has
 * an exact method, a second tornado of P(deficit), computed in the exact worker and drawn when it
 * arrives (unless the draft changed meanwhile). A P(deficit) that stays below 0.05% under every
 * move is said in words rather than drawn as an empty chart.
 *
 * Drawing a chart takes the main thread for a moment, so it waits for an idle moment and never
 * runs while `isBusy()` (a simulation is running): the caller calls `resume()` when it is done.
 */
import { tornadoSpec, type TornadoInput } from '../charts/tornado.ts';
import type { Lang } from '../domain/format.ts';
import type { Scenario } from '../domain/scenario.ts';
import { sensitivity, type Figures, type Sensitivity } from '../engine/sensitivity.ts';
import { h } from './dom.ts';
import { figure } from './figure.ts';
import type { ExactClient } from './exactClient.ts';
import { LABELS } from './i18n.ts';

const REDRAW_AFTER_MS = 300;
/** Below this everywhere, P(deficit) is "negligible" rather than a chart of zero-length bars. */
const NEGLIGIBLE = 0.0005;

/** The tornado's input for one figure of a sensitivity analysis, its rows named in `lang`. */
export function tornadoInput(result: Sensitivity, figure: keyof Figures, lang: Lang): TornadoInput | null {
  const L = LABELS[lang];
  const value = (f: Figures) => f[figure];
  const base = value(result.base);
  if (base === null || !Number.isFinite(base)) return null;
  return {
    base,
    reference: figure === 'lossRatio' ? 1 : undefined,
    digits: figure === 'lossRatio' ? 1 : 2,
    bars: result.bars.map((b) => ({
      key: b.key,
      label: `${L.assumptionNames[b.key] ?? b.key} ±${Math.round(b.step * 100)}%`,
      low: value(b.low) ?? base,
      high: value(b.high) ?? base,
    })),
  };
}

const whenIdle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 0);

export function createSensitivity(isBusy: () => boolean, exact: ExactClient) {
  const loss = figure('chart-tornado');
  const deficitFigure = figure('chart-tornado-deficit');
  const deficitEl = deficitFigure.el;
  deficitEl.hidden = true;
  const deficitNote = h('p', { class: 'note', 'data-testid': 'tornado-deficit-note', hidden: true });
  const note = h('p', { class: 'note' });
  const title = h('h3', {});
  const el = h(
    'section',
    { class: 'sensitivity panel', 'data-testid': 'sensitivity', 'data-exact': String(exact.available) },
    title,
    note,
    loss.el,
    deficitEl,
    deficitNote,
  );
  let drawn = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { s: Scenario; lang: Lang } | null = null;

  /** The panel's words, set at once (the charts follow when drawn). */
  function word(lang: Lang) {
    const L = LABELS[lang];
    title.textContent = L.sensitivityPanel;
    note.textContent = L.sensitivityNote;
    deficitNote.textContent = L.deficitNegligible;
  }

  async function draw(s: Scenario, lang: Lang) {
    const L = LABELS[lang];
    const which = ++drawn;
    word(lang);
    const width = el.clientWidth > 0 ? Math.max(320, el.clientWidth - 40) : 560;
    const labels = {
      low: L.tornadoLow,
      high: L.tornadoHigh,
      base: L.tornadoBase,
      reference: L.tornadoReference,
    };
    await loss.draw(
      tornadoSpec(tornadoInput(sensitivity(s), 'lossRatio', lang)!, {
        lang,
        labels: { ...labels, title: L.sensitivityTitle, x: L.tornadoX },
        width,
      }),
      lang,
    );
    const result = exact.available ? await exact.sensitivity(s) : null;
    if (which !== drawn) return; // the draft changed while the worker computed
    const deficit = result && tornadoInput(result, 'probDeficit', lang);
    const negligible =
      deficit !== null &&
      Math.max(deficit.base, ...deficit.bars.flatMap((b) => [b.low, b.high])) < NEGLIGIBLE;
    deficitEl.hidden = !deficit || negligible;
    deficitNote.hidden = !negligible;
    if (deficit && !negligible) {
      await deficitFigure.draw(
        tornadoSpec(deficit, {
          lang,
          labels: { ...labels, title: L.sensitivityDeficitTitle, x: L.tornadoDeficitX },
          width,
        }),
        lang,
      );
    }
  }

  /** Draws what is pending, unless a simulation is running. */
  function flush() {
    if (!pending || isBusy()) return;
    const { s, lang } = pending;
    pending = null;
    void draw(s, lang).catch((e) => console.warn('tornado', e));
  }

  /**
   * Redraws for `s` after `delay` ms and an idle moment; null (an invalid draft) hides the panel.
   * The words change at once, so a language switch leaves no heading in the other language for
   * that moment; a draw still waiting for the exact worker is dropped, its result being stale.
   */
  function update(s: Scenario | null, lang: Lang, delay = REDRAW_AFTER_MS) {
    clearTimeout(timer);
    el.hidden = s === null;
    pending = s && { s, lang };
    drawn++;
    word(lang);
    if (s) timer = setTimeout(() => whenIdle(flush), delay);
  }

  /** Draws what waited for a simulation to end, in a later task (the verdict is shown first). */
  function resume() {
    if (pending) update(pending.s, pending.lang);
  }

  /** Drops a redraw still waiting. */
  function dispose() {
    clearTimeout(timer);
    pending = null;
  }

  return { el, update, resume, dispose };
}
