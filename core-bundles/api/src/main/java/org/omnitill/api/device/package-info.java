/** Device plugins (SPI): receipt printers first; scanners, drawers and displays later. */
@Version("1.0.0")
@Export
package org.omnitill.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
