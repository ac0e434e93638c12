package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;

/**
 * Linformer attention [Wang et al. 2020] with random (untrained) projections: the keys and values
 * are sketched along the sequence axis,
 * \[ O = \operatorname{softmax}_{\text{row}}\bigl(sQ(EK)^{\mathsf T}\bigr)(FV),\qquad E, F \in
 *    \mathbb{R}^{r \times m}, \]
 * with \(E, F\) drawn from an {@code nla-sketch} family (Gaussian, sparse sign, SRHT, ...; {@link
 * LinformerOptions#sketch()}), isotropic (\(\mathbb{E}[E^{\mathsf T}E] = I\)), from the {@code
 * RngState} given at construction (\(E\) from {@code state.split(0)}, \(F\) from {@code
 * state.split(1)} or \(F = E\)). Then exact softmax attention of the \(n\) queries over the \(r\)
 * projected keys.
 *
 * <p>Linformer relies on <em>learned</em> \(E, F\); a Johnson–Lindenstrauss sketch is not a good
 * untrained approximation of softmax attention (the spec's prototype saw \(\varepsilon_F \gg 1\)),
 * so this class is reported in the experiments but not gated on accuracy.
 *
 * <p><b>Primitives:</b> {@link SketchingOperator#applyLeft} of {@code nla-sketch} (dense GEMM,
 * sparse sign \(O(\zeta m d)\), fast Hadamard transform \(O(md\log m)\)), then {@link DenseAttention}
 * on the \(n \times r\) problem.
 *
 * <p><b>Cost:</b> the sketch (\(2rm(d + d_v)\) flops for Gaussian, less for the structured ones) plus
 * \(2nr(d + d_v)\) and \(nr\) exponentials; memory \(O(r(d + d_v) + nd_v)\) beyond the sketch.
 * Linear in \(n\).
 *
 * <p><b>Causal masking:</b> refused ({@code UnsupportedMaskException}): every projected key mixes all
 * positions, future ones included (lucidrains/linformer#4). Key padding drops the masked keys before
 * sketching.
 */
public final class LinformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "linformer";

    /** Registry entry (parameter: projected length; randomized; not causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "Linformer with random sketches: softmax(s Q (E K)^T) (F V), E, F Gaussian / sparse sign / SRHT",
            AttentionMethod.Family.SKETCHING_AND_SAMPLING,
            false,
            true,
            "projected-length",
            (size, state) -> new LinformerAttention(LinformerOptions.of(size), state));

    private final LinformerOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options sketch size and family, sharing, scaling
     * @param state   the randomness of \(E\) and \(F\)
     * @throws NullPointerException if an argument is null
     */
    public LinformerAttention(LinformerOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public LinformerOptions options() {
        return options;
    }

    /**
     * The projections for \(m\) keys.
     *
     * @param m number of (unmasked) keys, \(\ge 1\)
     * @return {@code {E, F}} (the same operator twice when shared)
     * @throws IllegalArgumentException if \(m \lt 1\)
     */
    public SketchingOperator[] projections(int m) {
        SketchFamily family = options.sketch();
        SketchingOperator e =
                family.of(options.projectedLength(), m).sample(state.split(0)).value();
        SketchingOperator f = options.shareProjection()
                ? e
                : family.of(options.projectedLength(), m).sample(state.split(1)).value();
        return new SketchingOperator[] {e, f};
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        DenseMatrix keys = LowRankSupport.keptRows(k, mask);
        DenseMatrix values = LowRankSupport.keptRows(v, mask);
        int m = keys.rows();
        int r = options.projectedLength();
        if (r > m) {
            throw new IllegalArgumentException(
                    NAME + ": projected length r = " + r + " exceeds the number of unmasked keys m = " + m);
        }
        SketchingOperator[] ef = projections(m);
        CostCounter cost = CostCounter.current();
        cost.allocate((long) r * (q.cols() + v.cols()));
        DenseMatrix ek = ef[0].applyLeft(keys);
        DenseMatrix fv = ef[1].applyLeft(values);
        cost.addFlops(sketchFlops(options.sketch(), r, m, q.cols() + v.cols()));
        DenseMatrix out = DenseAttention.withScaling(Scaling.fixed(scale)).compute(q, ek, fv);
        cost.release((long) r * (q.cols() + v.cols()));
        if (keys != k) {
            cost.release((long) m * (q.cols() + v.cols()));
        }
        return out;
    }

    /** Flops of applying an \(r \times m\) sketch of the family to \(m \times c\) columns. */
    static long sketchFlops(SketchFamily family, int r, int m, int c) {
        String name = family.name();
        if (name.startsWith("sparse-sign") || name.startsWith("countsketch")) {
            return 2L * Math.min(8, r) * m * c;
        }
        if (name.startsWith("srht") || name.startsWith("srft")) {
            long padded = Long.highestOneBit(Math.max(1, m - 1)) << 1;
            return (long) c * (padded * Long.numberOfTrailingZeros(padded) + r);
        }
        return 2L * r * m * c;
    }
}
