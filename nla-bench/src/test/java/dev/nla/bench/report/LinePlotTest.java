package dev.nla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    private static LinePlot sample() {
        return new LinePlot("GEMM", "n", "GFLOP/s")
                .size(640, 400)
                .xScale(LinePlot.AxisScale.LOG2)
                .series("vector", new double[] {64, 128, 256}, new double[] {10, 20, 30})
                .series("naive", new double[] {64, 128}, new double[] {3, 2.5});
    }

    @Test
    void savesAReadablePngOfTheRequestedSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plot.png");
        sample().savePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(640, 400);
    }

    @Test
    void logLogScatterPlotIsReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scatter.png");
        new LinePlot("decay", "index", "sigma")
                .xScale(LinePlot.AxisScale.LOG10)
                .yScale(LinePlot.AxisScale.LOG10)
                .scatter()
                .series("s", new double[] {1, 10, 100}, new double[] {1, 1e-3, 1e-9})
                .savePng(file);
        assertThat(ImageIO.read(file.toFile())).isNotNull();
    }

    @Test
    void log2AxisStartsAtTheWholePowerBelowTheData() {
        assertThat(sample().toChart().getStyler().getXAxisMin()).isEqualTo(6.0);
    }

    @Test
    void log2TicksAtWholePowersShowTheirValues() {
        assertThat(new String[] {
                    LinePlot.powerOfTwoLabel(7.0), LinePlot.powerOfTwoLabel(-1.0), LinePlot.powerOfTwoLabel(70.0)
                })
                .containsExactly("128", "0.5", "2^70");
    }

    @Test
    void log2TicksBetweenPowersAreBlank() {
        assertThat(LinePlot.powerOfTwoLabel(6.5)).isBlank();
    }

    @Test
    void nonPositiveValueOnLogAxisIsRejected() {
        LinePlot p = new LinePlot("t", "x", "y").yScale(LinePlot.AxisScale.LOG10);
        assertThatThrownBy(() -> p.series("s", new double[] {1, 2}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y[1]");
    }

    @Test
    void switchingToLogAxisRechecksExistingSeries() {
        LinePlot p = new LinePlot("t", "x", "y").series("s", new double[] {0, 1}, new double[] {1, 2});
        assertThatThrownBy(() -> p.xScale(LinePlot.AxisScale.LOG2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x[0]");
    }

    @Test
    void nanIsRejected() {
        assertThatThrownBy(() -> new LinePlot("t", "x", "y").series("s", new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> new LinePlot("t", "x", "y").series("s", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 and 1");
    }

    @Test
    void emptyPlotCannotBeSaved(@TempDir Path dir) {
        LinePlot p = new LinePlot("t", "x", "y");
        assertThatThrownBy(() -> p.savePng(dir.resolve("x.png"))).isInstanceOf(IllegalStateException.class);
    }
}
