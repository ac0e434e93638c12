package dev.nla.sketch.lowrank;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * Single-pass (streaming) randomized SVD from three linear sketches [TYUC 2019, Alg. 2 and 7], with
 * an a-posteriori error estimate from a fourth [TYUC 2019, §6].
 *
 * <p><b>Sketches.</b> For \(A \in \mathbb{R}^{m \times n}\) and independent dimension-reduction maps
 * \(\Omega \in \mathbb{R}^{n \times k}\), \(\Upsilon \in \mathbb{R}^{k \times m}\), \(\Phi \in
 * \mathbb{R}^{s \times m}\), \(\Psi \in \mathbb{R}^{s \times n}\) and a Gaussian \(\Theta \in
 * \mathbb{R}^{q \times m}\):
 * \[ Y = A\Omega,\quad X = \Upsilon A,\quad Z = \Phi A\Psi^{\mathsf T},\quad W = \Theta A. \]
 * All four are linear in \(A\), so a {@link StreamingSketch} absorbs updates \(A \leftarrow \theta A +
 * \eta H\), and blocks of rows or columns as they arrive, without ever storing \(A\): memory
 * \(k(m + n) + s^2 + qn\).
 *
 * <p><b>Reconstruction.</b> \(Q = \operatorname{orth}(Y)\), \(P = \operatorname{orth}(X^{\mathsf
 * T})\), \(C = (\Phi Q)^{\dagger}Z((\Psi P)^{\dagger})^{\mathsf T}\) (\(k \times k\), by two small QR
 * least-squares solves), \(\hat A = QCP^{\mathsf T}\), and the rank-\(r\) output \(Q[\![C]\!]_rP^{\mathsf
 * T}\) as an SVD.
 *
 * <p><b>Guarantee</b> (Gaussian maps) [TYUC 2019, Thm 5.1]: \(\mathbb{E}\|A - \hat A\|_F^2 \le
 * \frac{s - 1}{s - k - 1}\min_{\varrho \lt k - 1}\frac{k + \varrho - 1}{k - \varrho - 1}\sum_{j \gt
 * \varrho}\sigma_j^2\); with the default \(k = 4r + 1\), \(s = 2k + 1\) and \(\varrho = r\) this is
 * \(\frac{10}{3}\sum_{j \gt r}\sigma_j^2\). The rank-\(r\) truncation adds at most the optimal error
 * again: \(\|A - [\![\hat A]\!]_r\|_F \le \sigma\text{-tail}_r + 2\|A - \hat A\|_F\) [TYUC 2017,
 * Prop. 6.1].
 *
 * <p><b>Error estimate</b> [TYUC 2019, §6]: \(\widehat{\mathrm{err}} = \|W - \Theta\hat A\|_F\) with
 * \(\Theta\) scaled so that \(\mathbb{E}[\Theta^{\mathsf T}\Theta] = I\) is an unbiased estimate of
 * \(\|A - \hat A\|_F^2\) when squared. For an error of rank one, \(q\,\widehat{\mathrm{err}}^2/\|A -
 * \hat A\|_F^2\) is \(\chi^2_q\), the most dispersed case; {@link StreamingSketch#errorInterval}
 * inverts its quantiles (Wilson–Hilferty approximation) for a confidence interval.
 */
public final class StreamingSvd {
    private final StreamingSvdOptions options;

    /**
     * The algorithm.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public StreamingSvd(StreamingSvdOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public StreamingSvdOptions options() {
        return options;
    }

    /**
     * An empty sketch of an \(m \times n\) matrix (all sketches zero, as for \(A = 0\)), to be fed by
     * updates. \(k\) and \(s\) are capped at \(\min(m, n)\). The maps are drawn from {@code
     * state.split(1)} to {@code state.split(5)} (\(\Omega, \Upsilon, \Phi, \Psi, \Theta\)); the
     * returned state is {@code state.split(6)}.
     *
     * @param rows  \(m \ge 1\)
     * @param cols  \(n \ge 1\)
     * @param state the random stream; not modified
     * @return the sketch and the state to use next
     * @throws NullPointerException       if {@code state} is null
     * @throws IllegalArgumentException   if a size is below 1 or \(r \gt \min(m, n)\)
     * @throws SizeLimitExceededException if a sketch would exceed the dense size limit
     */
    public Sampled<StreamingSketch> sketch(int rows, int cols, RngState state) {
        Objects.requireNonNull(state, "state");
        Require.positive("rows", rows);
        Require.positive("cols", cols);
        RandomizedSvd.checkRank(options.rank(), rows, cols);
        return new Sampled<>(new StreamingSketch(options, rows, cols, state), state.split(6));
    }

    /**
     * Sketches a whole matrix in one pass and reconstructs: {@code sketch(m, n, state)}, {@link
     * StreamingSketch#update(Matrix)}, {@link StreamingSketch#approximate()}.
     *
     * @param a     \(A\), \(m \times n\), dense or sparse; not modified; must be finite
     * @param state the random stream; not modified
     * @return the rank-\(r\) SVD with its error estimate, and the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(r \gt \min(m, n)\)
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    public Sampled<LowRankSvd> compute(Matrix a, RngState state) {
        Objects.requireNonNull(a, "a");
        Sampled<StreamingSketch> s = sketch(a.rows(), a.cols(), state);
        s.value().update(a);
        return new Sampled<>(s.value().approximate(), s.next());
    }

    @Override
    public String toString() {
        return "StreamingSvd" + options;
    }
}
