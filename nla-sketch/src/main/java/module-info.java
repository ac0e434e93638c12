/**
 * Sketching operators and the randomized numerical linear algebra built on them: range finders,
 * low-rank drivers, sketched least squares and trace estimators.
 */
module dev.nla.sketch {
    requires transitive dev.nla.core;
    requires static jdk.incubator.vector;

    exports dev.nla.sketch.operator;
    exports dev.nla.sketch.rangefinder;
    exports dev.nla.sketch.lowrank;
    exports dev.nla.sketch.solve;
    exports dev.nla.sketch.estimate;
}
