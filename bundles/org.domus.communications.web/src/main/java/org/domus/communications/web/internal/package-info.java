/**
 * The communications views and their contributions to the shell (routes, menu entries, the start page's
 * announcements card, the notification bell in the top bar). Nothing here is exported.
 */
package org.domus.communications.web.internal;
