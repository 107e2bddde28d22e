package org.domus.ledger;

/**
 * Progress of a billing run, called on the running thread: {@code done} of {@code total} steps of a phase
 * ({@value #UNITS}, {@value #CHARGES}, {@value #POSTING}). Keep it quick; a UI hands it over to its own
 * thread.
 */
@FunctionalInterface
public interface BillingProgress {

    String UNITS = "units";
    String CHARGES = "charges";
    String POSTING = "posting";

    /** Reports nothing. */
    BillingProgress NONE = (phase, done, total) -> {};

    void progress(String phase, int done, int total);
}
