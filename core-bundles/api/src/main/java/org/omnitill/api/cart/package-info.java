/** Carts: lines, tenders and totals, as the core prices them. */
@Version("1.1.0")
@Export
package org.omnitill.api.cart;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
