package org.domus.web.internal.registry;

import java.io.Serializable;

/** Translation function handed to forms, so that they are tested without a running Vaadin service. */
@FunctionalInterface
public interface Translator extends Serializable {

    String translate(String key, Object... arguments);
}
