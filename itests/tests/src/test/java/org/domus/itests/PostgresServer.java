package org.domus.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.ops4j.pax.exam.Option;

/**
 * A throw-away PostgreSQL server for one test class (src/test/scripts/postgres.sh in {@code target/<dir>}, wiped
 * first; stopped when the test JVM ends and by the build after the integration tests) and the options that point
 * the distribution's DataSource at it.
 */
final class PostgresServer {

    private PostgresServer() {}

    /** Starts the server in {@code target/<dir>} and returns the DataSource options for the container. */
    static Option[] start(String dir) {
        try {
            String port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            }
            File data = new File(System.getProperty("itest.target", "target"), dir);
            File script = new File(System.getProperty("itest.scripts", "src/test/scripts"), "postgres.sh");
            run(script.getAbsolutePath(), "stop", data.getAbsolutePath());
            run("rm", "-rf", data.getAbsolutePath());
            run(script.getAbsolutePath(), "start", port, data.getAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(script.getAbsolutePath(), "stop", data.getAbsolutePath());
                } catch (IOException | InterruptedException e) {
                    // the JVM is ending; nothing else to do
                }
            }));
            String cfg = "etc/org.ops4j.datasource-domus.cfg";
            return new Option[] {
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(cfg, "url", "jdbc:postgresql://127.0.0.1:" + port + "/domus"),
                editConfigurationFilePut(cfg, "user", "domus"),
                editConfigurationFilePut(cfg, "password", "domus-itest")
            };
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
