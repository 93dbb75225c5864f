/**
 * The JPA entities of the core. Core-internal: exported for the core's own bundles only; plugins
 * and the REST layer see the API's view records, never these.
 */
@Version("1.2.0")
@Export
package org.omnitill.persistence.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
