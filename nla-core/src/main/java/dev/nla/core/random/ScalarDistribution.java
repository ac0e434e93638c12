package dev.nla.core.random;

/**
 * The law of the entries of a random matrix, and how each law turns Philox output into numbers.
 *
 * <p>The symmetric laws {@link #GAUSSIAN}, {@link #UNIFORM} and {@link #RADEMACHER} all have mean
 * \(0\) and variance \(1\), so a sketching matrix \(S\) with i.i.d. entries from any of them
 * satisfies \(\mathbb{E}[S^{\mathsf T} S] = d\,I\) for \(d\) rows, and sketches built from them need
 * the same scaling \(1/\sqrt d\). {@link #UNIFORM_01} is the plain unit-interval law, for sampling
 * and for users who need it.
 *
 * <p><b>Conversions.</b> One Philox block gives two 64-bit words \(w_0, w_1\) (layout in {@link
 * Philox4x32}). A word \(w\) becomes a uniform number in the open interval \((0, 1)\) by
 * \[ u(w) = \bigl(\lfloor w / 2^{12} \rfloor + \tfrac12\bigr)\, 2^{-52}, \]
 * the midpoints of the \(2^{52}\) equal cells of \([0,1]\) (see {@link #uniform01(long)}: every
 * step is exact, and \(u \in [2^{-53}, 1 - 2^{-53}]\) is never \(0\) or \(1\)). Then:
 *
 * <ul>
 *   <li>{@link #UNIFORM_01}: sub-entry \(s \in \{0, 1\}\) of a block is \(u(w_s)\);
 *   <li>{@link #UNIFORM}: \(\sqrt3\,(2u(w_s) - 1)\), where \(2u - 1\) is exact;
 *   <li>{@link #GAUSSIAN}: the Box–Muller transform of the pair \(u_0 = u(w_0)\), \(u_1 =
 *       u(w_1)\): sub-entry 0 is \(r\cos\theta\) and sub-entry 1 is \(r\sin\theta\) with \(r =
 *       \sqrt{-2\ln u_0}\), \(\theta = 2\pi u_1\) [Box and Muller 1958]. Since \(u_0 \ge
 *       2^{-53}\), \(|z| \le r \le \sqrt{106 \ln 2} \approx 8.57\);
 *   <li>{@link #RADEMACHER}: the 128 bits of a block give 128 entries: sub-entry \(s \in [0,
 *       128)\) is \(+1\) if bit \(s \bmod 64\) of \(w_{\lfloor s/64 \rfloor}\) (bit 0 the least
 *       significant) is set, and \(-1\) otherwise.
 * </ul>
 *
 * <p><b>Reproducibility.</b> The logarithm, sine and cosine of the Gaussian transform are computed
 * with {@link StrictMath} (the fdlibm algorithms), so the same state gives bitwise-identical
 * Gaussian entries on every JVM, platform and JIT. {@link Math} may use platform intrinsics whose
 * last bit differs between machines. The price is speed: StrictMath's transcendental functions are
 * not JIT intrinsics, so a Gaussian entry costs about twice as much as with {@link Math} and about
 * five times as much as a uniform one (measurement in {@code docs/decisions/0003-philox-rng.md}).
 * Square roots and arithmetic are IEEE-exact on every JVM, so the uniform and Rademacher laws are
 * reproducible without it.
 */
public enum ScalarDistribution {
    /**
     * Standard normal \(\mathcal N(0, 1)\) by Box–Muller: two entries per block, mean 0, variance
     * 1.
     */
    GAUSSIAN(2, 0.0, 1.0),

    /**
     * Uniform on \((-\sqrt3, \sqrt3)\): two entries per block, mean 0, variance 1 (up to the
     * discretization, \(1 - 2^{-104}\)).
     */
    UNIFORM(2, 0.0, 1.0),

    /** Rademacher, \(\pm 1\) with probability \(1/2\) each: 128 entries per block, mean 0, variance 1. */
    RADEMACHER(128, 0.0, 1.0),

    /**
     * Uniform on the open interval \((0, 1)\) (the \(2^{52}\) cell midpoints): two entries per block,
     * mean \(1/2\), variance \(1/12\).
     */
    UNIFORM_01(2, 0.5, 1.0 / 12.0);

    private static final double TWO_POW_MINUS_52 = 0x1.0p-52;
    private static final double SQRT3 = Math.sqrt(3.0);
    private static final double TWO_PI = 2.0 * Math.PI;

    private final int entriesPerBlock;
    private final double mean;
    private final double variance;

    ScalarDistribution(int entriesPerBlock, double mean, double variance) {
        this.entriesPerBlock = entriesPerBlock;
        this.mean = mean;
        this.variance = variance;
    }

    /**
     * Number \(e\) of entries one Philox block gives: entry \(i\) of a column uses block
     * \(\lfloor i/e \rfloor\) of that column, sub-entry \(i \bmod e\) (see {@link RandomMatrices}).
     *
     * @return 2 for {@link #GAUSSIAN}, {@link #UNIFORM} and {@link #UNIFORM_01}; 128 for {@link
     *     #RADEMACHER}
     */
    public int entriesPerBlock() {
        return entriesPerBlock;
    }

    /**
     * The mean of the law.
     *
     * @return 0 for the symmetric laws, 1/2 for {@link #UNIFORM_01}
     */
    public double mean() {
        return mean;
    }

    /**
     * The variance of the law.
     *
     * @return 1 for the symmetric laws, 1/12 for {@link #UNIFORM_01}
     */
    public double variance() {
        return variance;
    }

    /**
     * The uniform number \(u(w) = (\lfloor w/2^{12} \rfloor + \tfrac12)\,2^{-52}\) in the open
     * interval \((0, 1)\) that a 64-bit word gives.
     *
     * <p>Only the upper 52 bits are used: the sum \(m + \tfrac12\) with \(m \lt 2^{52}\) fits in
     * the 53-bit significand, so every step is exact and the result lies in \([2^{-53}, 1 -
     * 2^{-53}]\). (With 53 bits, \(m + \tfrac12\) would need 54 and round, and the largest \(m\)
     * would give exactly 1.) The values are the midpoints of \(2^{52}\) equal cells, so \(1 - u\)
     * is also a possible value, exactly.
     *
     * @param word 64 random bits
     * @return \(u(w) \in (0, 1)\)
     */
    public static double uniform01(long word) {
        return ((word >>> 12) + 0.5) * TWO_POW_MINUS_52;
    }

    /**
     * Entry {@code sub} of the block with words {@code w0}, {@code w1} under this law.
     *
     * @param w0  first 64-bit output word of the block
     * @param w1  second 64-bit output word of the block
     * @param sub sub-entry, {@code 0 <= sub < entriesPerBlock()}
     * @return the entry
     */
    double entry(long w0, long w1, int sub) {
        return switch (this) {
            case GAUSSIAN -> sub == 0 ? gaussianCos(w0, w1) : gaussianSin(w0, w1);
            case UNIFORM -> symmetricUniform(sub == 0 ? w0 : w1);
            case UNIFORM_01 -> uniform01(sub == 0 ? w0 : w1);
            case RADEMACHER -> rademacher(sub < 64 ? w0 : w1, sub & 63);
        };
    }

    static double symmetricUniform(long word) {
        return SQRT3 * (2.0 * uniform01(word) - 1.0);
    }

    static double boxMullerRadius(long w0) {
        return StrictMath.sqrt(-2.0 * StrictMath.log(uniform01(w0)));
    }

    static double boxMullerAngle(long w1) {
        return TWO_PI * uniform01(w1);
    }

    static double gaussianCos(long w0, long w1) {
        return boxMullerRadius(w0) * StrictMath.cos(boxMullerAngle(w1));
    }

    static double gaussianSin(long w0, long w1) {
        return boxMullerRadius(w0) * StrictMath.sin(boxMullerAngle(w1));
    }

    static double rademacher(long word, int bit) {
        return (word >>> bit & 1L) != 0 ? 1.0 : -1.0;
    }
}
