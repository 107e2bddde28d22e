/** Working days and public holidays per country, for deadlines counted in working days; organisations' zones. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.domus.core.calendar;
