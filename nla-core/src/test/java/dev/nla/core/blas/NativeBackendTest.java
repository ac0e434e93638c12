package dev.nla.core.blas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** {@link BackendContract} on native BLAS through netlib; skipped when no native library loads. */
class NativeBackendTest extends BackendContract {
    private Backend backend;

    @BeforeAll
    static void requireNativeBlas() {
        assumeTrue(Backends.nativeAvailable(), "no native BLAS library loads here");
    }

    @Override
    Backend backend() {
        if (backend == null) {
            backend = Backends.nativeBlas();
        }
        return backend;
    }
}
