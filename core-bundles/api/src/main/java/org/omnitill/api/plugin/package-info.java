/** Service properties by which plugins describe themselves to the core. */
@Version("1.1.0")
@Export
package org.omnitill.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
