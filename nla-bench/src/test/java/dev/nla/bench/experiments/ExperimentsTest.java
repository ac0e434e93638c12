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

    @Test
    void randnlaGroupSelectsTheLowRankAndSolverExperimentsInOrder() {
        assertThat(Experiments.select("randnla").orElseThrow())
                .extracting(Experiment::name)
                .containsExactly("randnla-lowrank", "randnla-solvers");
    }

    @Test
    void selectOfAnExperimentNameIsThatExperimentAlone() {
        assertThat(Experiments.select("gemm-scaling").orElseThrow())
                .singleElement()
                .isInstanceOf(GemmScalingExperiment.class);
    }

    @Test
    void selectOfAnUnknownNameIsEmpty() {
        assertThat(Experiments.select("nope")).isEmpty();
    }

    @Test
    void registeredGroupsPassValidation() {
        Experiments.validateGroups(Experiments.groups(), Experiments.all());
        assertThat(Experiments.groups()).extracting(Experiments.Group::name).contains("randnla");
    }

    @Test
    void groupWithAnUnknownMemberIsRejected() {
        List<Experiments.Group> groups = List.of(new Experiments.Group("g", "test", List.of("a-b", "c")));
        assertThatThrownBy(() -> Experiments.validateGroups(groups, List.of(named("a-b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c'");
    }

    @Test
    void groupNamedLikeAnExperimentIsRejected() {
        List<Experiments.Group> groups = List.of(new Experiments.Group("a-b", "test", List.of("a-b")));
        assertThatThrownBy(() -> Experiments.validateGroups(groups, List.of(named("a-b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already taken");
    }

    @Test
    void emptyGroupIsRejected() {
        assertThatThrownBy(() -> new Experiments.Group("g", "test", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'g'");
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
