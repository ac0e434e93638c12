package dev.nla.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exception types: their JDK supertypes (the policy of ADR 0004), messages and accessors. */
class ExceptionsTest {
    @Test
    void argumentErrorsAreIllegalArgumentExceptions() {
        assertThat(new RuntimeException[] {
                    new DimensionMismatchException("m"),
                    new NonFiniteValueException("x", 1.0),
                    new SizeLimitExceededException("m"),
                    new MalformedInputException("m")
                })
                .allMatch(e -> e instanceof IllegalArgumentException);
    }

    @Test
    void numericalFailuresAreArithmeticExceptions() {
        assertThat(new RuntimeException[] {
                    new NotConvergedException("m", 3),
                    new SingularMatrixException("m"),
                    new NotPositiveDefiniteException("m")
                })
                .allMatch(e -> e instanceof ArithmeticException);
    }

    @Test
    void nonFiniteEntryCarriesItsPositionAndValue() {
        NonFiniteValueException e = new NonFiniteValueException("a", 3, 4, Double.NEGATIVE_INFINITY);
        assertThat(new Object[] {e.row(), e.col(), e.value(), e.getMessage()})
                .containsExactly(3, 4, Double.NEGATIVE_INFINITY, "a has a non-finite entry -Infinity at (3, 4)");
    }

    @Test
    void nonFiniteScalarHasNoPosition() {
        NonFiniteValueException e = new NonFiniteValueException("alpha", Double.NaN);
        assertThat(new Object[] {e.row(), e.col(), e.getMessage()})
                .containsExactly(-1, -1, "alpha must be finite, got NaN");
    }

    @Test
    void notConvergedCarriesTheIterationCount() {
        NotConvergedException e = new NotConvergedException("GMRES residual 1e-3 > tol 1e-8", 200);
        assertThat(new Object[] {e.iterations(), e.getMessage()})
                .containsExactly(200, "GMRES residual 1e-3 > tol 1e-8 (after 200 iterations)");
    }

    @Test
    void sizeLimitNamesRequestAndLimit() {
        assertThat(new SizeLimitExceededException("dense 10x10 matrix", 100, 50))
                .hasMessage("dense 10x10 matrix needs 100 elements, over the limit of 50");
    }

    @Test
    void malformedInputKeepsItsCause() {
        Exception cause = new java.io.EOFException("truncated");
        assertThat(new MalformedInputException("a.npy: header at byte 10", cause))
                .hasCause(cause);
    }
}
