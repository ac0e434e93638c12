package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaneRotationsTest {
    @ParameterizedTest
    @CsvSource({"3,4", "-3,4", "0,2", "2,0", "1e-200,1e-200", "1e200,-3e200", "-1,1e-30"})
    void rotationAnnihilatesTheSecondComponent(double f, double g) {
        double[] out = new double[3];
        PlaneRotations.rotation(f, g, out);
        double c = out[0];
        double s = out[1];
        double r = out[2];
        assertThat(c * c + s * s).isCloseTo(1.0, within(4e-16));
        double scale = Math.max(Math.abs(f), Math.abs(g));
        // -s f + c g = 0 and c f + s g = r, each to a few ulps of the scale
        assertThat((-s * (f / scale) + c * (g / scale))).isCloseTo(0.0, within(4e-16));
        assertThat((c * (f / scale) + s * (g / scale))).isCloseTo(r / scale, within(4e-16));
        if (f != 0.0) {
            assertThat(c).isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({"3,1,2", "1,1e8,1", "1e-9,1,1e-9", "-2,0.5,3", "0,1,1", "4,3,0", "1,0,1"})
    void svd2x2ReproducesTheTriangle(double f, double g, double h) {
        double[] o = new double[6];
        PlaneRotations.svd2x2(f, g, h, o);
        double ssmin = o[0];
        double ssmax = o[1];
        double snr = o[2];
        double csr = o[3];
        double snl = o[4];
        double csl = o[5];
        // [csl snl; -snl csl] [f g; 0 h] [csr -snr; snr csr] = diag(ssmax, ssmin)
        double a11 = csl * f;
        double a12 = csl * g + snl * h;
        double a21 = -snl * f;
        double a22 = -snl * g + csl * h;
        double b11 = a11 * csr + a12 * snr;
        double b12 = -a11 * snr + a12 * csr;
        double b21 = a21 * csr + a22 * snr;
        double b22 = -a21 * snr + a22 * csr;
        double scale = Math.max(Math.abs(f), Math.max(Math.abs(g), Math.abs(h)));
        assertThat(b11).isCloseTo(ssmax, within(1e-15 * scale));
        assertThat(b22).isCloseTo(ssmin, within(1e-15 * scale));
        assertThat(b12).isCloseTo(0.0, within(1e-15 * scale));
        assertThat(b21).isCloseTo(0.0, within(1e-15 * scale));
        assertThat(Math.abs(ssmax)).isGreaterThanOrEqualTo(Math.abs(ssmin));
        // relative accuracy of the small value: |ssmin ssmax| = |f h|
        assertThat(Math.abs(ssmin * ssmax)).isCloseTo(Math.abs(f * h), within(4e-16 * Math.abs(f * h) + 1e-300));
    }

    @ParameterizedTest
    @CsvSource({"3,1,2", "1,1e8,1", "1e-9,1,1e-9", "-2,0.5,3", "5,0,-5", "0,0,0", "1,2,1"})
    void singularValues2x2AgreeWithTheFullRoutine(double f, double g, double h) {
        double[] o = new double[6];
        PlaneRotations.svd2x2(f, g, h, o);
        double[] v = new double[2];
        PlaneRotations.singularValues2x2(f, g, h, v);
        double scale = Math.max(1e-300, Math.abs(o[1]));
        assertThat(v[1]).isCloseTo(Math.abs(o[1]), within(4e-16 * scale));
        assertThat(v[0]).isCloseTo(Math.abs(o[0]), within(4e-16 * scale));
    }

    @ParameterizedTest
    @CsvSource({"2,1,3", "1,0,1", "-4,2,1", "1e-3,1e3,-1e-3", "0,0,0", "5,1e-20,5"})
    void symmetricEigen2x2Diagonalizes(double a, double b, double c) {
        double[] o = new double[4];
        PlaneRotations.symmetricEigen2x2(a, b, c, o);
        double rt1 = o[0];
        double rt2 = o[1];
        double cs = o[2];
        double sn = o[3];
        // [cs sn; -sn cs] [a b; b c] [cs -sn; sn cs] = diag(rt1, rt2)
        double m11 = cs * (cs * a + sn * b) + sn * (cs * b + sn * c);
        double m12 = cs * (-sn * a + cs * b) + sn * (-sn * b + cs * c);
        double m22 = -sn * (-sn * a + cs * b) + cs * (-sn * b + cs * c);
        double scale = Math.max(1e-300, Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c))));
        assertThat(m11).isCloseTo(rt1, within(1e-15 * scale));
        assertThat(m22).isCloseTo(rt2, within(1e-15 * scale));
        assertThat(m12).isCloseTo(0.0, within(1e-15 * scale));
        assertThat(Math.abs(rt1)).isGreaterThanOrEqualTo(Math.abs(rt2));
    }
}
