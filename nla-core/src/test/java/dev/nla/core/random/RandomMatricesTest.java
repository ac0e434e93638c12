package dev.nla.core.random;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RandomMatricesTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    /** A state whose low counter word is 2^64 - 3, so that row blocks carry into the high word. */
    private static final RngState NEAR_CARRY = new RngState(0x243F_6A88_85A3_08D3L, 17L, -3L);

    private static BigInteger unsigned(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    /** The block counter of entry (i, j), from the documented formula, in 128-bit arithmetic. */
    private static BigInteger counterOf(RngState s, long i, long j, int e) {
        BigInteger c = unsigned(s.counterHigh()).multiply(TWO_64).add(unsigned(s.counterLow()));
        return c.add(BigInteger.valueOf(j).multiply(TWO_64))
                .add(BigInteger.valueOf(i / e))
                .mod(TWO_128);
    }

    /** Reference entry: the documented layout and conversions, written independently of the kernels. */
    private static double reference(RngState s, long i, long j, ScalarDistribution d) {
        int e = d.entriesPerBlock();
        BigInteger c = counterOf(s, i, j, e);
        long[] w = new long[2];
        Philox4x32.block(s.key(), c.shiftRight(64).longValue(), c.longValue(), w, 0);
        int sub = (int) (i % e);
        switch (d) {
            case UNIFORM_01:
                return ((w[sub] >>> 12) + 0.5) * 0x1.0p-52;
            case UNIFORM:
                return Math.sqrt(3) * (2 * (((w[sub] >>> 12) + 0.5) * 0x1.0p-52) - 1);
            case GAUSSIAN:
                double u0 = ((w[0] >>> 12) + 0.5) * 0x1.0p-52;
                double u1 = ((w[1] >>> 12) + 0.5) * 0x1.0p-52;
                double r = StrictMath.sqrt(-2 * StrictMath.log(u0));
                return sub == 0 ? r * StrictMath.cos(2 * Math.PI * u1) : r * StrictMath.sin(2 * Math.PI * u1);
            case RADEMACHER:
                long word = w[sub / 64];
                return ((word >>> (sub % 64)) & 1) == 1 ? 1.0 : -1.0;
            default:
                throw new AssertionError(d);
        }
    }

    private static DenseMatrix referenceBlock(RngState s, long r0, long c0, int rows, int cols, ScalarDistribution d) {
        DenseMatrix m = DenseMatrix.zeros(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                m.set(i, j, reference(s, r0 + i, c0 + j, d));
            }
        }
        return m;
    }

    // --- Layout --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void generateFollowsTheDocumentedLayout(ScalarDistribution d) {
        DenseMatrix a = RandomMatrices.generate(300, 5, d, NEAR_CARRY).value();
        assertThatMatrix(a).isBitwiseEqualTo(referenceBlock(NEAR_CARRY, 0, 0, 300, 5, d));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void fillAtOffsetsFollowsTheDocumentedLayout(ScalarDistribution d) {
        DenseMatrix a = DenseMatrix.zeros(77, 4);
        RandomMatrices.fill(a, 1001, 3, d, NEAR_CARRY);
        assertThatMatrix(a).isBitwiseEqualTo(referenceBlock(NEAR_CARRY, 1001, 3, 77, 4, d));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void entryFollowsTheDocumentedLayout(ScalarDistribution d) {
        assertThat(RandomMatrices.entry(12345, 6, d, NEAR_CARRY)).isEqualTo(reference(NEAR_CARRY, 12345, 6, d));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void fillReachesTheLastAddressableRowsAndColumns(ScalarDistribution d) {
        DenseMatrix a = DenseMatrix.zeros(3, 2);
        long r0 = Long.MAX_VALUE - 2;
        long c0 = Long.MAX_VALUE - 1;
        RandomMatrices.fill(a, r0, c0, d, NEAR_CARRY);
        assertThatMatrix(a).isBitwiseEqualTo(referenceBlock(NEAR_CARRY, r0, c0, 3, 2, d));
    }

    // --- Blocks, growth, threads ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void blockEqualsTheSameBlockOfABiggerMatrix(ScalarDistribution d) {
        DenseMatrix big = RandomMatrices.generate(400, 9, d, NEAR_CARRY).value();
        DenseMatrix block = DenseMatrix.zeros(133, 4);
        RandomMatrices.fill(block, 131, 5, d, NEAR_CARRY);
        assertThatMatrix(block).isBitwiseEqualTo(big.view(131, 5, 133, 4));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void growingRowsKeepsTheOldEntries(ScalarDistribution d) {
        RngState s = RngState.seed(2);
        DenseMatrix small = RandomMatrices.generate(37, 6, d, s).value();
        DenseMatrix grown = RandomMatrices.generate(301, 6, d, s).value();
        assertThatMatrix(grown.view(0, 0, 37, 6)).isBitwiseEqualTo(small);
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void growingColumnsKeepsTheOldEntries(ScalarDistribution d) {
        RngState s = RngState.seed(3);
        DenseMatrix small = RandomMatrices.generate(50, 3, d, s).value();
        DenseMatrix grown = RandomMatrices.generate(50, 11, d, s).value();
        assertThatMatrix(grown.columns(0, 3)).isBitwiseEqualTo(small);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void threadCountDoesNotChangeTheBits(int parts) {
        DenseMatrix sequential = DenseMatrix.zeros(129, 37);
        RandomMatrices.fill(sequential, 5, 2, ScalarDistribution.GAUSSIAN, NEAR_CARRY, 1);
        DenseMatrix parallel = DenseMatrix.zeros(129, 37);
        RandomMatrices.fill(parallel, 5, 2, ScalarDistribution.GAUSSIAN, NEAR_CARRY, parts);
        assertThatMatrix(parallel).isBitwiseEqualTo(sequential);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void threadCountDoesNotChangeRademacherBits(int parts) {
        DenseMatrix sequential = DenseMatrix.zeros(300, 20);
        RandomMatrices.fill(sequential, 70, 0, ScalarDistribution.RADEMACHER, NEAR_CARRY, 1);
        DenseMatrix parallel = DenseMatrix.zeros(300, 20);
        RandomMatrices.fill(parallel, 70, 0, ScalarDistribution.RADEMACHER, NEAR_CARRY, parts);
        assertThatMatrix(parallel).isBitwiseEqualTo(sequential);
    }

    @Test
    void largeGenerationUsesTheDefaultSplitAndMatchesSequential() {
        // 600 x 300 = 180 000 entries: several default parts on a multi-core machine.
        RngState s = RngState.seed(4);
        DenseMatrix sequential = DenseMatrix.zeros(600, 300);
        RandomMatrices.fill(sequential, 0, 0, ScalarDistribution.GAUSSIAN, s, 1);
        assertThatMatrix(RandomMatrices.gaussian(600, 300, s).value()).isBitwiseEqualTo(sequential);
    }

    @Test
    void fillWritesOnlyTheView() {
        DenseMatrix parent = DenseMatrix.zeros(10, 8);
        parent.fill(Double.NaN);
        DenseMatrix view = parent.view(2, 3, 5, 4);
        RandomMatrices.fill(view, 0, 0, ScalarDistribution.UNIFORM, RngState.seed(5));
        int untouched = 0;
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 10; i++) {
                boolean inside = i >= 2 && i < 7 && j >= 3 && j < 7;
                if (!inside && Double.isNaN(parent.get(i, j))) {
                    untouched++;
                }
            }
        }
        assertThat(untouched).isEqualTo(80 - 20);
    }

    @Test
    void fillOfAViewMatchesGenerate() {
        DenseMatrix parent = DenseMatrix.zeros(10, 8);
        DenseMatrix view = parent.view(2, 3, 5, 4);
        RngState s = RngState.seed(5);
        RandomMatrices.fill(view, 0, 0, ScalarDistribution.UNIFORM, s);
        assertThatMatrix(view)
                .isBitwiseEqualTo(RandomMatrices.generate(5, 4, ScalarDistribution.UNIFORM, s)
                        .value());
    }

    // --- Seeds and states -----------------------------------------------------------------------------------

    @Test
    void sameSeedGivesSameBits() {
        assertThatMatrix(RandomMatrices.gaussian(40, 7, RngState.seed(99)).value())
                .isBitwiseEqualTo(
                        RandomMatrices.gaussian(40, 7, RngState.seed(99)).value());
    }

    @Test
    void differentSeedsGiveDifferentEntries() {
        DenseMatrix a = RandomMatrices.gaussian(40, 7, RngState.seed(99)).value();
        DenseMatrix b = RandomMatrices.gaussian(40, 7, RngState.seed(100)).value();
        int equal = 0;
        for (int j = 0; j < 7; j++) {
            for (int i = 0; i < 40; i++) {
                if (a.get(i, j) == b.get(i, j)) {
                    equal++;
                }
            }
        }
        // Continuous law: a coincidence has probability ~ 280 * 2^-52.
        assertThat(equal).isZero();
    }

    @Test
    void nextStateAdvancesPastTheColumns() {
        assertThat(RandomMatrices.generate(10, 4, ScalarDistribution.GAUSSIAN, NEAR_CARRY)
                        .next())
                .isEqualTo(new RngState(NEAR_CARRY.key(), 21L, -3L));
    }

    @Test
    void nextStateOfAnEmptyMatrixStillCountsColumns() {
        assertThat(RandomMatrices.generate(0, 4, ScalarDistribution.GAUSSIAN, NEAR_CARRY)
                        .next())
                .isEqualTo(NEAR_CARRY.advanceColumns(4));
    }

    @Test
    void consecutiveDrawsConcatenateToOneDraw() {
        Sampled<DenseMatrix> first = RandomMatrices.generate(64, 3, ScalarDistribution.UNIFORM, NEAR_CARRY);
        DenseMatrix second = RandomMatrices.generate(64, 5, ScalarDistribution.UNIFORM, first.next())
                .value();
        DenseMatrix whole = RandomMatrices.generate(64, 8, ScalarDistribution.UNIFORM, NEAR_CARRY)
                .value();
        assertThatMatrix(whole.columns(3, 5)).isBitwiseEqualTo(second);
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void nextStateDoesNotOverlapTheConsumedBlocks(ScalarDistribution d) {
        // A tall first draw (many row blocks past the low-word carry) and a second draw from the
        // returned state use disjoint sets of Philox counters.
        int e = d.entriesPerBlock();
        int rows1 = 1000;
        int cols1 = 3;
        RngState next = RandomMatrices.generate(rows1, cols1, d, NEAR_CARRY).next();
        Set<BigInteger> consumed = new HashSet<>();
        for (int j = 0; j < cols1; j++) {
            for (int i = 0; i < rows1; i += 1) {
                consumed.add(counterOf(NEAR_CARRY, i, j, e));
            }
        }
        Set<BigInteger> following = new HashSet<>();
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 2000; i++) {
                following.add(counterOf(next, i, j, e));
            }
        }
        following.retainAll(consumed);
        assertThat(following).isEmpty();
    }

    @Test
    void gaussianIsGenerateWithTheGaussianLaw() {
        RngState s = RngState.seed(6);
        assertThatMatrix(RandomMatrices.gaussian(9, 4, s).value())
                .isBitwiseEqualTo(RandomMatrices.generate(9, 4, ScalarDistribution.GAUSSIAN, s)
                        .value());
    }

    @Test
    void generateHandlesEmptyShapes() {
        assertThatMatrix(RandomMatrices.generate(0, 0, ScalarDistribution.RADEMACHER, RngState.seed(1))
                        .value())
                .hasShape(0, 0);
    }

    // --- Validation ---------------------------------------------------------------------------------------

    @Test
    void generateRejectsNegativeRows() {
        assertThatThrownBy(() -> RandomMatrices.generate(-1, 3, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be non-negative, got -1");
    }

    @Test
    void generateRejectsNegativeColumns() {
        assertThatThrownBy(() -> RandomMatrices.generate(3, -4, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cols must be non-negative, got -4");
    }

    @Test
    void generateRejectsNullDistribution() {
        assertThatThrownBy(() -> RandomMatrices.generate(3, 3, null, RngState.seed(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("distribution");
    }

    @Test
    void generateRejectsNullState() {
        assertThatThrownBy(() -> RandomMatrices.gaussian(3, 3, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("state");
    }

    @Test
    void generateRejectsOversizedMatricesBeforeAllocating() {
        assertThatThrownBy(() -> RandomMatrices.gaussian(100_000, 100_000, RngState.seed(1)))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("100000x100000");
    }

    @Test
    void fillRejectsNullTarget() {
        assertThatThrownBy(() -> RandomMatrices.fill(null, 0, 0, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("target");
    }

    @Test
    void fillRejectsNegativeRowOffset() {
        assertThatThrownBy(() -> RandomMatrices.fill(
                        DenseMatrix.zeros(2, 2), -5, 0, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rowOffset must be non-negative, got -5");
    }

    @Test
    void fillRejectsNegativeColumnOffset() {
        assertThatThrownBy(() -> RandomMatrices.fill(
                        DenseMatrix.zeros(2, 2), 0, -6, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("colOffset must be non-negative, got -6");
    }

    @Test
    void fillRejectsRowsPastTheLastAddressableRow() {
        long r0 = Long.MAX_VALUE - 1;
        assertThatThrownBy(() -> RandomMatrices.fill(
                        DenseMatrix.zeros(3, 1), r0, 0, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(r0))
                .hasMessageContaining("+ 3");
    }

    @Test
    void fillRejectsColumnsPastTheLastAddressableColumn() {
        long c0 = Long.MAX_VALUE;
        assertThatThrownBy(() -> RandomMatrices.fill(
                        DenseMatrix.zeros(1, 2), 0, c0, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(c0))
                .hasMessageContaining("+ 2");
    }

    @Test
    void entryRejectsNegativeIndices() {
        assertThatThrownBy(() -> RandomMatrices.entry(0, -1, ScalarDistribution.GAUSSIAN, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("col must be non-negative, got -1");
    }
}
