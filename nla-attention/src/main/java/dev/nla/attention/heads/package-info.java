/**
 * Attention layers built from weight matrices, and the conversions between them (attention spec,
 * section 4): multi-head (MHA), multi-query (MQA) and grouped-query (GQA) attention ({@link
 * dev.nla.attention.heads.GroupedQueryAttention}), rotary position embeddings ({@link
 * dev.nla.attention.heads.Rope}), multi-head latent attention (MLA, {@link
 * dev.nla.attention.heads.LatentAttention}) with the absorbed and unabsorbed forward passes, and the
 * GQA/MHA to MLA conversions of {@link dev.nla.attention.heads.GqaToMla} (exact, joint weight SVD,
 * split weight SVDs, activation PCA).
 *
 * <p>Row convention: tokens are the rows of \(X \in \mathbb{R}^{n \times D}\); \(W_Q \in
 * \mathbb{R}^{D \times hd_h}\), \(W_K, W_V \in \mathbb{R}^{D \times gd_h}\), \(W_O \in \mathbb{R}^{hd_h
 * \times D}\); head \(i\) uses the key-value group \(\gamma(i) = \lfloor ig/h \rfloor\).
 */
package dev.nla.attention.heads;
