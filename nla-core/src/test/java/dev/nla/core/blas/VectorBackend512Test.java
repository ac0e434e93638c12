package dev.nla.core.blas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nla.core.blas.internal.VectorBackend;
import org.junit.jupiter.api.BeforeAll;

/** {@link BackendContract} on the Vector API backend with the 24 x 8 kernel on 512-bit vectors (emulated, slowly but correctly, on hardware without AVX-512). */
class VectorBackend512Test extends BackendContract {
    private Backend backend;

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(Backends.vectorAvailable(), "jdk.incubator.vector is not resolved in this run");
    }

    @Override
    Backend backend() {
        if (backend == null) {
            backend = new VectorBackend(2, 512);
        }
        return backend;
    }
}
