/** Payment method plugins (SPI). */
@Version("1.2.0")
@Export
package org.omnitill.api.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
