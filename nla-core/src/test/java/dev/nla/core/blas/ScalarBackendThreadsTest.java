package dev.nla.core.blas;

/** {@link BackendContract} on the scalar backend with three threads (uneven splits). */
class ScalarBackendThreadsTest extends BackendContract {
    private Backend backend;

    @Override
    Backend backend() {
        if (backend == null) {
            backend = Backends.scalar(3);
        }
        return backend;
    }
}
