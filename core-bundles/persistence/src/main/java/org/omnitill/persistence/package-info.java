/**
 * Transactions and idempotency records shared by the core bundles. Core-internal: exported for the
 * core's own bundles, not part of the plugin API.
 */
@Version("1.1.0")
@Export
package org.omnitill.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
