package dev.nla.tensor.sum;

/** How the {@link SummationStrategy#ADAPTIVE} strategy obtains \(\|\mathcal X\|_F\) for its tolerance. */
public enum NormEstimate {
    /** Exact, by the Gram formula over all pairs of summands: \(O(s^2)\) small inner products. */
    EXACT,
    /**
     * Randomized: \(\|X_{(1)}\Omega\|_F/\sqrt m\) with \(m = \max(m_0, 2\max_j r_j^{(1)})\) Khatri–Rao
     * Gaussian columns (unbiased, since \(\mathbb E[\omega\omega^{\mathsf T}] = I\)); linear in \(s\).
     */
    SKETCHED,
    /**
     * {@link #EXACT} when its flop count, \(s(s+1)(\sum_k n_k\bar r^2 + d\bar r^{d+1})\) with \(\bar
     * r = \max_{j,k} r_j^{(k)}\), is at most four times that of one sketching pass with \(\ell =
     * \bar r + m_0\) columns, \(s(4\ell\sum_k n_k\bar r + 4\ell\bar r^d)\); {@link #SKETCHED}
     * otherwise (many summands or high order, e.g. the GMRES sums at \(d = 5\)).
     */
    AUTO
}
