package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.Tolerances;
import dev.nla.sketch.internal.Hadamard;
import org.junit.jupiter.api.Test;

class SrftSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return SrftSketch.of(d, m);
    }

    @Override
    boolean supports(int d, int m) {
        return d <= Hadamard.nextPowerOfTwo(m);
    }

    /**
     * The GEMM bound plus the rounding of the FFT path. A radix-2 FFT of length \(n\) has normwise
     * error at most \(\log_2 n \cdot \eta \cdot \|z\|_2\) with \(\eta = \mu + \gamma_4(\sqrt 2 + \mu)\)
     * and \(\mu \approx u\) the twiddle error [Higham 2002, Thm 24.2]; the two-for-one split, the
     * post-twiddle and the scaling add a few \(u\), and a column shares its FFT with its partner. So
     * every entry is within \(8(\log_2 m' + 2)\,u\) times \(\max|S_{ij}| \sqrt{m'} \|A\|_F\) (with
     * \(\max|S_{ij}|\sqrt{m'}\) the scale of the unnormalised transform) of the exact product.
     */
    @Override
    DenseMatrix bound(DenseMatrix s, DenseMatrix a) {
        DenseMatrix b = Tolerances.gemmBound(1.0, s, a, 0.0, null);
        int mp = Hadamard.nextPowerOfTwo(Math.max(s.rows(), s.cols()));
        double maxEntry = 0;
        for (int j = 0; j < s.cols(); j++) {
            for (int i = 0; i < s.rows(); i++) {
                maxEntry = Math.max(maxEntry, Math.abs(s.get(i, j)));
            }
        }
        double log = 31 - Integer.numberOfLeadingZeros(mp);
        double fft = 8 * (log + 2) * Tolerances.U * maxEntry * Math.sqrt(mp) * Tolerances.frobenius(a);
        for (int j = 0; j < b.cols(); j++) {
            for (int i = 0; i < b.rows(); i++) {
                b.add(i, j, fft);
            }
        }
        return b;
    }

    @Test
    void rowsAreOrthogonalWithNormSqrtOfMOverDForPowerOfTwoM() {
        // S = sqrt(m/d) P C D with C orthogonal: S S^T = (m/d) I when m = m'.
        DenseMatrix s = SrftSketch.of(10, 64).sample(RngState.seed(1)).value().toDense();
        DenseMatrix sst = Inputs.multiply(s, s.transpose());
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 10; k++) {
                assertThat(sst.get(i, k)).isCloseTo(i == k ? 6.4 : 0.0, org.assertj.core.data.Offset.offset(1e-13));
            }
        }
    }

    @Test
    void entryIsTheScaledCosineOfTheDefinition() {
        // |S[i, j]| = sqrt(m'/d) c_k |cos(pi (2j+1) k / 2m')| for the selected row k: column 0 of a
        // 1 x 1 sketch is the constant row k = 0, c_0 = 1.
        DenseMatrix s = SrftSketch.of(1, 1).sample(RngState.seed(2)).value().toDense();
        assertThat(Math.abs(s.get(0, 0))).isEqualTo(1.0);
    }

    @Test
    void rejectsDAboveThePaddedDimension() {
        assertThatThrownBy(() -> SrftSketch.of(5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d = 5")
                .hasMessageContaining("m' = 4");
    }

    @Test
    void paddedColumnsIsTheNextPowerOfTwo() {
        assertThat(SrftSketch.of(3, 65).paddedCols()).isEqualTo(128);
    }
}
