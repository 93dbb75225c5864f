/** Stock per location. */
@Version("1.1.0")
@Export
package org.omnitill.api.inventory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
