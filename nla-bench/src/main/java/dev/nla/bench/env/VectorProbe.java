package dev.nla.bench.env;

import jdk.incubator.vector.DoubleVector;

/**
 * Reads the preferred vector species. This class links against {@code jdk.incubator.vector}, so
 * it is loaded (by name, through reflection) only after {@link Environment} has checked that the
 * module is resolved; otherwise loading it would fail with a {@link NoClassDefFoundError}.
 */
final class VectorProbe {
    private VectorProbe() {}

    /**
     * The preferred species for {@code double}, e.g. {@code Species[double, 4, S_256_BIT]}.
     *
     * @return the species' description
     */
    static String preferredDoubleSpecies() {
        return DoubleVector.SPECIES_PREFERRED.toString();
    }
}
