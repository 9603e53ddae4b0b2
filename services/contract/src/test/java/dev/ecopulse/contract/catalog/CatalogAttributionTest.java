package dev.ecopulse.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Shares of a project across frameworks, companion packages, and the rules that keep both honest. */
class CatalogAttributionTest {

    // the project entry starts at line 9
    private static final String TEMPLATE = """
            frameworks:
              - id: pytorch
                name: PyTorch
              - id: tensorflow
                name: TensorFlow
              - id: jax
                name: JAX
            projects:
              - id: shared
                name: Shared project
                frameworks: FRAMEWORKS
                pypi: [jax, jaxlib, jax-cuda]
                maven: [org.example:core, org.example:native]
                companions: COMPANIONS
            """;

    private static String catalog(String frameworks, String companions) {
        return TEMPLATE.replace("FRAMEWORKS", frameworks).replace("COMPANIONS", companions);
    }

    private static String shares(String frameworks) {
        return catalog(frameworks, "{}");
    }

    private static String companions(String companions) {
        return catalog("[jax]", companions);
    }

    @Test
    void aListOfFrameworksGivesEachAnEqualShare() {
        Project p = parse(shares("[pytorch, tensorflow]")).project("shared").orElseThrow();

        assertThat(p.attributionDeclared()).isFalse();
        assertThat(p.frameworks()).containsExactly("pytorch", "tensorflow");
        assertThat(p.share("pytorch")).isEqualTo(0.5);
        assertThat(p.share("tensorflow")).isEqualTo(0.5);
        assertThat(p.share("jax")).isZero();
    }

    @Test
    void aMappingGivesEachFrameworkItsDeclaredShareInCatalogOrder() {
        Project p = parse(shares("{tensorflow: 0.1, pytorch: 0.8, jax: 0.1}")).project("shared").orElseThrow();

        assertThat(p.attributionDeclared()).isTrue();
        assertThat(p.frameworks()).containsExactly("tensorflow", "pytorch", "jax");
        assertThat(p.share("pytorch")).isEqualTo(0.8);
        assertThat(p.share("jax")).isEqualTo(0.1);
    }

    @Test
    void sharesMayMissOneByRoundingOnly() {
        Project p = parse(shares("{pytorch: 0.3333333, tensorflow: 0.3333333, jax: 0.3333333}"))
                .project("shared").orElseThrow();
        assertThat(p.share("jax")).isCloseTo(1 / 3.0, within(1e-6));

        assertProblem(shares("{pytorch: 0.333333, tensorflow: 0.333333, jax: 0.333332}"),
                "line 9: project 'shared': the shares of its frameworks must add up to 1, got 0.999998");
    }

    @Test
    void refusesSharesThatDoNotAddUpToOne() {
        assertProblem(shares("{pytorch: 0.8, tensorflow: 0.1}"), "line 9: project 'shared': the shares of its"
                + " frameworks must add up to 1, got 0.9 (pytorch 0.8 + tensorflow 0.1)");
        assertProblem(shares("{pytorch: 0.8, tensorflow: 0.3}"), "must add up to 1, got 1.1");
    }

    @Test
    void refusesANegativeShare() {
        assertProblem(shares("{pytorch: 1.1, tensorflow: -0.1}"),
                "line 9: project 'shared': share of framework 'tensorflow' must be above 0 and at most 1, got -0.1");
    }

    @Test
    void refusesAShareAboveOne() {
        assertProblem(shares("{pytorch: 1.5}"),
                "line 9: project 'shared': share of framework 'pytorch' must be above 0 and at most 1, got 1.5");
    }

    @Test
    void refusesAZeroShareSayingTheFrameworkDoesNotBelong() {
        assertProblem(shares("{pytorch: 1, tensorflow: 0}"), "share of framework 'tensorflow' must be above 0 and"
                + " at most 1, got 0.0 (a framework with no share does not belong in the list)");
    }

    @Test
    void refusesASharesThatIsNotANumber() {
        assertProblem(shares("{pytorch: most, tensorflow: 0.1}"),
                "line 9: project 'shared': share of framework 'pytorch' must be a number, got 'most'");
        assertProblem(shares("{pytorch: '0.9', tensorflow: 0.1}"),
                "share of framework 'pytorch' must be a number, got '0.9'");
        assertProblem(shares("{pytorch: , tensorflow: 1}"), "share of framework 'pytorch' must be a number, got nothing");
    }

    @Test
    void refusesAnUnknownFrameworkInTheMapping() {
        assertProblem(shares("{pytorch: 0.5, paddle: 0.5}"),
                "line 9: project 'shared': unknown framework 'paddle' (known: jax, pytorch, tensorflow)");
    }

    @Test
    void refusesAFrameworkGivenTwiceInTheMappingNamingItsLine() {
        String twice = shares("\n      pytorch: 0.5\n      pytorch: 0.5");
        assertProblem(twice, "line 13: projects[0]: key 'pytorch' is given twice in one mapping");
    }

    @Test
    void refusesAFrameworkListedTwiceInTheList() {
        assertProblem(shares("[pytorch, pytorch]"), "line 9: project 'shared': framework 'pytorch' is listed twice");
    }

    @Test
    void refusesAnEmptyMapping() {
        assertProblem(shares("{}"), "line 9: project 'shared': 'frameworks' must name at least one framework");
    }

    @Test
    void refusesFrameworksThatAreNeitherListNorMappingAndStillReadsTheNextEntry() {
        String yaml = shares("pytorch") + """
                  - id: next
                    name: Next
                    frameworks: [tensorflw]
                    github: example/next
                """;
        CatalogException e = catchCatalogException(yaml);
        assertThat(e.problems()).contains("line 9: projects[0]: 'frameworks' must be a list of framework ids or a"
                + " mapping of framework id to share");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("project 'next': unknown framework"));
    }

    @Test
    void readsCompanionsOfBothRegistries() {
        Project p = parse(companions("{jaxlib: jax, jax-cuda: jax, org.example:native: org.example:core}"))
                .project("shared").orElseThrow();

        assertThat(p.companionOf("jaxlib")).contains("jax");
        assertThat(p.companionOf("org.example:native")).contains("org.example:core");
        assertThat(p.companionOf("jax")).isEmpty();
        assertThat(p.companions()).containsOnlyKeys("jaxlib", "jax-cuda", "org.example:native");
    }

    @Test
    void aProjectWithoutCompanionsHasNone() {
        Project p = parse(catalog("[jax]", "{}").replace("    companions: {}\n", "")).project("shared").orElseThrow();
        assertThat(p.companions()).isEmpty();
    }

    @Test
    void refusesACompanionThatIsNotOneOfTheProjectsPackages() {
        assertProblem(companions("{jaxlib-nightly: jax}"), "line 9: project 'shared': companion 'jaxlib-nightly': it"
                + " is not one of the project's packages (pypi: jax, jaxlib, jax-cuda; maven: org.example:core,"
                + " org.example:native; npm: none)");
    }

    @Test
    void pointsAtTheProjectsSpellingOfACompanion() {
        assertProblem(companions("{JaxLib: jax}"),
                "companion 'JaxLib': write 'jaxlib' as the project's 'pypi' list spells it");
    }

    @Test
    void refusesACompanionWhoseTargetIsNotInTheProject() {
        assertProblem(companions("{jaxlib: numpy}"), "line 9: project 'shared': companion 'jaxlib': its target"
                + " 'numpy' is not a pypi package of the project (pypi: jax, jaxlib, jax-cuda); companions stay within"
                + " one registry");
    }

    @Test
    void refusesACompanionWhoseTargetIsInTheOtherRegistry() {
        assertProblem(companions("{org.example:native: jax}"), "companion 'org.example:native': its target 'jax' is"
                + " not a maven package of the project (maven: org.example:core, org.example:native)");
    }

    @Test
    void refusesACompanionWithoutTarget() {
        assertProblem(companions("{jaxlib: }"),
                "companion 'jaxlib': name the pypi package of the project it is installed with");
    }

    @Test
    void refusesAPackageThatIsItsOwnCompanion() {
        assertProblem(companions("{jax: jax}"), "line 9: project 'shared': companion 'jax': a package cannot be its"
                + " own companion");
        assertProblem(companions("{jaxlib: JaxLib}"), "companion 'jaxlib': a package cannot be its own companion");
    }

    @Test
    void refusesAChainOfCompanions() {
        assertProblem(companions("{jax-cuda: jaxlib, jaxlib: jax}"), "line 9: project 'shared': companion"
                + " 'jax-cuda': its target 'jaxlib' is itself a companion (of 'jax'); name the package that carries"
                + " the count instead");
    }

    @Test
    void refusesACompanionListedTwice() {
        assertProblem(companions("\n      jaxlib: jax\n      jaxlib: jax-cuda"),
                "line 16: projects[0]: key 'jaxlib' is given twice in one mapping");
    }

    @Test
    void refusesCompanionsThatAreNotAMapping() {
        assertProblem(companions("[jaxlib, jax]"), "line 9: projects[0]: 'companions': Cannot deserialize");
    }

    private static Catalog parse(String yaml) {
        return CatalogLoader.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static CatalogException catchCatalogException(String yaml) {
        try {
            parse(yaml);
        } catch (CatalogException e) {
            return e;
        }
        throw new AssertionError("catalog was accepted:\n" + yaml);
    }

    private static void assertProblem(String yaml, String expected) {
        assertThat(catchCatalogException(yaml).problems()).anySatisfy(p -> assertThat(p).contains(expected));
    }
}
