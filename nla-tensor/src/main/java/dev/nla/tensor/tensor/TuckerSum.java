package dev.nla.tensor.tensor;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sum of scaled Tucker tensors kept as the list of its summands,
 * \[ \mathcal X = \sum_{j=1}^{s} \alpha_j \mathcal X_j, \qquad \mathcal X_j = [\![\mathcal G_j;
 * U_j^{(1)}, \dots, U_j^{(d)}]\!] \in \mathbb{R}^{n_1 \times \cdots \times n_d}. \]
 *
 * <p>Mathematically this is the <em>formal sum</em> \([\![\operatorname{blockdiag}(\alpha_1\mathcal
 * G_1, \dots, \alpha_s\mathcal G_s); [U_1^{(1)} \cdots U_s^{(1)}], \dots]\!]\) of formal ranks
 * \(R_k = \sum_j r_j^{(k)}\) (algorithm B0 of the Tucker-summation spec), but the block-diagonal
 * core, which has \(\prod_k R_k\) entries of which only \(\sum_j \prod_k r_j^{(k)}\) are nonzero, is
 * never allocated: the kernels of {@code dev.nla.tensor.tenalg} and the strategies of {@code
 * dev.nla.tensor.sum} work on the summands. Building a sum costs \(O(s)\); nothing is copied.
 *
 * <p>Invariants (checked on construction, O(sd)): at least one summand; all summands have the same
 * order and the same mode sizes; every rank is at most its mode size (\(r_j^{(k)} \le n_k\); a
 * larger rank is never needed and usually means swapped dimensions); the scalars \(\alpha_j\) are
 * finite. The entries are scanned only by {@link #requireFinite()} (the summation drivers call it
 * once per sum).
 *
 * <p>Immutable: {@link #plus}, {@link #scale} and {@link #concat} return new sums sharing the
 * summands.
 */
public final class TuckerSum {
    private final double[] alphas;
    private final List<TuckerTensor> terms;
    private final int[] modeSizes;

    private TuckerSum(double[] alphas, List<TuckerTensor> terms) {
        this.alphas = alphas;
        this.terms = terms;
        this.modeSizes = terms.get(0).modeSizes();
    }

    /**
     * The sum \(\sum_j \alpha_j \mathcal X_j\).
     *
     * @param alphas  \(\alpha_1, \dots, \alpha_s\), finite; copied
     * @param summands \(\mathcal X_1, \dots, \mathcal X_s\), \(s \ge 1\); the list is copied, the
     *     tensors are shared
     * @return the sum
     * @throws NullPointerException       if an argument or a summand is null
     * @throws IllegalArgumentException   if there are no summands ("empty sum"), {@code alphas} and
     *     {@code summands} differ in length, or a rank exceeds its mode size (the message names the
     *     summand, the mode, the rank and the size)
     * @throws NonFiniteValueException    if an \(\alpha_j\) is NaN or infinite
     * @throws DimensionMismatchException if two summands differ in order or in a mode size (the
     *     message names both summands and both shapes)
     */
    public static TuckerSum of(double[] alphas, List<TuckerTensor> summands) {
        Objects.requireNonNull(alphas, "alphas");
        Objects.requireNonNull(summands, "summands");
        if (summands.isEmpty()) {
            throw new IllegalArgumentException("a Tucker sum needs at least one summand, got an empty sum (s = 0)");
        }
        if (alphas.length != summands.size()) {
            throw new IllegalArgumentException(
                    "one scalar per summand: got " + alphas.length + " scalars and " + summands.size() + " summands");
        }
        List<TuckerTensor> t = new ArrayList<>(summands.size());
        for (int j = 0; j < summands.size(); j++) {
            t.add(Objects.requireNonNull(summands.get(j), "summands[" + j + "]"));
        }
        double[] a = alphas.clone();
        for (int j = 0; j < a.length; j++) {
            if (!Double.isFinite(a[j])) {
                throw new NonFiniteValueException("alphas[" + j + "]", a[j]);
            }
        }
        validate(t);
        return new TuckerSum(a, List.copyOf(t));
    }

    /**
     * The sum \(\sum_j \mathcal X_j\) (all \(\alpha_j = 1\)).
     *
     * @param summands \(s \ge 1\) tensors; the list is copied, the tensors are shared
     * @return the sum
     * @throws NullPointerException       if the list or a summand is null
     * @throws IllegalArgumentException   if the list is empty or a rank exceeds its mode size
     * @throws DimensionMismatchException if the summands differ in order or mode sizes
     */
    public static TuckerSum of(List<TuckerTensor> summands) {
        Objects.requireNonNull(summands, "summands");
        double[] ones = new double[summands.size()];
        Arrays.fill(ones, 1.0);
        return of(ones, summands);
    }

    /**
     * The sum \(\sum_j \mathcal X_j\) of the given tensors.
     *
     * @param summands \(s \ge 1\) tensors; shared
     * @return the sum
     * @throws NullPointerException       if the array or a summand is null
     * @throws IllegalArgumentException   if there are no summands or a rank exceeds its mode size
     * @throws DimensionMismatchException if the summands differ in order or mode sizes
     */
    public static TuckerSum of(TuckerTensor... summands) {
        Objects.requireNonNull(summands, "summands");
        return of(Arrays.asList(summands));
    }

    /**
     * The one-term sum \(\alpha \mathcal X\).
     *
     * @param alpha finite scalar
     * @param x     the tensor; shared
     * @return the sum
     * @throws NullPointerException     if {@code x} is null
     * @throws IllegalArgumentException if a rank of {@code x} exceeds its mode size
     * @throws NonFiniteValueException  if {@code alpha} is not finite
     */
    public static TuckerSum single(double alpha, TuckerTensor x) {
        return of(new double[] {alpha}, List.of(Objects.requireNonNull(x, "x")));
    }

    private static void validate(List<TuckerTensor> t) {
        TuckerTensor first = t.get(0);
        int[] n = first.modeSizes();
        for (int j = 0; j < t.size(); j++) {
            TuckerTensor x = t.get(j);
            if (x.order() != n.length) {
                throw new DimensionMismatchException(
                        "summand " + j + " has order " + x.order() + " but summand 0 has " + "order " + n.length);
            }
            for (int k = 0; k < n.length; k++) {
                if (x.modeSize(k) != n[k]) {
                    throw new DimensionMismatchException("mismatched mode sizes: summand " + j + " has mode sizes "
                            + Arrays.toString(x.modeSizes()) + " but summand 0 has " + Arrays.toString(n)
                            + " (mode " + (k + 1) + ": " + x.modeSize(k) + " vs " + n[k] + ")");
                }
                if (x.rank(k) > n[k]) {
                    throw new IllegalArgumentException("summand " + j + " has rank r_" + (k + 1) + " = " + x.rank(k)
                            + " larger than the mode size n_" + (k + 1) + " = " + n[k] + " (ranks "
                            + Arrays.toString(x.ranks()) + ", mode sizes " + Arrays.toString(n) + ")");
                }
            }
        }
    }

    /**
     * The number of summands \(s\).
     *
     * @return \(s \ge 1\)
     */
    public int size() {
        return terms.size();
    }

    /**
     * The order \(d\).
     *
     * @return the number of modes
     */
    public int order() {
        return modeSizes.length;
    }

    /**
     * The mode sizes \((n_1, \dots, n_d)\), common to all summands.
     *
     * @return a new array
     */
    public int[] modeSizes() {
        return modeSizes.clone();
    }

    /**
     * The mode size \(n_{k+1}\).
     *
     * @param mode 0-based mode \(k\)
     * @return \(n_{k+1}\)
     * @throws IndexOutOfBoundsException if {@code mode} is not a valid mode
     */
    public int modeSize(int mode) {
        return modeSizes[mode];
    }

    /**
     * The scalar \(\alpha_{j+1}\).
     *
     * @param j 0-based summand index
     * @return \(\alpha_{j+1}\)
     * @throws IndexOutOfBoundsException if {@code j} is out of range
     */
    public double alpha(int j) {
        return alphas[j];
    }

    /**
     * The scalars.
     *
     * @return a new array \((\alpha_1, \dots, \alpha_s)\)
     */
    public double[] alphas() {
        return alphas.clone();
    }

    /**
     * The summand \(\mathcal X_{j+1}\) (without its scalar).
     *
     * @param j 0-based summand index
     * @return the Tucker tensor (shared)
     * @throws IndexOutOfBoundsException if {@code j} is out of range
     */
    public TuckerTensor term(int j) {
        return terms.get(j);
    }

    /**
     * The summands (without their scalars).
     *
     * @return an unmodifiable list
     */
    public List<TuckerTensor> terms() {
        return terms;
    }

    /**
     * The formal ranks \(R_k = \sum_j r_j^{(k)}\): the ranks of the formal sum and an upper bound of
     * the multilinear rank of \(\mathcal X\).
     *
     * @return a new array \((R_1, \dots, R_d)\)
     */
    public int[] formalRanks() {
        return sumOfRanks(false);
    }

    /**
     * The formal ranks of the summands that count, \(R_k = \sum_{j : \alpha_j \ne 0} r_j^{(k)}\):
     * what the summation strategies concatenate (they skip summands with \(\alpha_j = 0\)).
     *
     * @return a new array \((R_1, \dots, R_d)\)
     */
    public int[] activeFormalRanks() {
        return sumOfRanks(true);
    }

    private int[] sumOfRanks(boolean activeOnly) {
        long[] r = new long[modeSizes.length];
        for (int j = 0; j < terms.size(); j++) {
            if (!activeOnly || alphas[j] != 0) {
                for (int k = 0; k < r.length; k++) {
                    r[k] += terms.get(j).rank(k);
                }
            }
        }
        int[] out = new int[r.length];
        for (int k = 0; k < r.length; k++) {
            out[k] = (int) Math.min(Integer.MAX_VALUE, r[k]);
        }
        return out;
    }

    /**
     * The largest summand rank per mode, \(\max_j r_j^{(k)}\).
     *
     * @return a new array
     */
    public int[] maxRanks() {
        int[] r = new int[modeSizes.length];
        for (TuckerTensor x : terms) {
            for (int k = 0; k < r.length; k++) {
                r[k] = Math.max(r[k], x.rank(k));
            }
        }
        return r;
    }

    /**
     * This sum plus one more summand, \(\mathcal X + \alpha \mathcal Y\).
     *
     * @param alpha finite scalar
     * @param y     the new summand; shared
     * @return a new sum with \(s + 1\) summands
     * @throws NullPointerException       if {@code y} is null
     * @throws NonFiniteValueException    if {@code alpha} is not finite
     * @throws IllegalArgumentException   if a rank of {@code y} exceeds its mode size
     * @throws DimensionMismatchException if {@code y} has other mode sizes
     */
    public TuckerSum plus(double alpha, TuckerTensor y) {
        return concat(single(alpha, y));
    }

    /**
     * The concatenation \(\mathcal X + \mathcal Y\) of two sums.
     *
     * @param other the other sum; its summands are shared
     * @return a new sum with the summands of both
     * @throws NullPointerException       if {@code other} is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    public TuckerSum concat(TuckerSum other) {
        Objects.requireNonNull(other, "other");
        if (!Arrays.equals(modeSizes, other.modeSizes)) {
            throw new DimensionMismatchException("mismatched mode sizes: this sum has " + Arrays.toString(modeSizes)
                    + ", the other " + Arrays.toString(other.modeSizes));
        }
        double[] a = Arrays.copyOf(alphas, alphas.length + other.alphas.length);
        System.arraycopy(other.alphas, 0, a, alphas.length, other.alphas.length);
        List<TuckerTensor> t = new ArrayList<>(terms.size() + other.terms.size());
        t.addAll(terms);
        t.addAll(other.terms);
        return new TuckerSum(a, List.copyOf(t));
    }

    /**
     * The scaled sum \(\beta\mathcal X = \sum_j (\beta\alpha_j)\mathcal X_j\).
     *
     * @param beta finite scalar
     * @return a new sum sharing the summands
     * @throws NonFiniteValueException if {@code beta} is not finite, or a product \(\beta\alpha_j\)
     *     overflows
     */
    public TuckerSum scale(double beta) {
        Require.finite("beta", beta);
        double[] a = new double[alphas.length];
        for (int j = 0; j < a.length; j++) {
            a[j] = beta * alphas[j];
            if (!Double.isFinite(a[j])) {
                throw new NonFiniteValueException("beta * alphas[" + j + "]", a[j]);
            }
        }
        return new TuckerSum(a, terms);
    }

    /**
     * Scans every core and factor once and throws on the first NaN or infinity.
     *
     * @throws NonFiniteValueException if an entry is NaN or infinite; the message names the summand,
     *     the core or factor, and the position
     */
    public void requireFinite() {
        for (int j = 0; j < terms.size(); j++) {
            terms.get(j).requireFinite("summand " + j);
        }
    }

    @Override
    public String toString() {
        return "TuckerSum[s=" + terms.size() + ", modeSizes=" + Arrays.toString(modeSizes) + ", formalRanks="
                + Arrays.toString(formalRanks()) + "]";
    }
}
