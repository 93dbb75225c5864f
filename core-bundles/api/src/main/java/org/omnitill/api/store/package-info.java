/** Stores and warehouses: the locations that sell and hold stock. */
@Version("1.1.0")
@Export
package org.omnitill.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
