/**
 * The common vocabulary of attention methods: the {@link dev.nla.attention.Attention} interface
 * every method implements (exact ones in {@link dev.nla.attention.exact}, approximations in later
 * packages), masks, score scaling, input validation, the float32 matrix type and the registry of
 * methods by name.
 *
 * <p>Row convention throughout: queries \(Q \in \mathbb{R}^{n \times d}\), keys \(K \in
 * \mathbb{R}^{m \times d}\), values \(V \in \mathbb{R}^{m \times d_v}\), one token per row; the
 * output is \(O = \operatorname{softmax}_{\text{row}}(sQK^{\mathsf T} + M)\,V \in \mathbb{R}^{n
 * \times d_v}\) with the score scale \(s\) (default \(1/\sqrt d\)) and the mask \(M\) (\(0\) or
 * \(-\infty\) entries).
 */
package dev.nla.attention;
