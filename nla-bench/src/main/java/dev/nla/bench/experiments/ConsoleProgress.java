package dev.nla.bench.experiments;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/** The {@link Progress} implementations: silent, in-place bar, or periodic lines. */
final class ConsoleProgress implements Progress {
    static final Progress SILENT = new Progress() {
        @Override
        public void start(String task, int totalSteps) {
            if (totalSteps < 0) {
                throw new IllegalArgumentException("totalSteps must be non-negative, got " + totalSteps);
            }
        }

        @Override
        public void step(String label) {}

        @Override
        public void finish() {}
    };

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean inPlace;
    private final long intervalNanos;
    private final LongSupplier clock;

    private String task = "";
    private int total;
    private int done;
    private long startNanos;
    private long lastPrintNanos;
    private int lastWidth;

    ConsoleProgress(PrintWriter out, boolean inPlace, Duration interval, LongSupplier clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.inPlace = inPlace;
        this.intervalNanos = interval.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void start(String task, int totalSteps) {
        if (totalSteps < 0) {
            throw new IllegalArgumentException("totalSteps must be non-negative, got " + totalSteps);
        }
        this.task = Objects.requireNonNull(task, "task");
        this.total = totalSteps;
        this.done = 0;
        this.startNanos = clock.getAsLong();
        this.lastPrintNanos = startNanos;
        this.lastWidth = 0;
        if (!inPlace) {
            out.println(task + ": started, " + totalSteps + " steps");
            out.flush();
        }
    }

    @Override
    public synchronized void step(String label) {
        done++;
        long now = clock.getAsLong();
        if (inPlace) {
            String line = barLine(label, now);
            StringBuilder sb = new StringBuilder("\r").append(line);
            for (int i = line.length(); i < lastWidth; i++) {
                sb.append(' ');
            }
            lastWidth = line.length();
            out.print(sb);
            out.flush();
        } else if (done == 1 || done >= total || now - lastPrintNanos >= intervalNanos) {
            lastPrintNanos = now;
            out.println(String.format(
                    Locale.ROOT,
                    "%s: %d/%d (%d%%) %s, %s elapsed%s",
                    task,
                    done,
                    total,
                    percent(),
                    label,
                    seconds(now - startNanos),
                    eta(now)));
            out.flush();
        }
    }

    @Override
    public synchronized void finish() {
        long now = clock.getAsLong();
        if (inPlace && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
        }
        out.println(task + ": finished " + done + "/" + total + " steps in " + seconds(now - startNanos));
        out.flush();
        lastWidth = 0;
    }

    private String barLine(String label, long now) {
        int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, (long) BAR_WIDTH * done / total);
        return String.format(
                Locale.ROOT,
                "%s [%s%s] %d/%d %s%s",
                task,
                "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled),
                done,
                total,
                label,
                eta(now));
    }

    private int percent() {
        return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
    }

    private String eta(long now) {
        if (done == 0 || done >= total) {
            return "";
        }
        long perStep = (now - startNanos) / done;
        return ", about " + seconds(perStep * (total - done)) + " left";
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long total = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", total / 60, total % 60);
    }
}
