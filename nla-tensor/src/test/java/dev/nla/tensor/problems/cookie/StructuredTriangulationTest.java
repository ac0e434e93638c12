package dev.nla.tensor.problems.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StructuredTriangulationTest {
    private final StructuredTriangulation mesh = StructuredTriangulation.of(40);

    @Test
    void defaultMeshHas1681Nodes() {
        assertThat(new int[] {mesh.nodeCount(), mesh.elementCount()}).containsExactly(1681, 3200);
    }

    @Test
    void boundaryHasFourNxNodes() {
        int count = 0;
        for (boolean b : mesh.boundaryMask()) {
            count += b ? 1 : 0;
        }
        assertThat(count).isEqualTo(160);
    }

    @Test
    void elementsAreCounterClockwiseWithAreaHalfHSquared() {
        int[] v = new int[3];
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            double twice = (mesh.x(v[1]) - mesh.x(v[0])) * (mesh.y(v[2]) - mesh.y(v[0]))
                    - (mesh.x(v[2]) - mesh.x(v[0])) * (mesh.y(v[1]) - mesh.y(v[0]));
            assertThat(0.5 * twice).isCloseTo(mesh.elementArea(), within(1e-14));
        }
    }

    @Test
    void elementNodesLieWithinTheHalfBandwidth() {
        int[] v = new int[3];
        int widest = 0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    widest = Math.max(widest, Math.abs(v[a] - v[b]));
                }
            }
        }
        assertThat(widest).isEqualTo(mesh.halfBandwidth());
    }

    @Test
    void cornersAreAtPlusMinusOne() {
        int last = mesh.node(40, 40);
        assertThat(new double[] {mesh.x(0), mesh.y(0), mesh.x(last), mesh.y(last)})
                .containsExactly(new double[] {-1, -1, 1, 1}, within(1e-15));
    }

    @Test
    void rejectsZeroCells() {
        assertThatThrownBy(() -> StructuredTriangulation.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nx")
                .hasMessageContaining("0");
    }

    @Test
    void rejectsNodeOutsideTheMesh() {
        assertThatThrownBy(() -> mesh.x(1681))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("1681");
    }
}
