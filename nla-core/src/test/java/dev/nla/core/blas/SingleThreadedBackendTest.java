package dev.nla.core.blas;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/** {@link Backends#singleThreaded}: same kind, one thread, same bits; passes others through. */
class SingleThreadedBackendTest {
    private static DenseMatrix gemm(Backend backend) {
        DenseMatrix a = TestMatrices.gaussian(301, 101, RngState.seed(1));
        DenseMatrix b = TestMatrices.gaussian(203, 101, RngState.seed(2));
        DenseMatrix c = TestMatrices.gaussian(301, 203, RngState.seed(3));
        Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.1, a, b, 0.3, c);
        return c;
    }

    @Test
    void scalarBackendGetsAOneThreadScalarTwinWithTheSameBits() {
        Backend four = Backends.scalar(4);
        Backend serial = Backends.singleThreaded(four);
        assertThat(serial.name()).isEqualTo("scalar");
        assertThat(serial.threads()).isEqualTo(1);
        assertThatMatrix(gemm(serial)).isBitwiseEqualTo(gemm(four));
    }

    @Test
    void vectorBackendGetsAOneThreadVectorTwinWithTheSameBits() {
        assumeTrue(Backends.vectorAvailable(), "jdk.incubator.vector is not resolved");
        Backend two = Backends.vector(2);
        Backend serial = Backends.singleThreaded(two);
        assertThat(serial.name()).isEqualTo("vector");
        assertThat(serial.threads()).isEqualTo(1);
        assertThatMatrix(gemm(serial)).isBitwiseEqualTo(gemm(two));
    }

    @Test
    void aOneThreadBackendIsReturnedAsItIs() {
        Backend one = Backends.scalar(1);
        assertThat(Backends.singleThreaded(one)).isSameAs(one);
    }

    @Test
    void theTwinOfTheSameBackendIsCached() {
        Backend three = Backends.scalar(3);
        assertThat(Backends.singleThreaded(three)).isSameAs(Backends.singleThreaded(three));
    }

    @Test
    void aNativeBackendIsReturnedAsItIs() {
        assumeTrue(Backends.nativeAvailable(), "no native BLAS on this machine");
        Backend nativeBlas = Backends.nativeBlas();
        assertThat(Backends.singleThreaded(nativeBlas)).isSameAs(nativeBlas);
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> Backends.singleThreaded(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("backend");
    }
}
