/** Working days and public holidays per country, for deadlines counted in working days. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.calendar;
