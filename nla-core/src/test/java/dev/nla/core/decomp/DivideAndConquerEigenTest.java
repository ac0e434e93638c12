package dev.nla.core.decomp;

import dev.nla.core.decomp.internal.DivideAndConquerEigen;

/** The Java divide-and-conquer eigensolver against the shared contract. */
class DivideAndConquerEigenTest extends SymmetricEigenContract {
    @Override
    SymmetricEigen create() {
        return new DivideAndConquerEigen();
    }
}
