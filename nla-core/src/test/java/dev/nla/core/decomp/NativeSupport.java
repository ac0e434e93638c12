package dev.nla.core.decomp;

/** Whether the native LAPACK path can run in this JVM. */
final class NativeSupport {
    private NativeSupport() {}

    static boolean available() {
        try {
            Decompositions.nativeSvd();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
