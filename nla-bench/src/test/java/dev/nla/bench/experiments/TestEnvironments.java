package dev.nla.bench.experiments;

import dev.nla.bench.env.BuildInfo;
import dev.nla.bench.env.Environment;

/** A fixed {@link Environment} so that manifests in tests do not depend on the machine. */
final class TestEnvironments {
    private TestEnvironments() {}

    static Environment fixed() {
        return new Environment(
                new BuildInfo("9.9.9", "0123456789abcdef0123456789abcdef01234567", "false"),
                "Vendor \"Q\"",
                "17.0.99",
                "Test VM",
                "Linux",
                "6.0",
                "amd64",
                2,
                1L << 30,
                "scalar, 2 thread(s)",
                false,
                null,
                null);
    }
}
