/** Roles and permissions, for plugins that add endpoints or check what a user may do. */
@Version("1.1.0")
@Export
package org.omnitill.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
