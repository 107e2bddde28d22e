package org.domus.tickets.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;

/** Trade groups: lower-case words, stored comma-separated. */
final class Groups {

    private Groups() {}

    static Set<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String normalise(String group) {
        String g = group == null ? "" : group.strip().toLowerCase(Locale.ROOT);
        if (!g.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new DomusException(Kind.INVALID, "tickets.group.invalid", group);
        }
        return g;
    }

    static String format(Collection<String> groups) {
        if (groups == null) {
            return "";
        }
        String joined =
                groups.stream().map(Groups::normalise).sorted().distinct().collect(Collectors.joining(","));
        if (joined.length() > 500) {
            throw new DomusException(Kind.INVALID, "tickets.group.invalid", "...");
        }
        return joined;
    }
}
