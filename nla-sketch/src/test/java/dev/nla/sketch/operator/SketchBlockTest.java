package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class SketchBlockTest {
    @Test
    void sampleReturnsTheParentsNextState() {
        SparseSignSketch parent = SparseSignSketch.of(10, 20);
        RngState state = RngState.seed(1);
        assertThat(new SketchBlock(parent, 1, 2, 3, 4).sample(state).next())
                .isEqualTo(parent.sample(state).next());
    }

    @Test
    void shapeIsTheBlocks() {
        assertThat(new SketchBlock(DenseSketch.gaussian(10, 20), 1, 2, 3, 4).shape())
                .isEqualTo(new dev.nla.core.matrix.Shape(3, 4));
    }

    @Test
    void rejectsABlockOutsideTheParent() {
        assertThatThrownBy(() -> new SketchBlock(DenseSketch.gaussian(10, 20), 8, 0, 3, 20))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("3x20 at (8, 0)")
                .hasMessageContaining("10x20");
    }

    @Test
    void rejectsANegativeOffset() {
        assertThatThrownBy(() -> new SketchBlock(DenseSketch.gaussian(10, 20), 0, -1, 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsANullParent() {
        assertThatThrownBy(() -> new SketchBlock(null, 0, 0, 1, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("parent");
    }
}
