import { html } from './html.js';
import { can } from './session.js';

/** Where a user lands after signing in: cashiers at the register, managers on the dashboard. */
export function homeRoute(session) {
  if (can(session, 'report.read')) return '/office/dashboard';
  if (can(session, 'cart.sell')) return '/register';
  if (can(session, 'plugin.read')) return '/office/plugins';
  return '/office/orders';
}

// Karaf's own roles (ssh, viewer, systembundles, …) say nothing to a cashier or manager
const OMNITILL_ROLES = ['admin', 'manager', 'supervisor', 'cashier', 'partner', 'register'];

export function shownRoles(roles) {
  return OMNITILL_ROLES.filter((role) => roles.includes(role)).join(', ');
}

const LINKS = [
  { route: '/register', label: 'Register', permission: 'cart.sell' },
  { route: '/office/dashboard', label: 'Dashboard', permission: 'report.read' },
  { route: '/office/orders', label: 'Orders', permission: 'order.read' },
  { route: '/office/inventory', label: 'Inventory', permission: 'inventory.read' },
  { route: '/office/plugins', label: 'Plugins', permission: 'plugin.read' },
];

function ServerState({ status }) {
  if (!status.online) {
    return html`<span class="server-state down" id="server-state" role="status">Offline: server not reachable</span>`;
  }
  if (status.status === 'DOWN' || status.missing.length) {
    return html`<span class="server-state degraded" id="server-state" role="status">
      Degraded: ${status.missing.join(', ') || 'database'} unavailable</span>`;
  }
  return html`<span class="server-state up" id="server-state" role="status">Online</span>`;
}

export function Shell({ session, status, route, onSignOut, children }) {
  return html`
    <div class="shell">
      <header class="topbar">
        <span class="brand">Omnitill</span>
        <nav aria-label="Main">
          ${LINKS.filter((link) => can(session, link.permission)).map((link) => html`
            <a href=${`#${link.route}`} class=${route.startsWith(link.route) ? 'active' : ''}
              aria-current=${route.startsWith(link.route) ? 'page' : undefined}>${link.label}</a>`)}
        </nav>
        <${ServerState} status=${status} />
        <span class="user" id="signed-in-user">${session.username} · ${shownRoles(session.roles)}</span>
        <button class="quiet" id="sign-out" onClick=${onSignOut}>Sign out</button>
      </header>
      <div class="content">${children}</div>
    </div>`;
}
