/** Sales channel plugins (SPI). */
@Version("1.0.0")
@Export
package org.omnitill.api.channel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
