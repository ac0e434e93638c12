package dev.nla.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.bench.experiments.core.GemmScalingExperiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentsTest {
    @Test
    void registryFindsDecompAccuracy() {
        assertThat(Experiments.find("decomp-accuracy"))
                .get()
                .isInstanceOf(dev.nla.bench.experiments.core.DecompAccuracyExperiment.class);
    }

    @Test
    void registryFindsGemmScaling() {
        assertThat(Experiments.find("gemm-scaling")).get().isInstanceOf(GemmScalingExperiment.class);
    }

    @Test
    void unknownNameIsEmpty() {
        assertThat(Experiments.find("nope")).isEmpty();
    }

    @Test
    void namesFollowRegistryOrder() {
        assertThat(Experiments.names()).startsWith("gemm-scaling");
    }

    @Test
    void registeredExperimentsPassValidation() {
        Experiments.validate(Experiments.all());
        assertThat(Experiments.all()).isNotEmpty();
    }

    @Test
    void malformedNameIsRejected() {
        assertThatThrownBy(() -> Experiments.validate(List.of(named("Gemm_Scaling"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Gemm_Scaling");
    }

    @Test
    void reservedNameAllIsRejected() {
        assertThatThrownBy(() -> Experiments.validate(List.of(named("all"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> Experiments.validate(List.of(named("a-b"), named("a-b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a-b'");
    }

    private static Experiment named(String name) {
        return new Experiment() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public void run(ExperimentContext context) {}
        };
    }
}
