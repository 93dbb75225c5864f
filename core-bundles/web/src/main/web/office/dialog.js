// A modal yes/no question. Focus goes to the safe answer (cancel), Escape cancels, Tab stays inside,
// and focus returns to where it was when the dialog closes.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../app/html.js';

export function ConfirmDialog({ title, children, confirmLabel = 'OK', danger = false, onConfirm, onCancel }) {
  const cancel = useRef(null);
  const box = useRef(null);

  useEffect(() => {
    const before = document.activeElement;
    cancel.current?.focus();
    return () => before?.focus?.();
  }, []);

  const keyDown = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      const buttons = [...box.current.querySelectorAll('button:not([disabled])')];
      const index = buttons.indexOf(document.activeElement);
      const next = event.shiftKey ? index - 1 : index + 1;
      event.preventDefault();
      buttons[(next + buttons.length) % buttons.length]?.focus();
    }
  };

  return html`
    <div class="dialog-backdrop" onClick=${(e) => e.target === e.currentTarget && onCancel()}>
      <div class="card dialog" id="confirm-dialog" role="alertdialog" aria-modal="true"
        aria-labelledby="confirm-title" aria-describedby="confirm-body" ref=${box} onKeyDown=${keyDown}>
        <h2 id="confirm-title">${title}</h2>
        <div id="confirm-body">${children}</div>
        <div class="dialog-actions">
          <button type="button" id="confirm-cancel" ref=${cancel} onClick=${onCancel}>Cancel</button>
          <button type="button" id="confirm-ok" class=${danger ? 'danger' : 'primary'} onClick=${onConfirm}>${confirmLabel}</button>
        </div>
      </div>
    </div>`;
}
