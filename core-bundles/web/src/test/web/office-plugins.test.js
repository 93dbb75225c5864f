import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { html } from '../../main/web/app/html.js';
import {
  compareVersions, featureFamily, groupByFamily, groupFeatures, newerVersions,
} from '../../main/web/office/plugin-catalog.js';
import { Plugins } from '../../main/web/office/plugins.js';

describe('plugin versions', () => {
  it('compares numerically, a release after its snapshot', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('0.1.0.SNAPSHOT', '0.1.0')).toBe(-1);
    expect(compareVersions('0.1.0-SNAPSHOT', '0.1.0.SNAPSHOT')).toBe(0);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('2.0.0.rc1', '2.0.0.rc2')).toBe(-1);
  });
});

describe('plugin features', () => {
  const features = [
    { name: 'omnitill-payment-stripe', version: '0.2.0', description: 'Stripe 0.2', installed: false },
    { name: 'omnitill-payment-cash', version: '0.1.0.SNAPSHOT', description: 'cash', installed: true },
    { name: 'omnitill-payment-stripe', version: '0.1.0', description: 'Stripe 0.1', installed: false },
    { name: 'omnitill-payment-cash', version: '0.3.0', description: 'cash 0.3', installed: false },
    { name: 'omnitill-payment-cash', version: '0.2.0', description: 'cash 0.2', installed: false },
    { name: 'omnitill-tax-eu-vat', version: '1.0.0', description: 'EU VAT', installed: true },
  ];

  it('groups the versions of one feature into one row', () => {
    const rows = groupFeatures(features);
    expect(rows.map((r) => r.name)).toEqual(['omnitill-payment-cash', 'omnitill-payment-stripe', 'omnitill-tax-eu-vat']);
    const [cash, stripe, vat] = rows;
    expect(cash).toMatchObject({
      family: 'payment', installedVersion: '0.1.0.SNAPSHOT', versions: ['0.3.0', '0.2.0', '0.1.0.SNAPSHOT'],
      newest: '0.3.0', updateTo: '0.3.0', description: 'cash 0.3',
    });
    expect(newerVersions(cash)).toEqual(['0.3.0', '0.2.0']);
    expect(stripe).toMatchObject({ installedVersion: null, versions: ['0.2.0', '0.1.0'], updateTo: null });
    expect(newerVersions(stripe)).toEqual([]);
    expect(vat).toMatchObject({ family: 'tax', installedVersion: '1.0.0', updateTo: null });
  });

  it('orders families payment, tax, device, channel, then others', () => {
    const groups = groupByFamily([{ family: 'channel' }, { family: 'zeta' }, { family: 'tax' }, { family: 'payment' }, {}]);
    expect(groups.map((g) => g.family)).toEqual(['payment', 'tax', 'channel', 'other', 'zeta']);
    expect(featureFamily('omnitill-device-receipt-printer')).toBe('device');
    expect(featureFamily('something')).toBe('other');
  });
});

describe('the plugins page', () => {
  let container;
  let calls;
  let answers;

  const json = (status, body) => new Response(body === null ? null : JSON.stringify(body), {
    status, headers: { 'Content-Type': 'application/json' },
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    calls = [];
    answers = {
      'GET /api/v1/plugins': () => json(200, [
        { id: 'cash', family: 'payment', name: 'Cash', version: '0.1.0', state: 'ACTIVE', bundle: 'org.omnitill.payment.cash' },
      ]),
      'GET /api/v1/plugins/features': () => json(200, [
        { name: 'omnitill-payment-cash', version: '0.1.0', description: 'cash', installed: true },
        { name: 'omnitill-payment-stripe', version: '0.1.0', description: 'Stripe', installed: false },
      ]),
    };
    vi.stubGlobal('fetch', vi.fn(async (url, init) => {
      const key = `${init.method} ${url}`;
      calls.push({ key, body: init.body });
      return answers[key] ? answers[key]() : json(404, { error: 'not_found', message: 'no' });
    }));
  });

  afterEach(() => {
    render(null, container);
    container.remove();
    vi.unstubAllGlobals();
  });

  const settle = () => act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
  const manager = { username: 'partner', roles: ['partner'], permissions: ['plugin.read', 'plugin.manage'] };
  const row = (name) => container.querySelector(`tr.plugin-feature-row[data-feature="${name}"]`);

  it('lists services and features, with buttons only for plugin.manage', async () => {
    await act(() => render(html`<${Plugins} session=${{ ...manager, permissions: ['plugin.read'] }} />`, container));
    await settle();
    expect(container.querySelector('tr.plugin-service-row[data-plugin="cash"] .plugin-state').textContent).toBe('ACTIVE');
    expect(row('omnitill-payment-stripe')).not.toBeNull();
    expect(container.querySelector('button.plugin-install, button.plugin-remove')).toBeNull();
  });

  it('asks before removing, and shows the server refusing', async () => {
    answers['DELETE /api/v1/plugins/features/omnitill-payment-cash'] = () => json(422, {
      error: 'feature_uninstall_failed', message: "feature 'omnitill-payment-cash' could not be uninstalled: busy",
    });
    await act(() => render(html`<${Plugins} session=${manager} />`, container));
    await settle();

    await act(() => row('omnitill-payment-cash').querySelector('button.plugin-remove').click());
    expect(container.querySelector('#confirm-dialog')).not.toBeNull();
    await act(() => container.querySelector('#confirm-cancel').click());
    expect(container.querySelector('#confirm-dialog')).toBeNull();
    expect(calls.some((c) => c.key.startsWith('DELETE'))).toBe(false);

    await act(() => row('omnitill-payment-cash').querySelector('button.plugin-remove').click());
    await act(() => container.querySelector('#confirm-ok').click());
    await settle();
    expect(calls.some((c) => c.key === 'DELETE /api/v1/plugins/features/omnitill-payment-cash')).toBe(true);
    expect(container.querySelector('#plugins-message').textContent).toContain('could not be uninstalled: busy');
    expect(container.querySelector('#plugins-message').className).toContain('error');
  });

  it('installs, disabling the buttons meanwhile, then reads both lists again', async () => {
    let finish;
    answers['POST /api/v1/plugins/features'] = () => new Promise((resolve) => {
      finish = () => resolve(json(200, { name: 'omnitill-payment-stripe', version: '0.1.0', installed: true }));
    });
    await act(() => render(html`<${Plugins} session=${manager} />`, container));
    await settle();
    const before = calls.length;

    await act(() => row('omnitill-payment-stripe').querySelector('button.plugin-install').click());
    expect(container.querySelector('#plugins-message').textContent).toContain('Installing omnitill-payment-stripe');
    expect([...container.querySelectorAll('button.plugin-install, button.plugin-remove')].every((b) => b.disabled)).toBe(true);

    finish();
    await settle();
    expect(calls.find((c) => c.key === 'POST /api/v1/plugins/features').body).toBe('{"name":"omnitill-payment-stripe"}');
    expect(container.querySelector('#plugins-message').textContent).toContain('Installed omnitill-payment-stripe 0.1.0');
    const reread = calls.slice(before).map((c) => c.key);
    expect(reread).toContain('GET /api/v1/plugins');
    expect(reread).toContain('GET /api/v1/plugins/features');
    expect(row('omnitill-payment-cash').querySelector('button.plugin-remove').disabled).toBe(false);
  });
});
