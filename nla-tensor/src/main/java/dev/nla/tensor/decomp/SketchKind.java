package dev.nla.tensor.decomp;

/** The test matrices of a randomized range finder for an unfolding \(X_{(k)}\). */
public enum SketchKind {
    /**
     * An unstructured Gaussian \(\Omega \in \mathbb{R}^{(\prod_{l \ne k} n_l) \times \ell}\) per mode,
     * applied through {@code dev.nla.sketch}'s dense Gaussian sketch to the unfolding operator.
     * Strongest guarantee [HMT 2011]; generates \(\ell\prod_{l \ne k}n_l\) random numbers per mode.
     */
    GAUSSIAN,
    /**
     * A Khatri–Rao structured \(\Omega_k = \bigodot_{l \ne k}\Omega_l\) with Gaussian \(\Omega_l \in
     * \mathbb{R}^{n_l \times \ell}\), one per mode and reused for every \(k\) ("memoized"
     * [Saibaba, Verma and Ballard 2025]); \(X_{(k)}\Omega_k\) is an MTTKRP. Generates only
     * \(\ell\sum_l n_l\) random numbers; weaker proven constants, similar observed accuracy.
     */
    KHATRI_RAO
}
