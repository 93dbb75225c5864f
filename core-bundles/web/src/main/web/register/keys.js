// The register's keyboard map, shown in the footer and in the help (?), and the small helpers that keep the
// scan field focused: a barcode scanner types into whatever has focus, so focus must come back to the scan
// field (or the open dialog) after every click, action and dialog.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { html } from '../app/html.js';

export const SALE_KEYS = [
  { keys: 'F2', action: 'Scan / search' },
  { keys: '↑ ↓', action: 'Select line' },
  { keys: '+ −', action: 'Quantity' },
  { keys: 'Del', action: 'Remove line' },
  { keys: 'F4', action: 'Discount' },
  { keys: 'F8', action: 'Return' },
  { keys: 'F12', action: 'Pay' },
  { keys: 'Esc', action: 'Cancel' },
  { keys: '?', action: 'Help' },
];

export const RETURN_KEYS = [
  { keys: 'F2', action: 'Order number' },
  { keys: 'Enter', action: 'Look up / submit' },
  { keys: 'F8', action: 'Back to sale' },
  { keys: 'Esc', action: 'Clear' },
  { keys: '?', action: 'Help' },
];

const HELP = [
  ['Scan or type a barcode, Enter', 'adds the article'],
  ['Type a name, Enter', 'searches; ↑ ↓ and Enter (or tap) pick a result'],
  ['3*barcode or 0.350*barcode', 'adds 3 pieces, or 0.350 kg of a weighed article'],
  ['↑ ↓ or tap', 'selects a cart line'],
  ['+ / −', 'one more / one fewer of the selected line (fewer needs a supervisor)'],
  ['Del', 'removes the selected line (needs a supervisor)'],
  ['F4', 'discount on the selected line (above 10 % needs a supervisor)'],
  ['F12', 'pay: Enter on an empty amount pays exactly what is due; c, k, g pick cash, card, gift card'],
  ['F8', 'return mode: scan the receipt barcode or type the order number'],
  ['Enter on the receipt', 'starts a new sale (scanning an article does too)'],
  ['Esc', 'closes the open dialog or search results'],
];

/** The key map as a footer bar. */
export function KeyFooter({ keys }) {
  return html`
    <footer class="key-footer" id="key-footer" aria-label="Keyboard shortcuts">
      ${keys.map((k) => html`<span class="key-hint"><kbd>${k.keys}</kbd> ${k.action}</span>`)}
    </footer>`;
}

export function HelpDialog({ onClose }) {
  const close = useRef(null);
  useLayoutEffect(() => close.current?.focus(), []);
  const keydown = (event) => {
    if (event.key === 'Escape' || event.key === '?') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };
  return html`
    <div class="modal-backdrop" onKeyDown=${keydown}>
      <div class="modal card help" id="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard</h2>
        <table class="help-table">
          <tbody>${HELP.map(([keys, what]) => html`<tr><th scope="row">${keys}</th><td>${what}</td></tr>`)}</tbody>
        </table>
        <div class="modal-actions">
          <button class="primary" ref=${close} data-autofocus data-cancel onClick=${onClose}>Close (Esc)</button>
        </div>
      </div>
    </div>`;
}

/** Whether an element takes typed text itself (so single-key shortcuts must leave it alone). */
export function isTextEntry(element) {
  if (!element) return false;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable) return true;
  if (element.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit'].includes(element.type);
}

/** The open dialog on top (the last one rendered), or null. */
export function topDialog() {
  const dialogs = document.querySelectorAll('[role="dialog"]');
  return dialogs[dialogs.length - 1] || null;
}

/**
 * Where typing belongs now: the topmost open dialog's [data-autofocus] field (or its first field), else the
 * page's main field (the scan field, or the order lookup in return mode).
 */
export function focusHome(mainField) {
  const top = topDialog();
  const target = top
    ? top.querySelector('[data-autofocus]:not([disabled])') || top.querySelector('input:not([disabled]),select,button:not([disabled])')
    : mainField;
  if (target && document.activeElement !== target) target.focus();
}

/**
 * Document-wide keys for one screen. `handler(event)` sees every keydown first; besides, focus that falls
 * to the page body (a tap on empty space, a dialog that closed) goes back home, and a printable key typed
 * while a button has focus (a scanner after a tap) is sent to the home field.
 */
export function useRegisterKeys(handler, mainFieldRef) {
  const latest = useRef(handler);
  latest.current = handler;
  // in place (and the main field focused) before the next key arrives: a scanner types fast
  useLayoutEffect(() => {
    focusHome(mainFieldRef.current);
    const keydown = (event) => {
      const dialog = topDialog();
      if (dialog && !dialog.contains(event.target)) {
        // a key that reached the page behind an open dialog belongs to the dialog
        if (event.key === 'Escape') {
          event.preventDefault();
          dialog.querySelector('[data-cancel]:not([disabled])')?.click();
        } else if (/^F\d+$/.test(event.key) || event.key === 'Enter') {
          event.preventDefault();
        } else {
          focusHome(mainFieldRef.current); // the character then lands in the dialog's field
        }
        return;
      }
      latest.current(event);
      if (event.defaultPrevented) return;
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target)) {
        focusHome(mainFieldRef.current); // the character then lands in the focused field
      }
    };
    let timer = null;
    const focusout = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!document.activeElement || document.activeElement === document.body) focusHome(mainFieldRef.current);
      }, 0);
    };
    // a focused field that disappears (a dialog closing, a panel replaced) leaves focus nowhere
    const lost = new MutationObserver(() => {
      if (!document.activeElement || document.activeElement === document.body) focusHome(mainFieldRef.current);
    });
    lost.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('keydown', keydown);
    document.addEventListener('focusout', focusout);
    return () => {
      lost.disconnect();
      clearTimeout(timer);
      document.removeEventListener('keydown', keydown);
      document.removeEventListener('focusout', focusout);
    };
  }, []);
}
