/**
 * Matrices, linear operators, BLAS kernels, counter-based random numbers, typed errors and matrix
 * I/O: the foundation of {@code nla}.
 */
module dev.nla.core {
    requires static jdk.incubator.vector;
    requires static hipparchus.core;
    requires static commons.math3;
    requires dev.ludovic.netlib.blas;
    requires dev.ludovic.netlib.lapack;
    requires arpack.combined.all;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;

    exports dev.nla.core.error;
    exports dev.nla.core.matrix;
    exports dev.nla.core.blas;
    exports dev.nla.core.decomp;
    exports dev.nla.core.operator;
    exports dev.nla.core.parallel;
    exports dev.nla.core.random;
    exports dev.nla.core.io;
}
