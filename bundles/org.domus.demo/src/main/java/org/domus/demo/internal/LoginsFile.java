package org.domus.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.domus.core.registry.Organisation;

/** The demo logins as a plain table that {@code ./domus run} prints as it is. */
final class LoginsFile {

    private LoginsFile() {}

    static List<String> lines(CooperativeGenerator.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("# Domus demo logins ("
                + result.organisations().stream().map(Organisation::name).collect(Collectors.joining(", "))
                + "; " + result.units() + " units)");
        String format = "%-22s %-11s %-26s %s";
        lines.add(String.format(Locale.ROOT, format, "login", "role", "password", "scope"));
        for (CooperativeGenerator.DemoLogin l : result.logins()) {
            lines.add(String.format(Locale.ROOT, format, l.login(), l.role(), l.password(), l.scope()));
        }
        return lines;
    }

    /** Writes through a temporary file, so a reader never sees half a table. */
    static void write(Path file, CooperativeGenerator.Result result) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines(result), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
