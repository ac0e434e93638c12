package dev.nla.bench.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void describeHasEveryLineOfNlaInfo() {
        assertThat(Environment.capture().describe())
                .containsOnlyKeys(
                        "nla", "Java", "OS", "Cores", "Max heap", "Active backend", "Vector API", "Native BLAS");
    }

    @Test
    void vectorSpeciesIsReportedExactlyWhenTheModuleIsPresent() {
        Environment env = Environment.capture();
        assertThat(env.vectorSpecies().isPresent()).isEqualTo(Environment.vectorModulePresent());
    }

    @Test
    void vectorModulePresenceMatchesTheTestJvm() {
        // the parent POM runs the tests once with and once without --add-modules jdk.incubator.vector
        boolean expected = Boolean.parseBoolean(System.getProperty("nla.test.expectVector", "false"));
        assertThat(Environment.vectorModulePresent()).isEqualTo(expected);
    }

    @Test
    void jsonMapHasTheManifestKeys() {
        Map<String, Object> m = Environment.capture().toJsonMap();
        assertThat(m)
                .containsKeys(
                        "nlaVersion",
                        "gitCommit",
                        "javaVendor",
                        "javaVersion",
                        "os",
                        "arch",
                        "cores",
                        "backend",
                        "vectorModule",
                        "nativeBlas");
    }

    @Test
    void bytesAreFormattedWithBinaryUnits() {
        assertThat(new String[] {
                    Environment.formatBytes(512),
                    Environment.formatBytes(3L << 30),
                    Environment.formatBytes(Long.MAX_VALUE)
                })
                .containsExactly("512 B", "3.0 GiB", "no limit");
    }

    @Test
    void buildInfoSummaryNamesCommitAndState() {
        assertThat(new BuildInfo("1.0", "abc", "true").summary()).isEqualTo("1.0 (commit abc, uncommitted changes)");
    }

    @Test
    void buildInfoWithoutGitSaysUnknown() {
        assertThat(new BuildInfo("1.0", "unknown", "unknown").summary()).isEqualTo("1.0 (commit unknown)");
    }

    @Test
    void buildResourcesCarryTheVersion() {
        // written by the Maven build (filtered build.properties); a test run always goes through Maven
        assertThat(BuildInfo.current().version()).isNotEqualTo("unknown").doesNotContain("${");
    }
}
