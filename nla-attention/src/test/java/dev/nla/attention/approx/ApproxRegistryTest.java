package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.Cost;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every method of this package through the registry, as experiments see them. */
class ApproxRegistryTest {
    private static final List<String> MINE = List.of(
            SlidingWindowAttention.NAME,
            BigBirdAttention.NAME,
            TopKAttention.NAME,
            ReformerAttention.NAME,
            ClusteredAttention.NAME,
            SamplingAttention.NAME,
            KdeformerAttention.NAME,
            HyperAttention.NAME);

    static Stream<AttentionMethod> methods() {
        return MINE.stream().map(name -> AttentionMethods.find(name).orElseThrow());
    }

    private static Attention create(AttentionMethod method, int size) {
        return method.create(size, RngState.seed(99));
    }

    /** Spec test 9: causal methods leave o_i unchanged when later keys/values change; others refuse. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void causalOrRefused(AttentionMethod method) {
        AttentionInput in = ApproxTesting.lowRank(160, 16, 1.0, 101);
        Attention a = create(method, 16);
        if (method.supportsCausal()) {
            assertThat(ApproxTesting.causalLeak(a, in, 102)).isLessThanOrEqualTo(1e-12);
        } else {
            assertThatThrownBy(() -> a.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                    .isInstanceOf(UnsupportedMaskException.class);
        }
    }

    /**
     * Test 9 with more keys than queries (the queries are the last n of m positions, as in decoding
     * with a cache): query i may see keys j <= i + m - n; later keys and values are replaced.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void causalWithMoreKeysThanQueries(AttentionMethod method) {
        if (!method.supportsCausal()) {
            return; // refusal is covered above
        }
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 107);
        DenseMatrix q = in.q().rowBlock(80, 120).copy();
        Attention a = create(method, 16);
        DenseMatrix base = a.compute(q, in.k(), in.v(), AttentionMask.causal());
        int cut = 50; // query 50 sits at position 130
        DenseMatrix k = in.k().copy();
        DenseMatrix v = in.v().copy();
        for (int j = cut + 80 + 1; j < 200; j++) {
            for (int l = 0; l < 16; l++) {
                k.set(j, l, -2 * k.get(j, l) + 1);
            }
            for (int l = 0; l < v.cols(); l++) {
                v.set(j, l, 7 - 3 * v.get(j, l));
            }
        }
        DenseMatrix changed = a.compute(q, k, v, AttentionMask.causal());
        double worst = 0;
        for (int i = 0; i <= cut; i++) {
            for (int l = 0; l < v.cols(); l++) {
                worst = Math.max(worst, Math.abs(changed.get(i, l) - base.get(i, l)));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-12);
    }

    /** Every output row is a convex combination of value rows, also with more queries than keys. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void outputsAreConvexCombinationsWithMoreQueriesThanKeys(AttentionMethod method) {
        AttentionInput in = ApproxTesting.lowRank(160, 16, 1.0, 108);
        DenseMatrix k = in.k().rowBlock(0, 100);
        DenseMatrix v = in.v().rowBlock(0, 100);
        DenseMatrix out = create(method, 16).compute(in.q(), k, v);
        for (int l = 0; l < v.cols(); l++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 100; j++) {
                lo = Math.min(lo, v.get(j, l));
                hi = Math.max(hi, v.get(j, l));
            }
            for (int i = 0; i < 160; i++) {
                // a convex combination stays in [min, max] up to the rounding of the weighted sum
                double tol = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
                assertThat(out.get(i, l)).isBetween(lo - tol, hi + tol);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void instanceAgreesWithEntry(AttentionMethod method) {
        Attention a = create(method, 8);
        assertThat(new Object[] {a.name(), a.supportsCausal()}).containsExactly(method.name(), method.supportsCausal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void rejectsNegativeSize(AttentionMethod method) {
        assertThatThrownBy(() -> create(method, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void rejectsMismatchedD(AttentionMethod method) {
        AttentionInput in = ApproxTesting.lowRank(64, 16, 1.0, 103);
        DenseMatrix k = DenseMatrix.zeros(64, 15);
        assertThatThrownBy(() -> create(method, 8).compute(in.q(), k, in.v()))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("16")
                .hasMessageContaining("15");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void rejectsNonFiniteInput(AttentionMethod method) {
        AttentionInput in = ApproxTesting.lowRank(64, 16, 1.0, 104);
        DenseMatrix v = in.v().copy();
        v.set(3, 2, Double.NaN);
        assertThatThrownBy(() -> create(method, 8).compute(in.q(), in.k(), v))
                .isInstanceOf(NonFiniteValueException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void doesNotModifyInputs(AttentionMethod method) {
        AttentionInput in = ApproxTesting.lowRank(100, 16, 1.0, 105);
        DenseMatrix q = in.q().copy();
        DenseMatrix k = in.k().copy();
        DenseMatrix v = in.v().copy();
        create(method, 8).compute(q, k, v);
        assertThat(ApproxTesting.sameBits(q, in.q())
                        && ApproxTesting.sameBits(k, in.k())
                        && ApproxTesting.sameBits(v, in.v()))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void honoursPaddingAndReportsCost(AttentionMethod method) {
        AttentionInput in = ApproxTesting.lowRank(128, 16, 1.0, 106);
        boolean[] keep = new boolean[128];
        for (int j = 0; j < 128; j++) {
            keep[j] = j % 4 != 1;
        }
        Attention a = create(method, 16);
        DenseMatrix v = in.v().copy();
        for (int j = 1; j < 128; j += 4) {
            v.row(j).fill(1e6); // a padded value must never reach the output
        }
        var measured = CostCounter.measure(() -> a.compute(in.q(), in.k(), v, AttentionMask.keyPadding(keep)));
        Cost cost = measured.cost();
        double max = 0;
        for (int j = 0; j < v.cols(); j++) {
            for (int i = 0; i < 128; i++) {
                max = Math.max(max, Math.abs(measured.value().get(i, j)));
            }
        }
        assertThat(max).isLessThan(100);
        assertThat(cost.flops()).isPositive();
    }
}
