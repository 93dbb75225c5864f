// Supervisor approval in the same request. The register first tries an act as the cashier; when the server
// answers 403 approval_required it asks for a supervisor's name and password (or PIN) and sends the very same
// request again with the Omnitill-Approval header. Wrong credentials keep the prompt open with the server's
// message; cancelling leaves everything as it was, because nothing was done.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { approvalHeader } from '../app/api.js';

/** Thrown when the cashier cancels the approval prompt: the act was not done, and that is not an error. */
export class ApprovalCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was changed.');
    this.name = 'ApprovalCancelled';
  }
}

// Answers to an approval attempt that the supervisor can fix by typing again (the prompt stays open).
const RETRYABLE = new Set(['approval_invalid', 'approval_insufficient', 'login_locked']);

/**
 * Runs `requestFn(approval)`: first without an approval, then, while the server asks for one, with the
 * credentials `ask` returns (null or undefined means cancelled).
 * @template T
 * @param {(approval: string|undefined) => Promise<T>} requestFn sends the request; must send the same thing each time
 * @param {(state: {message: string, error: string|null}) => Promise<{username: string, secret: string, pin: boolean}|null>} ask
 * @returns {Promise<T>}
 */
export async function withApproval(requestFn, ask) {
  try {
    return await requestFn(undefined);
  } catch (first) {
    if (first?.code !== 'approval_required') throw first;
    let error = null;
    for (;;) {
      const credentials = await ask({ message: first.message, error });
      if (!credentials) throw new ApprovalCancelled();
      try {
        return await requestFn(approvalHeader(credentials.username.trim(), credentials.secret, !!credentials.pin));
      } catch (again) {
        if (!RETRYABLE.has(again?.code)) throw again;
        error = again.message;
      }
    }
  }
}

/**
 * The approval prompt as a hook: `run(requestFn, what)` is withApproval with the dialog as `ask`;
 * `dialog` is the element to render (null while nothing needs approving).
 */
export function useApproval() {
  const [prompt, setPrompt] = useState(null);
  const current = useRef(null);
  const show = (next) => {
    current.current = next;
    setPrompt(next);
  };
  const run = useCallback(async (requestFn, what) => {
    try {
      return await withApproval(requestFn, (state) => new Promise((resolve) => {
        show({ what, message: state.message, error: state.error, busy: false, resolve });
      }));
    } finally {
      show(null);
    }
  }, []);
  const answer = useCallback((credentials) => {
    const open = current.current;
    if (!open || open.busy) return;
    // keep the prompt up (busy) while the request is retried: a refusal re-asks with its message
    show(credentials ? { ...open, busy: true, error: null } : null);
    open.resolve(credentials);
  }, []);
  const dialog = prompt && html`<${ApprovalDialog} prompt=${prompt} onAnswer=${answer} />`;
  return { run, dialog, open: !!prompt };
}

/** "…(permission cart.line.void)…" → a line the cashier understands; the server's text otherwise. */
export function approvalReason(message) {
  const permission = /permission ([a-z][a-z.-]*[a-z])/i.exec(message || '')?.[1];
  return permission ? `A supervisor must approve this (${permission}).` : message || 'A supervisor must approve this.';
}

/** The prompt itself: supervisor name, password or PIN; Enter approves, Esc cancels. */
export function ApprovalDialog({ prompt, onAnswer }) {
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [pin, setPin] = useState(false);
  const first = useRef(null);
  const secretField = useRef(null);

  // focus before the next key arrives: a fast typist (or a test) must not type into the field behind
  useLayoutEffect(() => first.current?.focus(), []);
  // after a refusal the secret is cleared and typed again; the name usually was right
  useEffect(() => {
    if (!prompt.error) return;
    setSecret('');
    (username ? secretField.current : first.current)?.focus();
  }, [prompt.error]);

  const submit = (event) => {
    event.preventDefault();
    if (!username.trim() || !secret || prompt.busy) return;
    onAnswer({ username, secret, pin });
  };
  const keydown = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onAnswer(null);
    }
  };

  return html`
    <div class="modal-backdrop" onKeyDown=${keydown}>
      <form class="modal card approval" id="approval-dialog" role="dialog" aria-modal="true"
        aria-labelledby="approval-title" onSubmit=${submit}>
        <h2 id="approval-title">Supervisor approval</h2>
        <p class="approval-what">${prompt.what}</p>
        <p class="muted" id="approval-reason">${approvalReason(prompt.message)}</p>
        <label>Supervisor
          <input id="approval-username" ref=${first} autocomplete="off" autocapitalize="none" spellcheck=${false}
            value=${username} onInput=${(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>${pin ? 'PIN' : 'Password'}
          <input id="approval-secret" ref=${secretField} type="password" autocomplete="off"
            inputmode=${pin ? 'numeric' : undefined} value=${secret} onInput=${(e) => setSecret(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input id="approval-pin" type="checkbox" checked=${pin} onChange=${(e) => setPin(e.currentTarget.checked)} />
          The secret is a PIN
        </label>
        ${prompt.error && html`<p class="notice error" id="approval-error" role="alert">${prompt.error}</p>`}
        <div class="modal-actions">
          <button type="button" id="approval-cancel" data-cancel disabled=${prompt.busy} onClick=${() => onAnswer(null)}>Cancel (Esc)</button>
          <button type="submit" class="primary" id="approval-submit" disabled=${prompt.busy || !username.trim() || !secret}>
            ${prompt.busy ? 'Checking…' : 'Approve (Enter)'}</button>
        </div>
      </form>
    </div>`;
}
