/**
 * The share link in the page: the Share button puts the valid scenario in a `#s=` link, into the
 * clipboard where the browser allows it and always into a text field; a link opened (on load or
 * pasted into the address bar) loads its scenario like a file — validated, the current work kept
 * if it is not valid, and the user asked first if there are unsaved edits. The fragment is cleared
 * from the address once read, so a reload restores the autosaved work rather than the link.
 */
import type { ScenarioProblem } from '../domain/validation.ts';
import { h } from './dom.ts';
import { LABELS, type Labels } from './i18n.ts';
import type { Draft } from './paths.ts';
import { readShareFragment, SHARE_PREFIX, shareFragment } from './share.ts';
import type { Store } from './store.ts';

const CLIPBOARD_WAIT_MS = 1000;

export function createShareBox(
  store: Store,
  showError: (title: ((l: Labels) => string) | null, problems?: ScenarioProblem[]) => void,
) {
  const el = h('div', { class: 'share-box', hidden: true });
  let url: string | null = null;
  let copied = false;

  function render() {
    const L = LABELS[store.state.lang];
    el.hidden = url === null;
    if (url === null) return;
    el.replaceChildren(
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'label' }, L.shareLink),
        h('input', {
          type: 'text',
          readonly: true,
          'data-testid': 'share-link',
          value: url,
          onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
        }),
      ),
      h('p', { class: 'note' }, copied ? L.shareCopied : L.shareCopyHint),
    );
  }

  async function share() {
    const s = store.state.valid;
    if (!s) return;
    url = `${location.href.split('#')[0]}${await shareFragment(s)}`;
    copied = false;
    try {
      await Promise.race([
        navigator.clipboard.writeText(url),
        new Promise((_, reject) => setTimeout(reject, CLIPBOARD_WAIT_MS)),
      ]);
      copied = true;
    } catch {
      /* no clipboard here: the link is in the text field */
    }
    render();
  }

  /** The link no longer matches the scenario (it was edited or replaced). */
  function forget() {
    url = null;
    render();
  }

  /** Opens the scenario in the address's `#s=` fragment, if there is one. */
  async function openFromLocation() {
    const hash = location.hash;
    if (!hash.startsWith(SHARE_PREFIX)) return;
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    const shared = await readShareFragment(hash);
    if (!shared.ok) return showError((l) => l.shareRejected, shared.problems);
    if (store.state.dirty && !window.confirm(LABELS[store.state.lang].shareConfirm)) return;
    showError(null);
    store.open(structuredClone(shared.scenario) as unknown as Draft);
  }

  return { el, render, share, forget, openFromLocation };
}
