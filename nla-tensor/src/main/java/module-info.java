/**
 * Dense and Tucker tensors, tensor algebra, (randomized) HOSVD and Tucker rounding, and the
 * summation of Tucker tensors with Khatri–Rao and Kronecker structured sketches.
 */
module dev.nla.tensor {
    requires transitive dev.nla.sketch;

    exports dev.nla.tensor.tensor;
    exports dev.nla.tensor.tenalg;
    exports dev.nla.tensor.decomp;
    exports dev.nla.tensor.sum;
}
