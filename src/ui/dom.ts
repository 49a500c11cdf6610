/**
 * A tiny element builder. Every string becomes a text node (never HTML), so nothing a user or a
 * file provides can become markup or script: the workbench has no innerHTML anywhere.
 */
export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** A labelled text box (`label.field`) that reports every keystroke; a numeric one brings up a number pad. */
export function textField(o: {
  testid: string;
  label: string;
  value: string;
  placeholder: string;
  numeric?: boolean;
  onInput(value: string): void;
}): HTMLElement {
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'label' }, o.label),
    h('input', {
      type: 'text',
      inputmode: o.numeric ? 'numeric' : undefined,
      'data-testid': o.testid,
      value: o.value,
      placeholder: o.placeholder,
      oninput: (e: Event) => o.onInput((e.target as HTMLInputElement).value),
    }),
  );
}

/** A titled list of problems (`path: message`), as every view shows a rejected file or a failed fit. */
export function problemBox(
  title: string,
  problems: readonly { path: string; message: string }[],
  attrs: Record<string, string> = {},
): HTMLElement {
  return h('div', { class: 'error', role: 'alert', ...attrs }, ...problemList(title, problems));
}

/** The title and list of a problem box, for a box that stays in place (its `hidden` toggled). */
export function problemList(
  title: string,
  problems: readonly { path: string; message: string }[],
): HTMLElement[] {
  return [
    h('strong', {}, title),
    h(
      'ul',
      {},
      problems.map((p) => h('li', {}, `${p.path}: ${p.message}`)),
    ),
  ];
}

/** A table with one header row of column names (`th`) and the given body rows (`tbody`). */
export function dataTable(attrs: Attrs, columns: readonly string[], rows: Child[]): HTMLTableElement {
  return h(
    'table',
    attrs,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) => h('th', {}, c)),
      ),
    ),
    h('tbody', {}, rows),
  );
}
