package dev.ecopulse.pypi.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pep440Test {

    @Test
    void recognisesPreAndDevelopmentReleasesInEverySpelling() {
        for (String pre : new String[] {"2.0.0a1", "2.0.0b3", "2.0.0rc1", "1.0c1", "1.0.0-alpha.2", "1.0beta",
                "1.0.0.pre1", "1.0-preview", "0.5.0.dev20261101", "2.1.0.dev0+cu121", "1.0rc1.post1", "1!1.0a1"}) {
            assertThat(Pep440.isPreRelease(pre)).as(pre).isTrue();
        }
    }

    @Test
    void finalAndPostReleasesAreReleases() {
        for (String release : new String[] {"2.9.1", "0.2.8", "1.0.post1", "2.1.0+cu121", "2024.11.1", "1!2.0"}) {
            assertThat(Pep440.isPreRelease(release)).as(release).isFalse();
        }
    }
}
