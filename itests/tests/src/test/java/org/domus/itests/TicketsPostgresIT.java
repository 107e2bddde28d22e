package org.domus.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@link TicketsIT} on PostgreSQL: the tickets schema (attachment bytes as BYTEA, booleans, the reference
 * counter) migrates there and the whole loop and the public form's limits hold the same. A fresh server in
 * {@code target/postgres-tickets} (wiped before each run, so that rate-limit counters of an earlier run do not
 * carry over; stopped by the build after the integration tests).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketsPostgresIT extends TicketsIT {

    @Override
    @Configuration
    public Option[] config() {
        try {
            String port;
            try (java.net.ServerSocket socket =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            }
            File dir = new File(System.getProperty("itest.target", "target"), "postgres-tickets");
            File script = new File(System.getProperty("itest.scripts", "src/test/scripts"), "postgres.sh");
            run(script.getAbsolutePath(), "stop", dir.getAbsolutePath());
            run("rm", "-rf", dir.getAbsolutePath());
            run(script.getAbsolutePath(), "start", port, dir.getAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(script.getAbsolutePath(), "stop", dir.getAbsolutePath());
                } catch (IOException | InterruptedException e) {
                    // the JVM is ending; nothing else to do
                }
            }));
            String cfg = "etc/org.ops4j.datasource-domus.cfg";
            return distribution(
                    editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                    editConfigurationFilePut(cfg, "url", "jdbc:postgresql://127.0.0.1:" + port + "/domus"),
                    editConfigurationFilePut(cfg, "user", "domus"),
                    editConfigurationFilePut(cfg, "password", "domus-itest"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
