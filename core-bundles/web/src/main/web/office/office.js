// The back office: #/office/dashboard, /orders, /inventory and /plugins. Each page is shown only to a
// user whose permissions allow it (the server enforces them regardless); the others get a clear message.
import { useEffect } from 'preact/hooks';
import { html } from '../app/html.js';
import { can } from '../app/session.js';
import { navigate } from '../app/router.js';
import { Dashboard } from './dashboard.js';
import { Orders } from './orders.js';
import { Inventory } from './inventory.js';
import { Plugins } from './plugins.js';
import './office.css';

export const PAGES = [
  { path: 'dashboard', title: 'Dashboard', permission: 'report.read', what: 'the sales dashboard', view: Dashboard },
  { path: 'orders', title: 'Orders', permission: 'order.read', what: 'orders', view: Orders },
  { path: 'inventory', title: 'Inventory', permission: 'inventory.read', what: 'stock levels', view: Inventory },
  { path: 'plugins', title: 'Plugins', permission: 'plugin.read', what: 'plugins', view: Plugins },
];

/** "/office/orders/abc" → the orders page; null for an unknown page. */
export function pageOf(route) {
  const name = (route || '').replace(/^\/office\/?/, '').split(/[/?#]/)[0];
  return PAGES.find((page) => page.path === name) || null;
}

function Forbidden({ page, session }) {
  const allowed = PAGES.filter((p) => can(session, p.permission));
  return html`
    <section class="office-page card notice-page" id="office-forbidden" role="alert">
      <h1>Not available to you</h1>
      <p>${session.username} may not see ${page.what}: it needs the <code>${page.permission}</code> permission,
        which your role (${session.roles.join(', ') || 'none'}) does not have. Ask an administrator if you need it.</p>
      ${allowed.length > 0 && html`<p>You can open: ${allowed.map((p, i) => html`${i > 0 ? ', ' : ''}<a href=${`#/office/${p.path}`}>${p.title}</a>`)}.</p>`}
    </section>`;
}

function NotFound({ session }) {
  const allowed = PAGES.filter((p) => can(session, p.permission));
  return html`
    <section class="office-page card notice-page" id="office-not-found" role="alert">
      <h1>No such page</h1>
      ${allowed.length > 0
        ? html`<p>The back office has: ${allowed.map((p, i) => html`${i > 0 ? ', ' : ''}<a href=${`#/office/${p.path}`}>${p.title}</a>`)}.</p>`
        : html`<p>Your role has no back-office page.</p>`}
    </section>`;
}

export function Office({ session, status, route }) {
  const page = pageOf(route);
  const allowed = page && can(session, page.permission);

  useEffect(() => {
    document.title = `${page ? page.title : 'Back office'} · Omnitill`;
  }, [page]);

  if (!page) {
    // "#/office" alone opens the first page the user may see
    const first = PAGES.find((p) => can(session, p.permission));
    if (first && /^\/office\/?$/.test(route)) {
      navigate(`/office/${first.path}`);
      return null;
    }
    return html`<${NotFound} session=${session} />`;
  }
  if (!allowed) return html`<${Forbidden} page=${page} session=${session} />`;
  const View = page.view;
  return html`
    ${status && !status.online && html`<p class="notice warning" role="status" id="office-offline">
      The server is not answering: the figures below may be out of date.</p>`}
    <${View} session=${session} route=${route} />`;
}
