package dev.ecopulse.pypi.client.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.pypi.support.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimpleIndexTest {

    @Test
    void datesEachVersionByItsEarliestUpload() {
        List<Release> releases = SimpleIndex.read(Fixtures.read("simple/jaxlib.json"), "jaxlib").value();

        // jaxlib's wheels went up 95 s before the sdist
        assertThat(releases).containsExactly(
                new Release("0.4.35", Instant.parse("2024-10-22T21:14:07.116345Z"), false),
                new Release("0.4.36", Instant.parse("2024-12-05T22:31:55.001234Z"), false),
                new Release("0.4.38", Instant.parse("2024-12-17T19:08:41.440222Z"), false),
                new Release("0.5.0", Instant.parse("2025-01-17T17:41:56.780014Z"), false));
    }

    @Test
    void aReleaseIsYankedOnlyWhenEveryFileIs() {
        List<Release> releases = SimpleIndex.read(Fixtures.read("simple/chex.json"), "chex").value();

        assertThat(releases).filteredOn(Release::yanked).extracting(Release::version).containsExactly("0.1.83");
        assertThat(releases).extracting(Release::version).contains("0.1.85");
    }

    @Test
    void findsTheVersionInEveryKindOfFileName() {
        List<String> versions = List.of("1.0", "1.0.1", "2.4.0", "2.5.0rc1");

        assertThat(SimpleIndex.versionOf("pytorch_lightning-2.4.0-py3-none-any.whl", "pytorch-lightning", versions))
                .contains("2.4.0");
        assertThat(SimpleIndex.versionOf("pytorch-lightning-2.4.0.tar.gz", "pytorch-lightning", versions))
                .contains("2.4.0");
        assertThat(SimpleIndex.versionOf("PyTorch_Lightning-2.5.0rc1.tar.gz", "pytorch-lightning", versions))
                .contains("2.5.0rc1");
        assertThat(SimpleIndex.versionOf("tf-keras-1.0.1.zip", "tf-keras", versions)).contains("1.0.1");
        assertThat(SimpleIndex.versionOf("foo-1.0-py2.7.egg", "foo", versions)).contains("1.0");
        assertThat(SimpleIndex.versionOf("foo-1.0.win32.exe", "foo", versions)).contains("1.0");
        assertThat(SimpleIndex.versionOf("foo-1.0.1.tar.gz", "foo", List.of())).contains("1.0.1");
        assertThat(SimpleIndex.versionOf("foo-docs.txt", "foo", versions)).isEqualTo(Optional.empty());
        assertThat(SimpleIndex.versionOf("bar-1.0.tar.gz", "foo", versions)).isEqualTo(Optional.empty());
    }

    @Test
    void aFileWithoutAReadableUploadTimeMakesTheHistoryMissing() {
        String body = "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"foo\",\"files\":[{\"filename\":\"foo-1.0.tar.gz\","
                + "\"url\":\"https://files.example/foo-1.0.tar.gz\",\"hashes\":{},\"yanked\":false}]}";

        assertThat(SimpleIndex.read(body, "foo").missingReason())
                .isEqualTo("PyPI's Simple API lists a file without a readable filename, upload-time or yanked");
    }

    @Test
    void malformedPagesGiveReasons() {
        assertThat(SimpleIndex.read("<!DOCTYPE html><html><body><a href=\"#\">foo-1.0.tar.gz</a>", "foo")
                .missingReason()).isEqualTo("PyPI's Simple API answered malformed JSON");
        assertThat(SimpleIndex.read("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"foo\"}", "foo").missingReason())
                .isEqualTo("PyPI's Simple API answered a page without its files list");
        assertThat(SimpleIndex.read("{\"name\":\"foo\",\"files\":[{\"filename\":\"foo-1.0.tar.gz\",\"upload-time\":"
                + "\"2024-01-01T00:00:00Z\",\"yanked\":3}]}", "foo").value()).isNull();
    }
}
