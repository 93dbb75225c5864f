/** Money with its currency, exact to the currency's minor unit; never a double. */
@Version("1.0.0")
@Export
package org.omnitill.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
