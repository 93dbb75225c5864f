/** Orders: the immutable result of a checkout. */
@Version("1.0.0")
@Export
package org.omnitill.api.order;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
