package org.domus.communications.web.internal.directory;

import java.io.Serializable;

/** Translation function handed to texts and forms, so that they are tested without a running Vaadin service. */
@FunctionalInterface
interface Translator extends Serializable {

    String translate(String key, Object... arguments);
}
