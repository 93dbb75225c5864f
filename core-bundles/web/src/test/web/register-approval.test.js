import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { html } from '../../main/web/app/html.js';
import { ApiError, approvalHeader } from '../../main/web/app/api.js';
import { ApprovalCancelled, approvalReason, useApproval, withApproval } from '../../main/web/register/approval.js';

const required = () => new ApiError(403, 'approval_required',
  'this needs the approval of a supervisor (permission cart.line.void): send their credentials in the Omnitill-Approval header');
const invalid = () => new ApiError(403, 'approval_invalid', 'wrong approver name or password');
const insufficient = () => new ApiError(403, 'approval_insufficient', 'the approver may not approve this');

describe('register: withApproval', () => {
  it('sends once without approval when none is needed', async () => {
    const request = vi.fn().mockResolvedValue('cart');
    const ask = vi.fn();
    await expect(withApproval(request, ask)).resolves.toBe('cart');
    expect(request).toHaveBeenCalledExactlyOnceWith(undefined);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks on approval_required and retries the same request with the Omnitill-Approval header', async () => {
    const request = vi.fn().mockRejectedValueOnce(required()).mockResolvedValueOnce('voided');
    const ask = vi.fn().mockResolvedValue({ username: ' supervisor ', secret: '4321', pin: true });
    await expect(withApproval(request, ask)).resolves.toBe('voided');
    expect(ask).toHaveBeenCalledWith({ message: required().message, error: null });
    expect(request.mock.calls).toEqual([[undefined], [approvalHeader('supervisor', '4321', true)]]);
  });

  it('asks again with the server message when the approver is wrong or may not approve', async () => {
    const request = vi.fn()
      .mockRejectedValueOnce(required())
      .mockRejectedValueOnce(invalid())
      .mockRejectedValueOnce(insufficient())
      .mockResolvedValueOnce('done');
    const ask = vi.fn()
      .mockResolvedValueOnce({ username: 'supervisor', secret: 'wrong' })
      .mockResolvedValueOnce({ username: 'cashier', secret: 'cashier' })
      .mockResolvedValueOnce({ username: 'supervisor', secret: 'supervisor' });
    await expect(withApproval(request, ask)).resolves.toBe('done');
    expect(ask.mock.calls.map((c) => c[0].error)).toEqual([null, 'wrong approver name or password', 'the approver may not approve this']);
    expect(request.mock.calls[3][0]).toBe(approvalHeader('supervisor', 'supervisor'));
  });

  it('leaves everything unchanged when cancelled', async () => {
    const request = vi.fn().mockRejectedValueOnce(required());
    await expect(withApproval(request, async () => null)).rejects.toBeInstanceOf(ApprovalCancelled);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('passes other errors on without asking', async () => {
    const outOfStock = new ApiError(409, 'out_of_stock', 'only 1 left');
    const ask = vi.fn();
    await expect(withApproval(() => Promise.reject(outOfStock), ask)).rejects.toBe(outOfStock);
    expect(ask).not.toHaveBeenCalled();
    // and an error on the approved retry (the line went meanwhile) ends the prompt too
    const gone = new ApiError(404, 'line_not_found', 'no such line');
    const request = vi.fn().mockRejectedValueOnce(required()).mockRejectedValueOnce(gone);
    await expect(withApproval(request, async () => ({ username: 's', secret: 's' }))).rejects.toBe(gone);
  });

  it('tells the cashier which permission is needed', () => {
    expect(approvalReason(required().message)).toBe('A supervisor must approve this (cart.line.void).');
    expect(approvalReason('something else')).toBe('something else');
  });
});

describe('register: approval prompt', () => {
  let root;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  function Harness({ request, onResult }) {
    const approval = useApproval();
    return html`<div>
      <button id="act" onClick=${() => approval.run(request, 'Void line Espresso').then(onResult, onResult)}>act</button>
      ${approval.dialog}
    </div>`;
  }

  const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));
  const type = (id, value) => {
    const input = root.querySelector(`#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('shows the prompt, shows a refusal in it, and closes after the approved retry', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const request = vi.fn()
      .mockRejectedValueOnce(required())
      .mockRejectedValueOnce(invalid())
      .mockResolvedValueOnce('ok');
    const onResult = vi.fn();
    act(() => render(html`<${Harness} request=${request} onResult=${onResult} />`, root));
    await act(async () => root.querySelector('#act').click());
    await flush();
    expect(root.querySelector('#approval-dialog')).not.toBeNull();
    expect(root.querySelector('.approval-what').textContent).toBe('Void line Espresso');
    expect(document.activeElement.id).toBe('approval-username');

    await act(() => {
      type('approval-username', 'supervisor');
      type('approval-secret', 'nope');
    });
    await act(() => root.querySelector('#approval-submit').click());
    await flush();
    expect(root.querySelector('#approval-error').textContent).toBe('wrong approver name or password');
    expect(root.querySelector('#approval-secret').value).toBe('');

    await act(() => {
      type('approval-secret', '4321');
      root.querySelector('#approval-pin').click();
    });
    await act(() => root.querySelector('#approval-submit').click());
    await flush();
    expect(onResult).toHaveBeenCalledWith('ok');
    expect(request.mock.calls[2][0]).toBe(approvalHeader('supervisor', '4321', true));
    expect(root.querySelector('#approval-dialog')).toBeNull();
  });

  it('cancels with the Cancel button', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const request = vi.fn().mockRejectedValueOnce(required());
    const onResult = vi.fn();
    act(() => render(html`<${Harness} request=${request} onResult=${onResult} />`, root));
    await act(async () => root.querySelector('#act').click());
    await flush();
    await act(() => root.querySelector('#approval-cancel').click());
    await flush();
    expect(onResult.mock.calls[0][0]).toBeInstanceOf(ApprovalCancelled);
    expect(root.querySelector('#approval-dialog')).toBeNull();
    expect(request).toHaveBeenCalledTimes(1);
  });
});
