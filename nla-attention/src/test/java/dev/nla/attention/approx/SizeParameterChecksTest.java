package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A size parameter larger than the problem (more samples or features than keys, a block or chunk
 * larger than the number of queries) is refused with an {@link IllegalArgumentException} naming the
 * method, the parameter and both values, before any work.
 */
class SizeParameterChecksTest {
    private static final int N = 32;
    private static final int M = 16;

    @ParameterizedTest(name = "{0}, size {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "top-k          | 20 | top-k: k = 20 exceeds the number of keys m = 16",
                "performer      | 20 | performer: features r = 20 exceeds the number of keys m = 16",
                "random-features | 20 | random-features: frequencies r = 20 exceeds the number of keys m = 16",
                "sampling       | 20 | sampling: samples s = 20 exceeds the number of keys m = 16",
                "reformer-lsh | 40 | reformer-lsh: chunk size c = 40 exceeds n = 32",
                "hyperattention | 20 | hyperattention: samples s = 20 exceeds the number of keys m = 16",
                "hyperattention | 40 | hyperattention: block size b = 40 exceeds n = 32",
                "kdeformer      | 20 | kdeformer: samples s = 20 exceeds the number of keys m = 16",
                "kdeformer      | 40 | kdeformer: block size b = 40 exceeds n = 32",
            })
    void aSizeParameterBeyondTheProblemIsRefused(String name, int size, String message) {
        Attention attention = AttentionMethods.find(name).orElseThrow().create(size, RngState.seed(1));
        DenseMatrix q = gaussian(N, 8, 2);
        DenseMatrix k = gaussian(M, 8, 3);
        DenseMatrix v = gaussian(M, 4, 4);
        assertThatThrownBy(() -> attention.compute(q, k, v, AttentionMask.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return RandomMatrices.generate(rows, cols, ScalarDistribution.GAUSSIAN, RngState.seed(seed))
                .value();
    }
}
