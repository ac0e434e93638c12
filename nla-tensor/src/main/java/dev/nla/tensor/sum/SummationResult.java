package dev.nla.tensor.sum;

import dev.nla.core.random.RngState;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Objects;

/**
 * The result of a Tucker summation.
 *
 * @param tensor      the rounded sum \(\tilde{\mathcal X} = [\![\mathcal C; U_1, \dots, U_d]\!]\) with
 *     orthonormal factors
 * @param diagnostics ranks, error estimates and the time split
 * @param next        the random state to pass to the next randomized call (fresh randomness per
 *     call); for the deterministic strategies the state that was passed in
 */
public record SummationResult(TuckerTensor tensor, SummationDiagnostics diagnostics, RngState next) {
    /**
     * Validates the components.
     *
     * @param tensor      the rounded sum
     * @param diagnostics the diagnostics
     * @param next        the next random state
     * @throws NullPointerException if a component is null
     */
    public SummationResult {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(next, "next");
    }
}
