package dev.nla.tensor.problems.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiskIntersectionTest {
    private static final Disk UNIT = new Disk(0.0, 0.0, 1.0);

    @Test
    void triangleInsideTheDiskKeepsItsArea() {
        assertThat(DiskIntersection.area(UNIT, 0.1, 0.1, 0.5, 0.1, 0.1, 0.5)).isCloseTo(0.08, within(4 * Tolerances.U));
    }

    @Test
    void triangleOutsideTheDiskHasNoArea() {
        assertThat(DiskIntersection.area(UNIT, 2.0, 2.0, 3.0, 2.0, 2.0, 3.0)).isZero();
    }

    @Test
    void triangleNearTheDiskButOutsideHasExactlyZeroArea() {
        // Bounding boxes overlap, the nearest point (0.8, 0.8) is at distance 1.13 > 1.
        assertThat(DiskIntersection.area(UNIT, 0.8, 0.8, 2.0, 0.8, 0.8, 2.0)).isZero();
    }

    @Test
    void rightTriangleAtTheCentreCutsAQuarterDisk() {
        // Legs of length 2 along the axes: the disk cuts exactly the quarter disk, area pi/4.
        double area = DiskIntersection.area(UNIT, 0.0, 0.0, 2.0, 0.0, 0.0, 2.0);
        assertThat(area).isCloseTo(Math.PI / 4, within(10 * Tolerances.U));
    }

    @Test
    void orientationDoesNotMatter() {
        double ccw = DiskIntersection.area(UNIT, 0.3, -1.2, 1.4, 0.2, -0.9, 0.8);
        double cw = DiskIntersection.area(UNIT, 0.3, -1.2, -0.9, 0.8, 1.4, 0.2);
        assertThat(cw).isCloseTo(ccw, within(10 * Tolerances.U));
    }

    @Test
    void largeTriangleContainingTheDiskGivesTheDiskArea() {
        double area = DiskIntersection.area(UNIT, -10.0, -10.0, 10.0, -10.0, 0.0, 10.0);
        assertThat(area).isCloseTo(Math.PI, within(100 * Tolerances.U));
    }

    @Test
    void chordSegmentMatchesTheClosedForm() {
        // Triangle covering the half-plane y >= 1/2 near the disk: the circular segment above the
        // chord y = 1/2 has area r^2 (theta - sin theta)/2 with theta = 2 acos(1/2).
        double theta = 2 * Math.acos(0.5);
        double expected = 0.5 * (theta - Math.sin(theta));
        double area = DiskIntersection.area(UNIT, -5.0, 0.5, 5.0, 0.5, 0.0, 10.0);
        assertThat(area).isCloseTo(expected, within(100 * Tolerances.U));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 20, 64})
    void trianglesTilingTheDomainSumToTheDiskArea(int nx) {
        // Every point of the disk lies in exactly one triangle of the mesh (up to measure zero).
        StructuredTriangulation mesh = StructuredTriangulation.of(nx);
        Disk disk = new Disk(0.123, -0.31, 0.37);
        double sum = 0;
        int[] v = new int[3];
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            sum += DiskIntersection.area(
                    disk, mesh.x(v[0]), mesh.y(v[0]), mesh.x(v[1]), mesh.y(v[1]), mesh.x(v[2]), mesh.y(v[2]));
        }
        // Each term is exact to a few u (one atan2, a few products); 2 nx^2 terms.
        assertThat(sum).isCloseTo(disk.area(), within(Tolerances.gamma(20L * mesh.elementCount()) * disk.area()));
    }
}
