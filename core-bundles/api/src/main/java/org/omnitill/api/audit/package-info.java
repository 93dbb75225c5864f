/** The tamper-evident audit trail of sensitive acts. */
@Version("1.0.0")
@Export
package org.omnitill.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
