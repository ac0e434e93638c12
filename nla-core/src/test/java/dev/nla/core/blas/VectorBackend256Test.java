package dev.nla.core.blas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nla.core.blas.internal.VectorBackend;
import org.junit.jupiter.api.BeforeAll;

/** {@link BackendContract} on the Vector API backend with the 8 x 6 kernel on 256-bit vectors. */
class VectorBackend256Test extends BackendContract {
    private Backend backend;

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(Backends.vectorAvailable(), "jdk.incubator.vector is not resolved in this run");
    }

    @Override
    Backend backend() {
        if (backend == null) {
            backend = new VectorBackend(2, 256);
        }
        return backend;
    }
}
