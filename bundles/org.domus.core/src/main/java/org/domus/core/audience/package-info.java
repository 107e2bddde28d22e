/**
 * Who a message reaches: the accounts of residents in a part of the housing stock and the staff whose scope
 * covers a building. For modules that address people (communications), without reading the platform's tables.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.audience;
