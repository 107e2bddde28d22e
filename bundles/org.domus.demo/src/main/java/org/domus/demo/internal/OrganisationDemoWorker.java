package org.domus.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one module's demo data for each demo organisation on a thread of its own, so that the component asking for
 * it never holds up SCR, and logs what it made: "Demo &lt;what&gt; created in N ms: ..." once at the end, or why an
 * organisation was left alone. Stopping interrupts it between organisations and waits for it.
 */
public final class OrganisationDemoWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationDemoWorker.class);

    /** What one organisation's generation did: a summary of what it made, or why it made nothing. */
    public record Outcome(String organisation, String made, String skipped) {

        public static Outcome made(String organisation, String summary) {
            return new Outcome(organisation, summary, null);
        }

        /** @param reason why nothing was made, e.g. "it has tickets already" */
        public static Outcome skipped(String organisation, String reason) {
            return new Outcome(organisation, null, reason);
        }
    }

    /** One organisation's generation. */
    @FunctionalInterface
    public interface Generator {
        Outcome generate(long organisationId);
    }

    private final Thread thread;

    private OrganisationDemoWorker(Thread thread) {
        this.thread = thread;
    }

    /**
     * @param what the data, as the log names it ("ledger", "tickets", "contact directory")
     * @param threadName the worker thread's name
     */
    public static OrganisationDemoWorker start(
            String what, String threadName, List<Long> organisations, Generator generator) {
        Thread thread = new Thread(() -> run(what, organisations, generator), threadName);
        thread.setDaemon(true);
        thread.start();
        return new OrganisationDemoWorker(thread);
    }

    /** Interrupts the generation between organisations and waits up to a minute for it to end. */
    public void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(60));
    }

    private static void run(String what, List<Long> organisations, Generator generator) {
        long start = System.nanoTime();
        List<String> made = new ArrayList<>();
        try {
            for (long organisation : organisations) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("Demo {} stopped before organisation {}", what, organisation);
                    return;
                }
                Outcome outcome = generator.generate(organisation);
                if (outcome.made() == null) {
                    LOG.info("Demo {} of '{}' not generated: {}", what, outcome.organisation(), outcome.skipped());
                } else {
                    made.add("'" + outcome.organisation() + "': " + outcome.made());
                }
            }
            if (!made.isEmpty()) {
                LOG.info(
                        "Demo {} created in {} ms: {}",
                        what,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        String.join("; ", made));
            }
        } catch (RuntimeException e) {
            LOG.error("Demo {} not (fully) created: {}", what, e.toString(), e);
        }
    }
}
