package dev.nla.sketch.operator;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.testing.Tolerances;
import dev.nla.sketch.internal.Hadamard;

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
}
