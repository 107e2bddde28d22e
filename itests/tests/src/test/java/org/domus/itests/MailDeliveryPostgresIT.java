package org.domus.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@link MailDeliveryIT} on PostgreSQL: the outbox schema (bodies as TEXT, images as BYTEA) migrates there, the
 * conditional claims and the savepoint behind the unique key hold the same, and a restart mid-queue and an SMTP
 * outage still deliver each mail once. A fresh server in {@code target/postgres-mail} (stopped by the build after
 * the integration tests).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailDeliveryPostgresIT extends MailDeliveryIT {

    @Override
    @Configuration
    public Option[] config() {
        try {
            String port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            }
            File dir = new File(System.getProperty("itest.target", "target"), "postgres-mail");
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
