/** Orders: the immutable result of a checkout, and returns of their goods. */
@Version("1.2.0")
@Export
package org.omnitill.api.order;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
