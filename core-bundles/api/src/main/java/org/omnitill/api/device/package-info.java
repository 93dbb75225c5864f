/** Device plugins (SPI): receipt printers and cash drawers; scanners and displays later. */
@Version("1.1.0")
@Export
package org.omnitill.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
