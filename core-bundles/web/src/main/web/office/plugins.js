// #/office/plugins: the plugin services running now (GET /plugins) and the plugin features that can be
// installed, updated or removed (GET/POST/DELETE /plugins/features; plugin.manage).
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../app/html.js';
import { api } from '../app/api.js';
import { can } from '../app/session.js';
import { ConfirmDialog } from './dialog.js';
import { familyName, groupByFamily, groupFeatures, newerVersions } from './plugin-catalog.js';

// Services of a newly installed bundle register a moment after the install answers: look again then.
export const SETTLE_MS = 3000;

const VERBS = {
  install: { doing: 'Installing', done: 'Installed' },
  update: { doing: 'Updating', done: 'Updated' },
  remove: { doing: 'Removing', done: 'Removed' },
};

function usePluginLists() {
  const [state, setState] = useState({ services: null, features: null, error: null });
  const load = async () => {
    const [services, features] = await Promise.allSettled([api.get('/plugins'), api.get('/plugins/features')]);
    setState({
      services: services.status === 'fulfilled' ? services.value : [],
      features: features.status === 'fulfilled' ? groupFeatures(features.value) : [],
      error: [services, features].find((r) => r.status === 'rejected')?.reason || null,
    });
  };
  useEffect(() => {
    load();
  }, []);
  return { ...state, reload: load };
}

function StateBadge({ state }) {
  const kind = state === 'ACTIVE' ? 'good' : state === 'RESOLVED' || state === 'STARTING' ? 'warn' : 'bad';
  return html`<span class=${`badge plugin-state ${kind}`}>${state}</span>`;
}

function Services({ services }) {
  if (services.length === 0) return html`<p class="muted">No plugin is running.</p>`;
  return groupByFamily(services).map(({ family, items }) => html`
    <section key=${family} class="family" aria-labelledby=${`services-${family}`}>
      <h3 id=${`services-${family}`}>${familyName(family)}</h3>
      <div class="table-scroll"><table class="compact services">
        <thead><tr><th scope="col">Plugin</th><th scope="col">Version</th><th scope="col">State</th></tr></thead>
        <tbody>${items.map((service) => html`
          <tr key=${`${service.id}/${service.bundle}`} class="plugin-service-row" data-plugin=${service.id}>
            <td>${service.name}<br /><span class="small muted"><code>${service.id}</code> · ${service.bundle}</span></td>
            <td class="small">${service.version}</td>
            <td><${StateBadge} state=${service.state} /></td>
          </tr>`)}
        </tbody>
      </table></div>
    </section>`);
}

function FeatureRow({ feature, manage, busy, onAct }) {
  const choices = feature.installedVersion ? newerVersions(feature) : feature.versions;
  const [version, setVersion] = useState(choices[0] || feature.newest);
  // the lists are re-read after every action: keep the choice only while it is still offered
  const chosen = choices.includes(version) ? version : choices[0];
  const label = `${feature.name} version`;
  return html`
    <tr class="plugin-feature-row" data-feature=${feature.name}>
      <td><strong>${feature.name}</strong><br /><span class="small muted">${feature.description}</span></td>
      <td>${feature.installedVersion
        ? html`<span class="badge good">${feature.installedVersion}</span>`
        : html`<span class="muted">not installed</span>`}
        ${feature.updateTo && html`<br /><span class="small">update to ${feature.updateTo}</span>`}</td>
      <td class="small">${feature.versions.join(', ')}</td>
      ${manage && html`
        <td><div class="actions">
          ${choices.length > 0 && html`
            <select class="plugin-version" aria-label=${label} value=${chosen} disabled=${busy}
              onChange=${(e) => setVersion(e.currentTarget.value)}>
              ${choices.map((v) => html`<option key=${v} value=${v}>${v}</option>`)}
            </select>`}
          ${!feature.installedVersion && html`
            <button type="button" class="primary plugin-install" disabled=${busy}
              onClick=${() => onAct('install', feature, chosen)}>Install</button>`}
          ${feature.installedVersion && choices.length > 0 && html`
            <button type="button" class="primary plugin-update" disabled=${busy}
              onClick=${() => onAct('update', feature, chosen)}>Update</button>`}
          ${feature.installedVersion && html`
            <button type="button" class="plugin-remove" disabled=${busy}
              onClick=${() => onAct('remove', feature, feature.installedVersion)}>Remove</button>`}
        </div></td>`}
    </tr>`;
}

function Features({ features, manage, busy, onAct }) {
  if (features.length === 0) return html`<p class="muted">No plugin feature is known to the server.</p>`;
  return groupByFamily(features).map(({ family, items }) => html`
    <section key=${family} class="family" aria-labelledby=${`features-${family}`}>
      <h3 id=${`features-${family}`}>${familyName(family)}</h3>
      <div class="table-scroll"><table class=${manage ? 'compact features manage' : 'compact features'}>
        <thead><tr><th scope="col" class="col-feature">Feature</th><th scope="col" class="col-installed">Installed</th>
          <th scope="col" class="col-available">Available</th>
          ${manage && html`<th scope="col" class="col-actions">Actions</th>`}</tr></thead>
        <tbody>${items.map((feature) => html`
          <${FeatureRow} key=${feature.name} feature=${feature} manage=${manage} busy=${busy} onAct=${onAct} />`)}
        </tbody>
      </table></div>
    </section>`);
}

export function Plugins({ session }) {
  const manage = can(session, 'plugin.manage');
  const { services, features, error, reload } = usePluginLists();
  const [busy, setBusy] = useState(null);
  const [message, setMessage] = useState(null);
  const [confirming, setConfirming] = useState(null);
  const settle = useRef(null);

  useEffect(() => () => clearTimeout(settle.current), []);

  const run = async (verb, feature, version) => {
    const words = VERBS[verb];
    setBusy({ verb, name: feature.name });
    setMessage({ kind: 'progress', text: `${words.doing} ${feature.name} ${version}… this takes a few seconds.` });
    try {
      if (verb === 'remove') {
        await api.del(`/plugins/features/${encodeURIComponent(feature.name)}`);
      } else {
        // an install of the newest version leaves the choice to the server; anything else names it
        const body = verb === 'install' && version === feature.newest ? { name: feature.name } : { name: feature.name, version };
        await api.post('/plugins/features', body);
      }
      setMessage({ kind: 'success', text: `${words.done} ${feature.name} ${version}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: `${feature.name} was not ${words.done.toLowerCase()}: ${e.message}` });
    }
    await reload();
    setBusy(null);
    clearTimeout(settle.current);
    settle.current = setTimeout(reload, SETTLE_MS);
  };

  const act = (verb, feature, version) => {
    if (verb === 'remove') setConfirming({ feature, version });
    else run(verb, feature, version);
  };

  return html`
    <section id="plugins" class="office-page" aria-busy=${busy ? 'true' : 'false'}>
      <header class="page-head">
        <h1>Plugins</h1>
        <p class="muted">Payment methods, tax rules, devices and sales channels are plugins: they can be installed,
          updated and removed while the stores keep selling.${manage ? '' : ' Installing and removing needs the plugin.manage permission.'}</p>
      </header>
      <div id="plugins-message" role="status" aria-live="polite"
        class=${message ? `notice ${message.kind === 'error' ? 'error' : message.kind === 'success' ? 'success' : 'progress'}` : 'empty'}>
        ${message && message.kind === 'progress' && html`<span class="spinner" aria-hidden="true"></span>`}
        ${message?.text}
      </div>
      ${error && html`<p class="notice error" role="alert" id="plugins-error">${error.message}</p>`}
      <div class="stack">
        <section class="card" aria-labelledby="services-title">
          <h2 id="services-title">Running</h2>
          ${services === null ? html`<p class="loading">Loading…</p>` : html`<${Services} services=${services} />`}
        </section>
        <section class="card" aria-labelledby="features-title">
          <h2 id="features-title">Plugin features</h2>
          ${features === null
            ? html`<p class="loading">Loading…</p>`
            : html`<${Features} features=${features} manage=${manage} busy=${!!busy} onAct=${act} />`}
        </section>
      </div>
      ${confirming && html`
        <${ConfirmDialog} title=${`Remove ${confirming.feature.name}?`} confirmLabel="Remove" danger
          onCancel=${() => setConfirming(null)}
          onConfirm=${() => {
            const { feature, version } = confirming;
            setConfirming(null);
            run('remove', feature, version);
          }}>
          <p>Version ${confirming.version} will be uninstalled. What it provides (${confirming.feature.description || 'its services'})
            stops at once on every register, until it is installed again.</p>
        <//>`}
    </section>`;
}
