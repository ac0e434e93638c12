package dev.nla.sketch.internal;

/**
 * The orthonormal discrete cosine transform of type II and its inverse (type III) for a power-of-two
 * length \(n\), two real vectors at a time through one complex FFT.
 *
 * <p>The orthonormal DCT-II is the orthogonal matrix
 * \[ C_n[k, j] = c_k \cos\frac{\pi (2j + 1) k}{2n}, \qquad c_0 = \sqrt{1/n}, \quad c_k =
 * \sqrt{2/n} \ (k \ge 1), \]
 * so \(C_n^{-1} = C_n^{\mathsf T}\) (the orthonormal DCT-III). It is computed with Makhoul's
 * reordering [Makhoul 1980]: with \(v_j = x_{2j}\) and \(v_{n-1-j} = x_{2j+1}\) (\(j \lt n/2\)) and
 * \(V = \mathrm{DFT}_n(v)\), \((C_n x)_k = c_k \operatorname{Re}(e^{-i\pi k/(2n)} V_k)\). Two real
 * inputs \(x, y\) share one FFT of \(v_x + i v_y\) and are separated by conjugate symmetry. The FFT is
 * an iterative radix-2 Cooley–Tukey transform with twiddle factors tabulated once (by {@link
 * StrictMath}, so the tables, and the results, are identical on every JVM).
 *
 * <p>Cost per pair of vectors: one complex FFT of length \(n\) (\(5 n \log_2 n\) flops) plus
 * \(O(n)\); the caller provides two work arrays of length \(n\). Instances are immutable and can be
 * shared between threads.
 */
public final class CosineTransform {
    private final int n;
    /** cos and sin of 2 pi j / n, j in [0, n/2). */
    private final double[] fftCos;

    private final double[] fftSin;
    /** c_k cos(pi k / (2n)) and c_k sin(pi k / (2n)), k in [0, n). */
    private final double[] postCos;

    private final double[] postSin;

    /**
     * Tabulates the transform of length {@code n}.
     *
     * @param n the length, a power of two
     * @throws IllegalArgumentException if {@code n} is not a power of two
     */
    public CosineTransform(int n) {
        if (!Hadamard.isPowerOfTwo(n)) {
            throw new IllegalArgumentException("cosine transform length must be a power of two, got " + n);
        }
        this.n = n;
        int half = Math.max(1, n / 2);
        fftCos = new double[half];
        fftSin = new double[half];
        for (int j = 0; j < half; j++) {
            double t = 2.0 * Math.PI * j / n;
            fftCos[j] = StrictMath.cos(t);
            fftSin[j] = StrictMath.sin(t);
        }
        postCos = new double[n];
        postSin = new double[n];
        double c0 = StrictMath.sqrt(1.0 / n);
        double ck = StrictMath.sqrt(2.0 / n);
        for (int k = 0; k < n; k++) {
            double t = Math.PI * k / (2.0 * n);
            double c = k == 0 ? c0 : ck;
            postCos[k] = c * StrictMath.cos(t);
            postSin[k] = c * StrictMath.sin(t);
        }
    }

    /**
     * The length \(n\).
     *
     * @return \(n\)
     */
    public int length() {
        return n;
    }

    /**
     * In place \(x \leftarrow C_n x\), \(y \leftarrow C_n y\).
     *
     * @param x  first vector, length at least \(n\); overwritten
     * @param y  second vector, length at least \(n\); overwritten (may be all zeros when only one
     *     vector is needed)
     * @param re work array of length at least \(n\); overwritten
     * @param im work array of length at least \(n\); overwritten
     */
    public void forward(double[] x, double[] y, double[] re, double[] im) {
        if (n == 1) {
            return;
        }
        int h = n / 2;
        for (int j = 0; j < h; j++) {
            re[j] = x[2 * j];
            im[j] = y[2 * j];
            re[n - 1 - j] = x[2 * j + 1];
            im[n - 1 - j] = y[2 * j + 1];
        }
        fft(re, im, false);
        for (int k = 0; k < n; k++) {
            int nk = k == 0 ? 0 : n - k;
            // V_x = (Z_k + conj Z_{n-k}) / 2, V_y = (Z_k - conj Z_{n-k}) / (2i)
            double vxr = 0.5 * (re[k] + re[nk]);
            double vxi = 0.5 * (im[k] - im[nk]);
            double vyr = 0.5 * (im[k] + im[nk]);
            double vyi = -0.5 * (re[k] - re[nk]);
            // c_k Re(e^{-i pi k / 2n} V) = c_k (cos V_r + sin V_i)
            x[k] = postCos[k] * vxr + postSin[k] * vxi;
            y[k] = postCos[k] * vyr + postSin[k] * vyi;
        }
    }

    /**
     * In place \(x \leftarrow C_n^{\mathsf T} x\), \(y \leftarrow C_n^{\mathsf T} y\) (the inverse
     * transform, DCT-III).
     *
     * @param x  first vector, length at least \(n\); overwritten
     * @param y  second vector, length at least \(n\); overwritten
     * @param re work array of length at least \(n\); overwritten
     * @param im work array of length at least \(n\); overwritten
     */
    public void inverse(double[] x, double[] y, double[] re, double[] im) {
        if (n == 1) {
            return;
        }
        // Inverting X_k = c_k Re(e^{-i pi k/2n} V_k) for real v: V_k = e^{i pi k/2n} (X_k - i X_{n-k}) / c_k
        // (X_n = 0; c_{n-k} = c_k for k >= 1), and v = (1/n) sum_k V_k e^{2 pi i jk/n}. With the table
        // (postCos, postSin) = c_k (cos, sin)(pi k/2n), the factor 1/(n c_k) becomes c_k s_k with
        // s_k = 1/(n c_k^2): exactly 1 for k = 0 and 1/2 otherwise. Z = V_x + i V_y gets one FFT.
        double inv0 = 1.0;
        double invK = 0.5;
        for (int k = 0; k < n; k++) {
            double s = k == 0 ? inv0 : invK;
            double ax = x[k];
            double bx = k == 0 ? 0.0 : x[n - k];
            double ay = y[k];
            double by = k == 0 ? 0.0 : y[n - k];
            double cr = postCos[k];
            double ci = postSin[k];
            // (cr + i ci)(a - i b) = (cr a + ci b) + i (ci a - cr b)
            double vxr = cr * ax + ci * bx;
            double vxi = ci * ax - cr * bx;
            double vyr = cr * ay + ci * by;
            double vyi = ci * ay - cr * by;
            re[k] = s * (vxr - vyi);
            im[k] = s * (vxi + vyr);
        }
        fft(re, im, true);
        int h = n / 2;
        for (int j = 0; j < h; j++) {
            x[2 * j] = re[j];
            y[2 * j] = im[j];
            x[2 * j + 1] = re[n - 1 - j];
            y[2 * j + 1] = im[n - 1 - j];
        }
    }

    /** In place radix-2 complex FFT; {@code inverse} flips the sign of the exponent (no 1/n). */
    private void fft(double[] re, double[] im, boolean inverse) {
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1.0 : -1.0;
        // Blocks outer, butterflies inner: every stage is one contiguous sweep over the arrays.
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < half; k++) {
                    double wr = fftCos[k * step];
                    double wi = sign * fftSin[k * step];
                    int a = i + k;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
