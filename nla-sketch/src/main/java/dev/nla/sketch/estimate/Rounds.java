package dev.nla.sketch.estimate;

import java.util.ArrayList;
import java.util.List;

/** The history of an adaptive estimator: one estimate per round. */
final class Rounds {
    private final List<TraceEstimate> estimates = new ArrayList<>();

    void add(TraceEstimate e) {
        estimates.add(e);
    }

    AdaptiveTraceEstimate result(boolean converged) {
        int r = estimates.size();
        double[] t = new double[r];
        double[] err = new double[r];
        long[] mv = new long[r];
        for (int i = 0; i < r; i++) {
            t[i] = estimates.get(i).trace();
            err[i] = estimates.get(i).errorEstimate();
            mv[i] = estimates.get(i).matvecs();
        }
        return new AdaptiveTraceEstimate(estimates.get(r - 1), converged, t, err, mv);
    }
}
