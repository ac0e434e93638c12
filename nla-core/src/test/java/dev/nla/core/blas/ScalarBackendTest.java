package dev.nla.core.blas;

/** {@link BackendContract} on the scalar backend, one thread. */
class ScalarBackendTest extends BackendContract {
    private Backend backend;

    @Override
    Backend backend() {
        if (backend == null) {
            backend = Backends.scalar(1);
        }
        return backend;
    }
}
