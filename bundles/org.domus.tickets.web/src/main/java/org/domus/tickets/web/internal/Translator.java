package org.domus.tickets.web.internal;

import java.io.Serializable;

/** Translation function handed to forms, so that they are tested without a running Vaadin service. */
@FunctionalInterface
interface Translator extends Serializable {

    String translate(String key, Object... arguments);
}
