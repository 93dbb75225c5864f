/** Products, barcodes and quantities, and the catalog service that looks them up. */
@Version("1.3.0")
@Export
package org.omnitill.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
