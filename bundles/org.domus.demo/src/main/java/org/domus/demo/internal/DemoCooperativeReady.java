package org.domus.demo.internal;

/**
 * A service within the demo bundle, registered once the demo cooperative exists (generated now or found from
 * an earlier start): the demo's module data (e.g. its ledger) waits for it instead of racing the generator.
 */
public interface DemoCooperativeReady {

    /** The demo cooperative's organisation id. */
    long organisationId();
}
