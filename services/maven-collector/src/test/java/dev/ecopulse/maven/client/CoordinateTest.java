package dev.ecopulse.maven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoordinateTest {

    @Test
    void spellsTheArtifactForEachUpstream() {
        Coordinate djl = Coordinate.parse("ai.djl.pytorch:pytorch-engine");

        assertThat(djl.groupPath()).isEqualTo("ai/djl/pytorch");
        assertThat(djl.searchQuery()).isEqualTo("g:\"ai.djl.pytorch\" AND a:\"pytorch-engine\"");
        assertThat(djl).hasToString("ai.djl.pytorch:pytorch-engine");
    }

    @Test
    void refusesWhatIsNotGroupColonArtifact() {
        assertThatThrownBy(() -> Coordinate.parse("ai.djl:api:0.36.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinate.parse("ai.djl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinate.parse("a\"b:c")).isInstanceOf(IllegalArgumentException.class);
    }
}
