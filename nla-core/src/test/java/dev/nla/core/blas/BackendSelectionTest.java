package dev.nla.core.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Backend selection. The build runs the fast tier twice and tells each run what to expect through
 * {@code -Dnla.test.expectVector}, so these tests also prove the two runs really differ.
 */
class BackendSelectionTest {
    private static String expectVector() {
        return System.getProperty("nla.test.expectVector", "");
    }

    @Test
    void vectorRunHasTheVectorBackendActive() {
        assumeTrue(expectVector().equals("true"), "not the Vector API run");
        assertThat(Backends.active().name()).isEqualTo("vector");
    }

    @Test
    void scalarRunCannotLoadTheVectorBackend() {
        assumeTrue(expectVector().equals("false"), "not the scalar run");
        assertThat(Backends.vectorAvailable()).isFalse();
    }

    @Test
    void scalarRunFallsBackToAJavaOrNativeBackend() {
        assumeTrue(expectVector().equals("false"), "not the scalar run");
        assertThat(Backends.active().name()).isIn("scalar", "native");
    }

    @Test
    void unknownBackendNameIsRejectedWithTheName() {
        assertThatThrownBy(() -> Backends.select("turbo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'turbo'")
                .hasMessageContaining("auto, vector, native, scalar");
    }

    @Test
    void vectorBackendWithoutTheModuleSaysHowToEnableIt() {
        assumeTrue(!Backends.vectorAvailable(), "the Vector API is available in this run");
        assertThatThrownBy(() -> Backends.vector(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--add-modules jdk.incubator.vector");
    }

    @Test
    void nonPositiveThreadCountIsRejected() {
        assertThatThrownBy(() -> Backends.scalar(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }

    @Test
    void selectionIsCaseInsensitive() {
        assertThat(Backends.select(" Scalar ").name()).isEqualTo("scalar");
    }

    @Test
    void setActiveReplacesTheDefault() {
        Backend before = Backends.active();
        try {
            Backend scalar = Backends.scalar(1);
            Backends.setActive(scalar);
            assertThat(Backends.active()).isSameAs(scalar);
        } finally {
            Backends.setActive(before);
        }
    }
}
