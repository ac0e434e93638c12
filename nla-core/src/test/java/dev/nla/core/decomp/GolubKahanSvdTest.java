package dev.nla.core.decomp;

import dev.nla.core.decomp.internal.GolubKahanSvd;

/** The Java SVD against the shared contract. */
class GolubKahanSvdTest extends SvdContract {
    @Override
    Svd create() {
        return new GolubKahanSvd();
    }
}
