package org.domus.demo.internal;

import java.util.List;

/**
 * A service within the demo bundle, registered once the demo organisations exist (generated now or found from
 * an earlier start): the demo's module data (e.g. its ledger) waits for it instead of racing the generator.
 */
public interface DemoCooperativeReady {

    /** The demo organisations' ids, the Czech cooperative's first. */
    List<Long> organisationIds();
}
