/**
 * The one module that calls vega-embed. Specs come from the pure functions in src/charts/.
 * Vega runs through vega-interpreter (`ast: true`), so the Content-Security-Policy needs no
 * 'unsafe-eval'; the default stylesheet is off (no inline styles) and style.css styles the
 * export menu. Export: PNG and SVG only.
 */
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';

const views = new WeakMap<HTMLElement, Result>();

export async function renderChart(el: HTMLElement, spec: TopLevelSpec, lang: 'zh' | 'en'): Promise<void> {
  views.get(el)?.finalize();
  const result = await embed(el, spec, {
    ast: true,
    expr: expressionInterpreter,
    renderer: 'svg',
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
    actions: { export: { png: true, svg: true }, source: false, compiled: false, editor: false },
    i18n:
      lang === 'zh'
        ? {
            PNG_ACTION: '导出 PNG',
            SVG_ACTION: '导出 SVG',
            CLICK_TO_VIEW_ACTIONS: '导出',
            COMPILED_ACTION: '',
            EDITOR_ACTION: '',
            SOURCE_ACTION: '',
          }
        : undefined,
    downloadFileName: 'huzhu-chart',
  });
  views.set(el, result);
}
