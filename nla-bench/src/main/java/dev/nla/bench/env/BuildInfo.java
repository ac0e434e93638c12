package dev.nla.bench.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of {@code nla} and the git commit it was built from, read from resources that the
 * Maven build writes ({@code build.properties}, filtered with the project version, and {@code
 * git.properties}, written by {@code git rev-parse HEAD} at build time).
 *
 * <p>Outside a git checkout, or when the build ran without git, the commit is {@code "unknown"}.
 * When the classes run straight from an IDE without the Maven resource step, every field is
 * {@code "unknown"}.
 *
 * @param version   the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitCommit the 40-hex-digit commit, or {@code "unknown"}
 * @param gitDirty  {@code "true"} if tracked files had uncommitted changes at build time, {@code
 *                  "false"} if not, {@code "unknown"} without git
 */
public record BuildInfo(String version, String gitCommit, String gitDirty) {
    private static final String UNKNOWN = "unknown";

    /**
     * Reads the build resources of this jar.
     *
     * @return the build information; fields that cannot be read are {@code "unknown"}
     * @throws UncheckedIOException if a resource exists but cannot be read
     */
    public static BuildInfo current() {
        Properties build = load("build.properties");
        Properties git = load("git.properties");
        String version = build.getProperty("nla.version", UNKNOWN);
        if (version.startsWith("${")) {
            version = UNKNOWN; // resource copied without Maven filtering
        }
        return new BuildInfo(version, git.getProperty("git.commit", UNKNOWN), git.getProperty("git.dirty", UNKNOWN));
    }

    /**
     * A one-line summary such as {@code 0.1.0-SNAPSHOT (commit 0123abc…, clean)}.
     *
     * @return the summary
     */
    public String summary() {
        String commit = UNKNOWN.equals(gitCommit) ? "commit unknown" : "commit " + gitCommit;
        String state =
                switch (gitDirty) {
                    case "true" -> ", uncommitted changes";
                    case "false" -> ", clean";
                    default -> "";
                };
        return version + " (" + commit + state + ")";
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build resource " + name, e);
        }
        return p;
    }
}
