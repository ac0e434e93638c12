package dev.nla.tensor.problems.cookie;

import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;

/** Test helper: a small Tucker sum as one exact Tucker tensor (dense core, identity factors). */
final class TuckerSumFull {
    private TuckerSumFull() {}

    static TuckerTensor asTucker(TuckerSum s) {
        return TuckerTensor.ofDense(Reconstruction.full(s));
    }
}
