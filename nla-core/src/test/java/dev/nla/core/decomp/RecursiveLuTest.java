package dev.nla.core.decomp;

/** Runs the {@link Lu} contract on the pure-Java recursive LU. */
class RecursiveLuTest extends LuContract {
    @Override
    protected Lu create() {
        return Decompositions.lu();
    }
}
