package dev.nla.tensor.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a Tucker approximation is truncated: a relative tolerance \(\varepsilon \ge 0\), rank caps
 * \(t_k\), or both (then the smaller rank wins in each mode).
 *
 * <p><b>Tolerance.</b> The approximation \(\tilde{\mathcal X}\) of \(\mathcal X\) must satisfy
 * \(\|\mathcal X - \tilde{\mathcal X}\|_F \le \varepsilon\|\mathcal X\|_F\). (ST-)HOSVD meets it by
 * giving each of the \(d\) modes the budget \(\varepsilon\|\mathcal X\|/\sqrt d\): mode \(k\) keeps the
 * smallest rank \(r_k\) with \(\sum_{i \gt r_k}\sigma_i^2(X_{(k)}) \le \varepsilon^2\|\mathcal
 * X\|^2/d\), and the squared errors of the modes add up [De Lathauwer, De Moor and Vandewalle 2000;
 * Vannieuwenhoven, Vandebril and Meerbergen 2012]. \(\varepsilon = 0\) keeps every nonzero singular
 * value.
 *
 * <p><b>Ranks.</b> Caps \(r_k \le t_k\), either one value for every mode ({@link #rank(int)}) or one
 * per mode ({@link #ranks(int...)}). Fixed-rank algorithms (randomized HOSVD, the sketched
 * summations) need them; a requested rank above a mode size is rejected by the algorithms, never
 * silently lowered. Ranks below 1 are never produced: a zero tensor gets rank 1 with a zero core.
 *
 * <p>Immutable; the {@code with...} methods return new objects.
 */
public final class Truncation {
    private static final Truncation EXACT = new Truncation(null, 0, 0.0);

    private final int[] ranks;
    private final int uniformRank;
    private final double tolerance;

    private Truncation(int[] ranks, int uniformRank, double tolerance) {
        this.ranks = ranks;
        this.uniformRank = uniformRank;
        this.tolerance = tolerance;
    }

    /**
     * No truncation: \(\varepsilon = 0\) and no rank caps (the exact numerical rank is kept).
     *
     * @return the exact truncation
     */
    public static Truncation exact() {
        return EXACT;
    }

    /**
     * Truncation to a relative tolerance only.
     *
     * @param tolerance \(\varepsilon \ge 0\), finite
     * @return the truncation
     * @throws IllegalArgumentException if {@code tolerance} is negative ("negative tolerance", with
     *     the value)
     * @throws NonFiniteValueException  if {@code tolerance} is NaN or infinite
     */
    public static Truncation tolerance(double tolerance) {
        return new Truncation(null, 0, checkTolerance(tolerance));
    }

    /**
     * Truncation to the same rank cap in every mode.
     *
     * @param rank \(t \ge 1\)
     * @return the truncation
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static Truncation rank(int rank) {
        return new Truncation(null, checkRank("rank", rank), 0.0);
    }

    /**
     * Truncation to per-mode rank caps.
     *
     * @param ranks \(t_1, \dots, t_d\), each \(\ge 1\); copied
     * @return the truncation
     * @throws NullPointerException     if {@code ranks} is null
     * @throws IllegalArgumentException if {@code ranks} is empty or a rank is below 1
     */
    public static Truncation ranks(int... ranks) {
        Objects.requireNonNull(ranks, "ranks");
        if (ranks.length == 0) {
            throw new IllegalArgumentException("ranks must have one entry per mode, got none");
        }
        for (int k = 0; k < ranks.length; k++) {
            checkRank("ranks[" + k + "]", ranks[k]);
        }
        return new Truncation(ranks.clone(), 0, 0.0);
    }

    /**
     * The same rank caps with a tolerance.
     *
     * @param newTolerance \(\varepsilon \ge 0\), finite
     * @return a new truncation
     * @throws IllegalArgumentException if {@code newTolerance} is negative
     * @throws NonFiniteValueException  if {@code newTolerance} is NaN or infinite
     */
    public Truncation withTolerance(double newTolerance) {
        return new Truncation(ranks, uniformRank, checkTolerance(newTolerance));
    }

    /**
     * The same tolerance with a uniform rank cap.
     *
     * @param rank \(t \ge 1\)
     * @return a new truncation
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public Truncation withRank(int rank) {
        return new Truncation(null, checkRank("rank", rank), tolerance);
    }

    /**
     * The same tolerance with per-mode rank caps.
     *
     * @param newRanks \(t_1, \dots, t_d\), each \(\ge 1\); copied
     * @return a new truncation
     * @throws NullPointerException     if {@code newRanks} is null
     * @throws IllegalArgumentException if {@code newRanks} is empty or a rank is below 1
     */
    public Truncation withRanks(int... newRanks) {
        return new Truncation(ranks(newRanks).ranks, 0, tolerance);
    }

    /**
     * The relative tolerance.
     *
     * @return \(\varepsilon \ge 0\) (0 when only ranks are given)
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Whether rank caps are set.
     *
     * @return true if {@link #ranksFor(int)} returns caps
     */
    public boolean hasRanks() {
        return ranks != null || uniformRank > 0;
    }

    /**
     * The rank caps for a tensor of order \(d\).
     *
     * @param order \(d \ge 1\)
     * @return a new array of \(d\) caps, or {@code null} when no caps are set
     * @throws DimensionMismatchException if per-mode ranks were given for another order
     */
    public int[] ranksFor(int order) {
        if (ranks != null) {
            if (ranks.length != order) {
                throw new DimensionMismatchException("the truncation has " + ranks.length + " ranks "
                        + Arrays.toString(ranks) + " but the tensor has order " + order);
            }
            return ranks.clone();
        }
        if (uniformRank > 0) {
            int[] r = new int[order];
            Arrays.fill(r, uniformRank);
            return r;
        }
        return null;
    }

    /**
     * The rank caps for a tensor with the given mode sizes, each checked against its mode size.
     *
     * @param modeSizes \(n_1, \dots, n_d\)
     * @return a new array of caps, or {@code null} when no caps are set
     * @throws DimensionMismatchException if per-mode ranks were given for another order
     * @throws IllegalArgumentException   if a cap exceeds its mode size (the message names the mode,
     *     the rank and the size)
     */
    public int[] ranksFor(int[] modeSizes) {
        int[] r = ranksFor(modeSizes.length);
        if (r != null) {
            for (int k = 0; k < r.length; k++) {
                if (r[k] > modeSizes[k]) {
                    throw new IllegalArgumentException("target rank t_" + (k + 1) + " = " + r[k]
                            + " is larger than the mode size n_" + (k + 1) + " = " + modeSizes[k] + " (ranks "
                            + Arrays.toString(r) + ", mode sizes " + Arrays.toString(modeSizes) + ")");
                }
            }
        }
        return r;
    }

    /**
     * The smallest rank \(r \ge 1\) whose discarded tail \(\sum_{i \gt r}\sigma_i^2\) is at most
     * \(\tau^2\), capped by {@code cap} and by the number of singular values. The tail is summed from
     * the smallest value up (no cancellation).
     *
     * @param sigma        singular values, decreasing; not modified
     * @param tailSquared  \(\tau^2 \ge 0\)
     * @param cap          the largest rank allowed (at least 1)
     * @return the rank
     */
    static int chooseRank(double[] sigma, double tailSquared, int cap) {
        int n = sigma.length;
        int r = n;
        double tail = 0;
        while (r > 1) {
            double next = tail + sigma[r - 1] * sigma[r - 1];
            if (next > tailSquared) {
                break;
            }
            tail = next;
            r--;
        }
        return Math.max(1, Math.min(r, cap));
    }

    private static double checkTolerance(double tolerance) {
        if (!Double.isFinite(tolerance)) {
            throw new NonFiniteValueException("tolerance", tolerance);
        }
        if (tolerance < 0) {
            throw new IllegalArgumentException(
                    "negative tolerance: the relative tolerance must be >= 0, got " + tolerance);
        }
        return tolerance;
    }

    private static int checkRank(String name, int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + rank);
        }
        return rank;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Truncation t
                && uniformRank == t.uniformRank
                && Double.compare(tolerance, t.tolerance) == 0
                && Arrays.equals(ranks, t.ranks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uniformRank, tolerance, Arrays.hashCode(ranks));
    }

    @Override
    public String toString() {
        String r = ranks != null ? Arrays.toString(ranks) : uniformRank > 0 ? String.valueOf(uniformRank) : "none";
        return "Truncation[tolerance=" + tolerance + ", ranks=" + r + "]";
    }
}
