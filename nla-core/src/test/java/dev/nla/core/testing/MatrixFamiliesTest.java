package dev.nla.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.testing.MatrixFamilies.Case;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated families: deterministic, complete, within the size limits, with their structure. */
class MatrixFamiliesTest {
    @Test
    void sameSeedGivesTheSameMatrices() {
        List<Case> a = MatrixFamilies.general(40, 100, 5L);
        List<Case> b = MatrixFamilies.general(40, 100, 5L);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).matrix().toColumnMajorArray())
                    .isEqualTo(a.get(i).matrix().toColumnMajorArray());
        }
    }

    @Test
    void generalStartsWithTheEdgeShapes() {
        List<Case> cases = MatrixFamilies.general(10, 50, 1L);
        assertThat(cases.subList(0, 6))
                .extracting(c -> c.matrix().rows() + "x" + c.matrix().cols())
                .containsExactly("0x0", "0x5", "5x0", "1x1", "1x7", "7x1");
    }

    @Test
    void generalCoversEveryFamilyOfTheAcceptance() {
        List<Case> cases = MatrixFamilies.general(120, 300, 2L);
        for (String family : new String[] {
            "zero",
            "gaussian",
            "geometric",
            "polynomial",
            "rank-deficient",
            "kahan",
            "graded",
            "repeated",
            "scaled",
            "constant",
            "clustered"
        }) {
            assertThat(cases).as(family).anyMatch(c -> c.name().contains(" " + family));
        }
    }

    @Test
    void generalStaysWithinTheLargestDimension() {
        assertThat(MatrixFamilies.general(300, 120, 3L))
                .allMatch(c -> c.matrix().rows() <= 120 && c.matrix().cols() <= 120);
    }

    @Test
    void symmetricCasesAreExactlySymmetric() {
        for (Case c : MatrixFamilies.symmetric(60, 80, 4L)) {
            assertThat(c.matrix().toColumnMajorArray())
                    .as(c.name())
                    .isEqualTo(c.matrix().transpose().toColumnMajorArray());
        }
    }

    @Test
    void tallSkinnyCasesAreTall() {
        assertThat(MatrixFamilies.tallSkinny(60, 1e6, 6L))
                .allMatch(c -> c.matrix().rows() >= c.matrix().cols());
    }
}
