/**
 * Linear operators: {@link dev.nla.core.operator.LinearOperator}, an \(m \times n\) linear map that
 * acts on blocks of vectors, \(Y \leftarrow \operatorname{op}(A)X\), so that algorithms accept
 * explicit, structured and matrix-free inputs alike.
 *
 * <p>Implementations are package-private and made by the factories and combinators of {@code
 * LinearOperator}:
 *
 * <table>
 *   <caption>Operators, their action on a block \(X\) of \(k\) vectors, and the cost</caption>
 *   <tr><th>factory</th><th>action</th><th>cost per apply</th><th>temporaries</th></tr>
 *   <tr><td>{@code of(Matrix)}</td><td>\(AX\) by one GEMM</td><td>\(2mnk\) (dense),
 *       \(2\,\mathrm{nnz}\,k\) (sparse)</td><td>none</td></tr>
 *   <tr><td>{@code identity(n)}</td><td>\(X\)</td><td>\(nk\) copies</td><td>none</td></tr>
 *   <tr><td>{@code diagonal(d)}</td><td>\(d_i x_{ij}\)</td><td>\(nk\)</td><td>none</td></tr>
 *   <tr><td>{@code scale(alpha)}</td><td>\(\alpha AX\)</td><td>that of \(A\)</td><td>none</td></tr>
 *   <tr><td>{@code plus(B)}</td><td>\(AX + BX\)</td><td>both, plus \(mk\)</td><td>none (one
 *       \(m \times k\) if \(B\) cannot accumulate)</td></tr>
 *   <tr><td>{@code times(B)}</td><td>\(A(BX)\)</td><td>both</td><td>one \(p \times k\)</td></tr>
 *   <tr><td>{@code transpose()}</td><td>\(A^{\mathsf T}X\)</td><td>that of \(A\)</td><td>none</td></tr>
 *   <tr><td>{@code kronecker(A, B)}</td><td>\(\operatorname{vec}(BX_jA^{\mathsf T})\) per
 *       column</td><td>\(A\) on \(rk\) vectors and \(B\) on \(qk\) vectors (or \(A\) on \(sk\) and
 *       \(B\) on \(pk\))</td><td>one or three blocks</td></tr>
 *   <tr><td>{@code fromFunctions}</td><td>callbacks</td><td>that of the callbacks</td><td>none</td></tr>
 * </table>
 *
 * <p>Layer: above {@code matrix} and {@code blas}; used by every randomized algorithm in {@code
 * nla-sketch} and by the tensor solvers of {@code nla-tensor}.
 */
package dev.nla.core.operator;
