/**
 * The one file picker of the views: a button-styled label and a hidden file input (so the
 * button reads in the screen's language, which a bare input's does not). The chosen file is
 * handed over and the input cleared, so choosing the same file again is a new choice.
 * @example filePicker({ id: 'history-file', accept: CSV, label: l.histOpen, onFile: (f) => … })
 */
import { h } from './dom.ts';

export const JSON_FILES = '.json,application/json';
export const CSV_FILES = '.csv,text/csv,text/plain';
export const XLSX_FILES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FilePickerOptions {
  /** The input's id and test id. */
  id: string;
  accept: string;
  label: string;
  onFile(file: File): void;
}

export function filePicker(o: FilePickerOptions): HTMLElement[] {
  return [
    h('label', { class: 'button', for: o.id }, o.label),
    h('input', {
      type: 'file',
      accept: o.accept,
      id: o.id,
      'data-testid': o.id,
      class: 'visually-hidden',
      onchange: (e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (file) o.onFile(file);
      },
    }),
  ];
}
