import { describe, expect, it } from 'vitest';
import { homeRoute, shownRoles } from '../../main/web/app/shell.js';

describe('shell', () => {
  it("shows Omnitill's roles, not the runtime's", () => {
    expect(shownRoles(['admin', 'manager', 'ssh', 'systembundles', 'viewer'])).toBe('admin, manager');
    expect(shownRoles(['cashier'])).toBe('cashier');
  });

  it('sends managers to the dashboard, cashiers to the register, partners to the plugins', () => {
    const as = (...permissions) => ({ permissions });
    expect(homeRoute(as('report.read', 'cart.sell'))).toBe('/office/dashboard');
    expect(homeRoute(as('cart.sell', 'order.read'))).toBe('/register');
    expect(homeRoute(as('plugin.read', 'plugin.manage'))).toBe('/office/plugins');
  });
});
