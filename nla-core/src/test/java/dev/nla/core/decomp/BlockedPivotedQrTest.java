package dev.nla.core.decomp;

/** Runs the {@link PivotedQr} contract on the pure-Java blocked pivoted QR. */
class BlockedPivotedQrTest extends PivotedQrContract {
    @Override
    protected PivotedQr create() {
        return Decompositions.pivotedQr();
    }
}
