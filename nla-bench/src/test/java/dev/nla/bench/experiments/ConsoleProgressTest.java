package dev.nla.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    /** A clock that advances by one second on every reading. */
    private static final class SteppingClock implements java.util.function.LongSupplier {
        private long now;

        @Override
        public long getAsLong() {
            long t = now;
            now += 1_000_000_000L;
            return t;
        }
    }

    @Test
    void linesModePrintsFirstLastAndEveryIntervalOnly() {
        StringWriter sw = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(sw), false, Duration.ofSeconds(3), new SteppingClock());
        p.start("task", 5);
        for (int i = 1; i <= 5; i++) {
            p.step("s" + i);
        }
        p.finish();
        assertThat(sw.toString().lines())
                .containsExactly(
                        "task: started, 5 steps",
                        "task: 1/5 (20%) s1, 1.0 s elapsed, about 4.0 s left",
                        "task: 4/5 (80%) s4, 4.0 s elapsed, about 1.0 s left",
                        "task: 5/5 (100%) s5, 5.0 s elapsed",
                        "task: finished 5/5 steps in 6.0 s");
    }

    @Test
    void barModeRedrawsInPlace() {
        StringWriter sw = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(sw), true, Duration.ZERO, new SteppingClock());
        p.start("t", 2);
        p.step("a");
        assertThat(sw.toString()).startsWith("\rt [###############...............] 1/2 a");
    }

    @Test
    void barModeClearsTheBarWhenFinished() {
        StringWriter sw = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(sw), true, Duration.ZERO, new SteppingClock());
        p.start("t", 1);
        p.step("a");
        p.finish();
        assertThat(sw.toString()).endsWith("\rt: finished 1/1 steps in 2.0 s" + System.lineSeparator());
    }

    @Test
    void silentPrintsNothingButStillValidates() {
        assertThatThrownBy(() -> Progress.silent().start("t", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longDurationsUseMinutes() {
        assertThat(ConsoleProgress.seconds(125_000_000_000L)).isEqualTo("2 min 05 s");
    }
}
