/**
 * Attention as numerical linear algebra: exact softmax attention (dense, online softmax, KV-cache
 * decoding), multi-head, grouped-query and latent attention layers with the GQA/MHA to MLA
 * conversions, and the analysis of attention matrices (spectra, error metrics, cost counting,
 * synthetic inputs).
 */
module dev.nla.attention {
    requires transitive dev.nla.tensor;
    requires static jdk.incubator.vector;

    exports dev.nla.attention;
    exports dev.nla.attention.exact;
    exports dev.nla.attention.approx;
    //    exports dev.nla.attention.heads;
    exports dev.nla.attention.analysis;
}
