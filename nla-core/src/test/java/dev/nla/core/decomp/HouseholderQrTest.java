package dev.nla.core.decomp;

/** Runs the {@link Qr} contract on the pure-Java blocked Householder QR. */
class HouseholderQrTest extends QrContract {
    @Override
    protected Qr create() {
        return Decompositions.qr();
    }
}
