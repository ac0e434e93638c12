package dev.nla.attention.analysis;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A deterministic flop and memory counter for attention methods: the methods report what they do,
 * and {@link #measure(Supplier)} collects the reports of one computation.
 *
 * <p><b>For callers</b> (tests, the cost experiments):
 *
 * <pre>{@code
 * Measured<DenseMatrix> r = CostCounter.measure(() -> attention.compute(q, k, v, mask));
 * long flops = r.cost().flops();
 * }</pre>
 *
 * <p><b>For methods</b>: fetch {@link #current()} once on the thread that called the method, then
 * report with {@link #addFlops}, {@link #addExps} (from any thread: the counts are sums of integers,
 * so their order does not matter) and {@link #allocate}/{@link #release} (from the calling thread
 * only, in program order, so the peak is deterministic; scratch space of parallel parts is declared
 * there before the parts start). When no measurement is running, {@link #current()} returns a
 * disabled counter whose methods do nothing; check {@link #enabled()} to skip computing counts.
 *
 * <p>The counts are exact functions of the problem (shapes, mask, options), never of timing or
 * thread count, so tests can gate on them (e.g. the log-log slope of flops against \(n\)).
 */
public final class CostCounter {
    private static final CostCounter DISABLED = new CostCounter(false);
    private static final ThreadLocal<CostCounter> CURRENT = new ThreadLocal<>();

    private final boolean enabled;
    private final AtomicLong flops = new AtomicLong();
    private final AtomicLong exps = new AtomicLong();
    private long live;
    private long peak;
    private long allocated;
    private long largest;

    private CostCounter(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The counter of the measurement running on the calling thread, or a disabled one.
     *
     * @return the counter to report to
     */
    public static CostCounter current() {
        CostCounter c = CURRENT.get();
        return c == null ? DISABLED : c;
    }

    /**
     * Runs {@code work} and returns its result with the counts it reported. Measurements nest: the
     * inner one's counts are also added to the outer one (its peak on top of the outer live memory).
     *
     * @param work the computation; its reports on this thread (and those it forwards from other
     *     threads through the counter it fetched) are collected
     * @param <T>  the result type
     * @return the result and its cost
     * @throws NullPointerException if {@code work} is null
     */
    public static <T> Measured<T> measure(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        CostCounter outer = CURRENT.get();
        CostCounter counter = new CostCounter(true);
        CURRENT.set(counter);
        T value;
        try {
            value = work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
        Cost cost = counter.snapshot();
        if (outer != null) {
            outer.absorb(cost);
        }
        return new Measured<>(value, cost);
    }

    /**
     * Whether reports are recorded.
     *
     * @return {@code false} for the disabled counter
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Adds floating-point operations; thread-safe.
     *
     * @param count number of flops, \(\ge 0\)
     */
    public void addFlops(long count) {
        if (enabled) {
            flops.addAndGet(count);
        }
    }

    /**
     * Adds exponential evaluations; thread-safe.
     *
     * @param count number of exponentials, \(\ge 0\)
     */
    public void addExps(long count) {
        if (enabled) {
            exps.addAndGet(count);
        }
    }

    /**
     * Records an allocation of {@code elements} array elements (call on the measuring thread).
     *
     * @param elements number of elements, \(\ge 0\)
     */
    public synchronized void allocate(long elements) {
        if (enabled) {
            live += elements;
            allocated += elements;
            peak = Math.max(peak, live);
            largest = Math.max(largest, elements);
        }
    }

    /**
     * Records that {@code elements} elements are no longer held (call on the measuring thread).
     *
     * @param elements number of elements, \(\ge 0\)
     */
    public synchronized void release(long elements) {
        if (enabled) {
            live -= elements;
        }
    }

    /**
     * The counts so far.
     *
     * @return the cost recorded by this counter
     */
    public synchronized Cost snapshot() {
        return new Cost(flops.get(), exps.get(), peak, allocated, largest);
    }

    private synchronized void absorb(Cost inner) {
        flops.addAndGet(inner.flops());
        exps.addAndGet(inner.exps());
        peak = Math.max(peak, live + inner.peakElements());
        allocated += inner.allocatedElements();
        largest = Math.max(largest, inner.largestArray());
    }
}
