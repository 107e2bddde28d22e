/** How a module announces itself to the platform. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.module;
