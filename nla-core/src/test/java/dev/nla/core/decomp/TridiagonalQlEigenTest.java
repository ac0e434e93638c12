package dev.nla.core.decomp;

import dev.nla.core.decomp.internal.TridiagonalQlEigen;

/** The Java implicit-QL eigensolver against the shared contract. */
class TridiagonalQlEigenTest extends SymmetricEigenContract {
    @Override
    SymmetricEigen create() {
        return new TridiagonalQlEigen();
    }
}
