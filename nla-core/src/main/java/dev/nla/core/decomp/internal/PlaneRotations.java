package dev.nla.core.decomp.internal;

/**
 * Scalar kernels on \(2 \times 2\) problems used by the bidiagonal and tridiagonal iterations: plane
 * rotations (and one rotation applied to two columns), singular values of a \(2 \times 2\) upper
 * triangular matrix, eigenpairs of a \(2 \times 2\) symmetric matrix, and the safe hypotenuse.
 *
 * <p>Each routine follows the numerical analysis of its LAPACK counterpart (dlartg, dlas2, dlasv2,
 * dlaev2) [Demmel and Kahan 1990], [Anderson et al. 1999]; results go into a caller-provided array so
 * that the hot loops allocate nothing.
 */
public final class PlaneRotations {
    private static final double EPS = 0x1.0p-53;
    private static final double SAFMIN = Double.MIN_NORMAL;
    private static final double SAFMAX = 1.0 / SAFMIN;
    private static final double RTMIN = Math.sqrt(SAFMIN);
    private static final double RTMAX = Math.sqrt(SAFMAX / 2);

    private PlaneRotations() {}

    /**
     * Generates a plane rotation with \(\begin{pmatrix} c &amp; s \\ -s &amp; c\end{pmatrix}
     * \begin{pmatrix} f \\ g \end{pmatrix} = \begin{pmatrix} r \\ 0 \end{pmatrix}\), \(c^2 + s^2 =
     * 1\), and \(c \ge 0\) when \(f \ne 0\) (dlartg, LAPACK 3.10 conventions, scaled so that no
     * intermediate overflows or underflows).
     *
     * @param f   first component
     * @param g   second component
     * @param out receives {@code c, s, r} at indices 0, 1, 2; overwritten
     */
    public static void rotation(double f, double g, double[] out) {
        if (g == 0.0) {
            out[0] = 1.0;
            out[1] = 0.0;
            out[2] = f;
            return;
        }
        if (f == 0.0) {
            out[0] = 0.0;
            out[1] = Math.signum(g);
            out[2] = Math.abs(g);
            return;
        }
        double f1 = Math.abs(f);
        double g1 = Math.abs(g);
        if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
            double d = Math.sqrt(f * f + g * g);
            double c = f1 / d;
            double r = Math.copySign(d, f);
            out[0] = c;
            out[1] = g / r;
            out[2] = r;
        } else {
            double u = Math.min(SAFMAX, Math.max(SAFMIN, Math.max(f1, g1)));
            double fs = f / u;
            double gs = g / u;
            double d = Math.sqrt(fs * fs + gs * gs);
            double c = Math.abs(fs) / d;
            double r = Math.copySign(d, f);
            out[0] = c;
            out[1] = gs / r;
            out[2] = r * u;
        }
    }

    /**
     * Singular values of the upper triangular matrix \(\begin{pmatrix} f &amp; g \\ 0 &amp; h
     * \end{pmatrix}\) (dlas2), accurate to a few ulps relative to each value.
     *
     * @param f   entry (0, 0)
     * @param g   entry (0, 1)
     * @param h   entry (1, 1)
     * @param out receives \(\sigma_{\min}\) at index 0 and \(\sigma_{\max}\) at index 1; overwritten
     */
    public static void singularValues2x2(double f, double g, double h, double[] out) {
        double fa = Math.abs(f);
        double ga = Math.abs(g);
        double ha = Math.abs(h);
        double fhmn = Math.min(fa, ha);
        double fhmx = Math.max(fa, ha);
        double ssmin;
        double ssmax;
        if (fhmn == 0.0) {
            ssmin = 0.0;
            if (fhmx == 0.0) {
                ssmax = ga;
            } else {
                double mx = Math.max(fhmx, ga);
                double mn = Math.min(fhmx, ga);
                ssmax = mx * Math.sqrt(1.0 + (mn / mx) * (mn / mx));
            }
        } else if (ga < fhmx) {
            double as = 1.0 + fhmn / fhmx;
            double at = (fhmx - fhmn) / fhmx;
            double au = (ga / fhmx) * (ga / fhmx);
            double c = 2.0 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
            ssmin = fhmn * c;
            ssmax = fhmx / c;
        } else {
            double au = fhmx / ga;
            if (au == 0.0) {
                ssmin = (fhmn * fhmx) / ga;
                ssmax = ga;
            } else {
                double as = 1.0 + fhmn / fhmx;
                double at = (fhmx - fhmn) / fhmx;
                double c = 1.0 / (Math.sqrt(1.0 + (as * au) * (as * au)) + Math.sqrt(1.0 + (at * au) * (at * au)));
                ssmin = (fhmn * c) * au;
                ssmin = ssmin + ssmin;
                ssmax = ga / (c + c);
            }
        }
        out[0] = ssmin;
        out[1] = ssmax;
    }

    /**
     * Singular value decomposition of the upper triangular \(\begin{pmatrix} f &amp; g \\ 0 &amp;
     * h \end{pmatrix} = \begin{pmatrix} c_l &amp; -s_l \\ s_l &amp; c_l \end{pmatrix}
     * \begin{pmatrix} \sigma_{\max} &amp; 0 \\ 0 &amp; \sigma_{\min} \end{pmatrix}
     * \begin{pmatrix} c_r &amp; s_r \\ -s_r &amp; c_r \end{pmatrix}\) (dlasv2). The values carry
     * signs; \(|\sigma_{\max}| \ge |\sigma_{\min}|\).
     *
     * @param f   entry (0, 0)
     * @param g   entry (0, 1)
     * @param h   entry (1, 1)
     * @param out receives {@code ssmin, ssmax, snr, csr, snl, csl} at indices 0..5; overwritten
     */
    public static void svd2x2(double f, double g, double h, double[] out) {
        double ft = f;
        double fa = Math.abs(ft);
        double ht = h;
        double ha = Math.abs(h);
        int pmax = 1;
        boolean swap = ha > fa;
        if (swap) {
            pmax = 3;
            double temp = ft;
            ft = ht;
            ht = temp;
            temp = fa;
            fa = ha;
            ha = temp;
        }
        double gt = g;
        double ga = Math.abs(gt);
        double ssmin;
        double ssmax;
        double clt;
        double crt;
        double slt;
        double srt;
        if (ga == 0.0) {
            ssmin = ha;
            ssmax = fa;
            clt = 1.0;
            crt = 1.0;
            slt = 0.0;
            srt = 0.0;
        } else {
            boolean gasmal = true;
            ssmin = 0.0;
            ssmax = 0.0;
            clt = 1.0;
            crt = 1.0;
            slt = 0.0;
            srt = 0.0;
            if (ga > fa) {
                pmax = 2;
                if (fa / ga < EPS) {
                    gasmal = false;
                    ssmax = ga;
                    ssmin = ha > 1.0 ? fa / (ga / ha) : (fa / ga) * ha;
                    clt = 1.0;
                    slt = ht / gt;
                    srt = 1.0;
                    crt = ft / gt;
                }
            }
            if (gasmal) {
                double d = fa - ha;
                double l = d == fa ? 1.0 : d / fa;
                double m = gt / ft;
                double t = 2.0 - l;
                double mm = m * m;
                double tt = t * t;
                double s = Math.sqrt(tt + mm);
                double r = l == 0.0 ? Math.abs(m) : Math.sqrt(l * l + mm);
                double a = 0.5 * (s + r);
                ssmin = ha / a;
                ssmax = fa * a;
                if (mm == 0.0) {
                    if (l == 0.0) {
                        t = Math.copySign(2.0, ft) * Math.copySign(1.0, gt);
                    } else {
                        t = gt / Math.copySign(d, ft) + m / t;
                    }
                } else {
                    t = (m / (s + t) + m / (r + l)) * (1.0 + a);
                }
                l = Math.sqrt(t * t + 4.0);
                crt = 2.0 / l;
                srt = t / l;
                clt = (crt + srt * m) / a;
                slt = (ht / ft) * srt / a;
            }
        }
        double csl;
        double snl;
        double csr;
        double snr;
        if (swap) {
            csl = srt;
            snl = crt;
            csr = slt;
            snr = clt;
        } else {
            csl = clt;
            snl = slt;
            csr = crt;
            snr = srt;
        }
        double tsign;
        if (pmax == 1) {
            tsign = Math.copySign(1.0, csr) * Math.copySign(1.0, csl) * Math.copySign(1.0, f);
        } else if (pmax == 2) {
            tsign = Math.copySign(1.0, snr) * Math.copySign(1.0, csl) * Math.copySign(1.0, g);
        } else {
            tsign = Math.copySign(1.0, snr) * Math.copySign(1.0, snl) * Math.copySign(1.0, h);
        }
        out[0] = Math.copySign(ssmin, tsign * Math.copySign(1.0, f) * Math.copySign(1.0, h));
        out[1] = Math.copySign(ssmax, tsign);
        out[2] = snr;
        out[3] = csr;
        out[4] = snl;
        out[5] = csl;
    }

    /**
     * Eigendecomposition of the symmetric \(\begin{pmatrix} a &amp; b \\ b &amp; c \end{pmatrix}\)
     * (dlaev2): \(\lambda_1\) is the eigenvalue of larger absolute value, \((c_1, s_1)\) its unit
     * eigenvector, so that \(\begin{pmatrix} c_1 &amp; s_1 \\ -s_1 &amp; c_1 \end{pmatrix}\) diagonalizes
     * the matrix to \(\operatorname{diag}(\lambda_1, \lambda_2)\).
     *
     * @param a   entry (0, 0)
     * @param b   entry (0, 1) = (1, 0)
     * @param c   entry (1, 1)
     * @param out receives {@code rt1, rt2, cs1, sn1} at indices 0..3; overwritten
     */
    public static void symmetricEigen2x2(double a, double b, double c, double[] out) {
        double sm = a + c;
        double df = a - c;
        double adf = Math.abs(df);
        double tb = b + b;
        double ab = Math.abs(tb);
        double acmx;
        double acmn;
        if (Math.abs(a) > Math.abs(c)) {
            acmx = a;
            acmn = c;
        } else {
            acmx = c;
            acmn = a;
        }
        double rt;
        if (adf > ab) {
            rt = adf * Math.sqrt(1.0 + (ab / adf) * (ab / adf));
        } else if (adf < ab) {
            rt = ab * Math.sqrt(1.0 + (adf / ab) * (adf / ab));
        } else {
            rt = ab * Math.sqrt(2.0);
        }
        double rt1;
        double rt2;
        int sgn1;
        if (sm < 0.0) {
            rt1 = 0.5 * (sm - rt);
            sgn1 = -1;
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
        } else if (sm > 0.0) {
            rt1 = 0.5 * (sm + rt);
            sgn1 = 1;
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
        } else {
            rt1 = 0.5 * rt;
            rt2 = -0.5 * rt;
            sgn1 = 1;
        }
        int sgn2;
        double cs;
        if (df >= 0.0) {
            cs = df + rt;
            sgn2 = 1;
        } else {
            cs = df - rt;
            sgn2 = -1;
        }
        double acs = Math.abs(cs);
        double cs1;
        double sn1;
        if (acs > ab) {
            double ct = -tb / cs;
            sn1 = 1.0 / Math.sqrt(1.0 + ct * ct);
            cs1 = ct * sn1;
        } else if (ab == 0.0) {
            cs1 = 1.0;
            sn1 = 0.0;
        } else {
            double tn = -cs / tb;
            cs1 = 1.0 / Math.sqrt(1.0 + tn * tn);
            sn1 = tn * cs1;
        }
        if (sgn1 == sgn2) {
            double tn = cs1;
            cs1 = -sn1;
            sn1 = tn;
        }
        out[0] = rt1;
        out[1] = rt2;
        out[2] = cs1;
        out[3] = sn1;
    }

    /**
     * \(\sqrt{a^2 + b^2}\) without overflow or harmful underflow (LAPACK {@code dlapy2}); much
     * cheaper than {@link Math#hypot}, which the QL and divide-and-conquer loops would feel.
     *
     * @param a first value
     * @param b second value
     * @return the hypotenuse
     */
    public static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        double w = Math.max(x, y);
        double z = Math.min(x, y);
        if (z == 0.0 || w > 0x1.0p500 || z < 0x1.0p-500) {
            return z == 0.0 ? w : w * Math.sqrt(1.0 + (z / w) * (z / w));
        }
        return Math.sqrt(x * x + y * y);
    }

    /**
     * Applies one rotation to columns \(p\) and \(q\): \(x \leftarrow c x + s y\), \(y \leftarrow c
     * y - s x\) (BLAS {@code drot} on columns).
     *
     * @param a    storage; overwritten
     * @param off  index of entry (0, 0)
     * @param ld   leading dimension
     * @param rows number of rows
     * @param p    column of \(x\)
     * @param q    column of \(y\)
     * @param c    cosine
     * @param s    sine
     */
    public static void rotateColumns(double[] a, int off, int ld, int rows, int p, int q, double c, double s) {
        int xp = off + p * ld;
        int yq = off + q * ld;
        for (int i = 0; i < rows; i++) {
            double x = a[xp + i];
            double y = a[yq + i];
            a[xp + i] = c * x + s * y;
            a[yq + i] = c * y - s * x;
        }
    }
}
