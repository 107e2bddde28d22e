package org.domus.core.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The modules a cooperative chose in {@code etc/org.domus.modules.cfg}: {@code modules = ledger, tickets,
 * voting:headless}. A module id names the features {@code domus-<id>} (services and REST) and, unless
 * marked {@code :headless}, {@code domus-<id>-ui} (its views).
 */
record ModuleSelection(Set<String> features, List<String> errors) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    static ModuleSelection parse(String value) {
        Set<String> features = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return new ModuleSelection(Set.of(), List.of());
        }
        for (String raw : value.split("[,\\s]+")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            boolean headless = entry.endsWith(":headless");
            String id = headless ? entry.substring(0, entry.length() - ":headless".length()) : entry;
            if (!ID.matcher(id).matches()) {
                errors.add("'" + entry + "' is not a module id (lower-case letters, digits and '-')");
                continue;
            }
            features.add("domus-" + id);
            if (!headless) {
                features.add("domus-" + id + "-ui");
            }
        }
        return new ModuleSelection(Set.copyOf(features), List.copyOf(errors));
    }
}
