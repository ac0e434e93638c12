package dev.nla.bench.experiments.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.random.RngState;
import dev.nla.tensor.problems.cookie.CookieOptions;
import dev.nla.tensor.problems.cookie.CookieProblem;
import dev.nla.tensor.problems.cookie.ParametricCookieOperator;
import dev.nla.tensor.solve.TuckerGmres;
import dev.nla.tensor.solve.TuckerGmresOptions;
import dev.nla.tensor.solve.TuckerGmresResult;
import dev.nla.tensor.sum.SummationOptions;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paired rounding used for T12(d) where the deterministic solve cannot run: it must leave the
 * solve bitwise unchanged, record one call per rounding, and honour the reference's size limit.
 */
class PairedRoundingTest {
    private static final double TOL = 1e-8;
    private static final long LIMIT = 1L << 13;

    private static ParametricCookieOperator op;
    private static TuckerGmresResult plain;
    private static TuckerGmresResult paired;
    private static List<PairedRounding.Call> calls;

    @BeforeAll
    static void solveTwice() {
        CookieProblem problem = CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(8));
        op = ParametricCookieOperator.uniform(problem, 4, 1.0, 10.0);
        TuckerGmresOptions go = TuckerGmresOptions.defaults(TOL);
        TuckerSummation adaptive = TuckerSummation.of(SummationStrategy.ADAPTIVE);
        RngState state = RngState.seed(7L);
        plain = new TuckerGmres(adaptive, go).solve(op, op.rightHandSide(), op.meanPreconditioner(), state);
        PairedRounding pair = new PairedRounding(
                adaptive,
                TuckerSummation.of(
                        SummationStrategy.FORMAL_QR_ROUNDING,
                        SummationOptions.builder().sizeLimit(LIMIT).build()));
        paired = new TuckerGmres(pair, go).solve(op, op.rightHandSide(), op.meanPreconditioner(), state);
        calls = pair.calls();
    }

    @Test
    void pairingLeavesTheSolveBitwiseUnchanged() {
        assertThat(paired.iterations()).isEqualTo(plain.iterations());
        assertThat(paired.solution().core().data())
                .containsExactly(plain.solution().core().data());
        assertThat(paired.solution().factor(0).toColumnMajorArray())
                .containsExactly(plain.solution().factor(0).toColumnMajorArray());
    }

    @Test
    void recordsOneCallPerRounding() {
        // two roundings per iteration (product, orthogonalization) and two final ones
        assertThat(calls).hasSize(2 * paired.iterations() + 2);
        assertThat(calls.get(0).terms()).isEqualTo(op.apply(op.rightHandSide()).size());
        assertThat(calls.get(1).terms()).isEqualTo(2);
    }

    @Test
    void theReferenceRunsExactlyWhereItsFormalCoreFitsTheLimit() {
        assertThat(calls).anyMatch(PairedRounding.Call::referenceRan);
        assertThat(calls).anyMatch(c -> !c.referenceRan());
        for (PairedRounding.Call c : calls) {
            assertThat(c.referenceRan()).as("call %s", c).isEqualTo(c.formalCore() <= LIMIT);
            assertThat(c.primaryNanos()).isPositive();
        }
    }
}
