/** Errors the core reports, each with a stable code and a kind that maps to a status. */
@Version("1.0.0")
@Export
package org.omnitill.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
