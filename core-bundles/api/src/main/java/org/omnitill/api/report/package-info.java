/** Reports over orders, returns, costs and stock: the back office's dashboard figures. */
@Version("1.0.0")
@Export
package org.omnitill.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
