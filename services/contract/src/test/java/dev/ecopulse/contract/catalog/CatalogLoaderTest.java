package dev.ecopulse.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

    private static final String VALID = """
            frameworks:
              - id: pytorch
                name: PyTorch
                homepage: https://pytorch.org
            projects:
              - id: torch
                name: PyTorch core
                frameworks: [pytorch]
                github: pytorch/pytorch
                pypi: [torch]
                maven: [org.pytorch:pytorch_android]
            """;

    @Test
    void defaultCatalogCoversTheMainFrameworksWithFiveToThirteenProjectsEach() {
        Catalog catalog = CatalogLoader.loadDefault();

        Set<String> ids = catalog.frameworks().stream().map(Framework::id).collect(Collectors.toSet());
        assertThat(ids).contains("pytorch", "tensorflow", "jax", "keras", "paddlepaddle", "mxnet");
        for (Framework framework : catalog.frameworks()) {
            assertThat(catalog.projectsOf(framework.id())).as(framework.id()).hasSizeBetween(5, 13);
        }
    }

    @Test
    void defaultCatalogGivesEveryFrameworkItsModelQuestionAndResearchSubjects() {
        Catalog catalog = CatalogLoader.loadDefault();

        for (Framework framework : catalog.frameworks()) {
            assertThat(framework.huggingface()).as(framework.id()).isNotEmpty();
            assertThat(framework.stackoverflow()).as(framework.id()).isNotEmpty();
            assertThat(framework.research()).as(framework.id()).isNotBlank();
        }
        assertThat(catalog.framework("tensorflow").orElseThrow().huggingface()).containsExactly("tf");
        assertThat(catalog.project("tfjs").orElseThrow().npm()).contains("@tensorflow/tfjs");
        assertThat(catalog.project("tfjs").orElseThrow().companionOf("@tensorflow/tfjs-node"))
                .contains("@tensorflow/tfjs");
    }

    @Test
    void readsFrameworkLevelSubjectsAndNpmPackages() {
        Catalog catalog = parse("""
                frameworks:
                  - id: pytorch
                    name: PyTorch
                    huggingface: [pytorch]
                    stackoverflow: [pytorch, torchvision]
                    research: '"PyTorch"'
                projects:
                  - id: transformers-js
                    name: Transformers.js
                    frameworks: [pytorch]
                    npm: ['@huggingface/transformers']
                """);

        Framework pytorch = catalog.framework("pytorch").orElseThrow();
        assertThat(pytorch.huggingface()).containsExactly("pytorch");
        assertThat(pytorch.stackoverflow()).containsExactly("pytorch", "torchvision");
        assertThat(pytorch.research()).isEqualTo("\"PyTorch\"");
        assertThat(catalog.project("transformers-js").orElseThrow().npm()).containsExactly("@huggingface/transformers");
    }

    @Test
    void refusesMalformedTagsATagOfTwoFrameworksAndMalformedNpmNames() {
        assertThatThrownBy(() -> parse("""
                frameworks:
                  - id: pytorch
                    name: PyTorch
                    huggingface: [pytorch]
                    stackoverflow: [PyTorch Tag]
                    research: ''
                  - id: tensorflow
                    name: TensorFlow
                    huggingface: [pytorch]
                projects:
                  - id: tfjs
                    name: TensorFlow.js
                    frameworks: [tensorflow]
                    npm: ['@TensorFlow/tfjs', 'onnxruntime-web', 'onnxruntime-web']
                """))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).problems()).containsExactlyInAnyOrder(
                        "line 2: framework 'pytorch': malformed stackoverflow tag 'PyTorch Tag' (expected a Stack"
                                + " Overflow tag: lower case letters, digits and . + # -, at most 35 characters)",
                        "line 2: framework 'pytorch': 'research' must be an OpenAlex search of 1 to 300 characters,"
                                + " got 0",
                        "line 7: framework 'tensorflow': huggingface tag 'pytorch' is already used by framework"
                                + " 'pytorch'",
                        "line 11: project 'tfjs': malformed npm coordinate '@TensorFlow/tfjs' (expected an npm"
                                + " package name: lower case, 'name' or '@scope/name')",
                        "line 11: project 'tfjs': npm 'onnxruntime-web' is listed twice"));
    }

    @Test
    void readsEveryFieldOfAValidCatalog() {
        Catalog catalog = parse(VALID);

        Project torch = catalog.project("torch").orElseThrow();
        assertThat(torch.frameworks()).containsExactly("pytorch");
        assertThat(torch.github()).isEqualTo("pytorch/pytorch");
        assertThat(torch.pypi()).containsExactly("torch");
        assertThat(torch.maven()).containsExactly("org.pytorch:pytorch_android");
        assertThat(catalog.framework("pytorch").orElseThrow().homepage()).isEqualTo("https://pytorch.org");
    }

    @Test
    void namesEveryProblemOfAnInvalidCatalogWithItsLine() {
        Path file = Path.of("src/test/resources/catalogs/invalid.yaml");

        assertThatThrownBy(() -> CatalogLoader.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("invalid.yaml")
                .satisfies(e -> assertThat(((CatalogException) e).problems()).containsExactlyInAnyOrder(
                        "line 4: framework 'pytorch': duplicate id 'pytorch' (first used at line 2)",
                        "line 7: project 'torch': unknown framework 'tensorflw' (known: pytorch)",
                        "line 11: project 'vision': malformed maven coordinate 'org.pytorch-pytorch_android'"
                                + " (expected groupId:artifactId)"));
    }

    @Test
    void refusesAnIdThatBreaksTheIdRules() {
        assertProblem(VALID.replace("id: torch", "id: Torch_Core"), "line 6: project 'Torch_Core': id must match");
    }

    @Test
    void refusesAProjectIdThatIsAlreadyAFrameworkId() {
        assertProblem(VALID.replace("id: torch", "id: pytorch"), "duplicate id 'pytorch' (first used at line 2)");
    }

    @Test
    void refusesAMalformedGithubRepository() {
        assertProblem(VALID.replace("github: pytorch/pytorch", "github: pytorch"),
                "malformed github coordinate 'pytorch' (expected owner/name)");
    }

    @Test
    void refusesTheSamePackageInTwoProjectsEvenWhenSpelledDifferently() {
        String twice = VALID + """
                  - id: torch-nightly
                    name: PyTorch nightly
                    frameworks: [pytorch]
                    pypi: [Torch]
                """;
        assertProblem(twice, "line 12: project 'torch-nightly': pypi 'Torch' is already used by project 'torch'");
    }

    @Test
    void refusesAProjectWithoutAnyCoordinate() {
        assertProblem(VALID.replaceAll("(?m)^    (github|pypi|maven):.*\\n", ""),
                "needs at least one of 'github', 'pypi', 'maven'");
    }

    @Test
    void refusesUnknownKeysNamingTheLine() {
        assertProblem(VALID.replace("    pypi: [torch]", "    pipy: [torch]"), "line 6: projects[0]: unknown key 'pipy'");
    }

    @Test
    void refusesAWronglyTypedFieldAndStillReadsTheNextEntry() {
        String yaml = VALID.replace("frameworks: [pytorch]", "frameworks: {a: b}") + """
                  - id: vision
                    name: torchvision
                    frameworks: [tensorflw]
                    github: pytorch/vision
                """;
        CatalogException e = catchCatalogException(yaml);
        // a mapping is the shares format: a share that is not a number is refused, naming the entry
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .isEqualTo("line 6: project 'torch': share of framework 'a' must be a number, got 'b'"));
        // the entry after the broken one is still read, and its own problem reported
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown framework 'tensorflw'"));
    }

    @Test
    void refusesAWronglyTypedListAndStillReadsTheNextEntry() {
        String yaml = VALID.replace("pypi: [torch]", "pypi: {a: b}") + """
                  - id: vision
                    name: torchvision
                    frameworks: [tensorflw]
                    github: pytorch/vision
                """;
        CatalogException e = catchCatalogException(yaml);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("line 6: projects[0]: 'pypi': Cannot deserialize"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown framework 'tensorflw'"));
    }

    @Test
    void refusesAKeyGivenTwiceInAnEntryAndStillReadsTheNextEntry() {
        String yaml = VALID.replace("    github: pytorch/pytorch\n", "    github: pytorch/pytorch\n    name: Torch\n") + """
                  - id: vision
                    name: torchvision
                    frameworks: [tensorflw]
                    github: pytorch/vision
                """;
        CatalogException e = catchCatalogException(yaml);
        assertThat(e.problems()).contains("line 10: projects[0]: key 'name' is given twice in one mapping");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("project 'vision': unknown framework 'tensorflw'"));
    }

    @Test
    void refusesSomethingThatIsNotACatalog() {
        assertProblem("- just\n- a list\n", "the catalog must be a mapping");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> CatalogLoader.load(Path.of("does-not-exist.yaml")))
                .hasMessageContaining("does-not-exist.yaml")
                .hasMessageContaining("file not found");
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
