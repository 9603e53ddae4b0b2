package dev.ecopulse.npm.client.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.npm.support.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistryDocumentsTest {

    static final String ONNX = Fixtures.read("registry/onnxruntime-web.json");

    @Test
    void readsTheLatestVersionItsDeprecationAndTheLicense() {
        PackageDocument doc = RegistryDocuments.read(ONNX);

        assertThat(doc.latestVersion().value()).isEqualTo("1.23.0");
        assertThat(doc.deprecated().value()).as("only 1.17.0 is deprecated").isFalse();
        assertThat(doc.license().value()).isEqualTo("MIT");
    }

    @Test
    void datesEveryListedVersionAndLeavesUnpublishedOnesOut() {
        PackageDocument doc = RegistryDocuments.read(ONNX);

        assertThat(doc.versions().value()).hasSize(13).extracting(PublishedVersion::version)
                .doesNotContain("1.20.2", "created", "modified");
        assertThat(doc.versions().value()).filteredOn(PublishedVersion::preRelease).hasSize(3);
        assertThat(doc.versions().value()).contains(
                new PublishedVersion("1.23.0", Instant.parse("2026-02-10T18:21:45.076Z")));
    }

    @Test
    void aDeprecatedLatestVersionIsDeprecated() {
        String body = ONNX.replace("\"latest\": \"1.23.0\"", "\"latest\": \"1.17.0\"");

        assertThat(RegistryDocuments.read(body).deprecated().value()).isTrue();
    }

    @Test
    void anEmptyDeprecationMessageIsNoDeprecation() {
        String body = ONNX.replace("Critical bug in WebGPU backend, please upgrade to 1.17.3", "")
                .replace("\"latest\": \"1.23.0\"", "\"latest\": \"1.17.0\"");

        assertThat(RegistryDocuments.read(body).deprecated().value()).isFalse();
    }

    @Test
    void readsTheLegacyLicenseObject() {
        String body = ONNX.replace("\"license\": \"MIT\",\n  \"homepage\"",
                "\"license\": {\"type\": \"BSD-3-Clause\", \"url\": \"https://x\"},\n  \"homepage\"");

        assertThat(RegistryDocuments.read(body).license().value()).isEqualTo("BSD-3-Clause");
    }

    @Test
    void aTruncatedDocumentIsUnreadableAsAWhole() {
        PackageDocument doc = RegistryDocuments.read(ONNX.substring(0, ONNX.length() / 2));

        assertThat(doc.readable()).isFalse();
        assertThat(doc.latestVersion().missingReason()).contains("not well-formed JSON");
    }

    @Test
    void aPaddedDocumentIsUnreadable() {
        assertThat(RegistryDocuments.read(ONNX + "{}").readable()).isFalse();
        assertThat(RegistryDocuments.read("<html>Service Unavailable</html>").readable()).isFalse();
    }

    @Test
    void aFullyUnpublishedPackageHasNoVersions() {
        String body = """
                {"_id": "gone", "name": "gone", "time": {"created": "2020-01-01T00:00:00.000Z",
                 "modified": "2021-01-01T00:00:00.000Z", "unpublished": {"time": "2021-01-01T00:00:00.000Z",
                 "versions": ["1.0.0"]}}}""";

        PackageDocument doc = RegistryDocuments.read(body);

        assertThat(doc.versions().missingReason()).contains("no published version");
        assertThat(doc.latestVersion().missingReason()).contains("dist-tags.latest");
    }

    @Test
    void buildMetadataIsNoPreRelease() {
        assertThat(new PublishedVersion("1.0.0+build.5", Instant.EPOCH).preRelease()).isFalse();
        assertThat(new PublishedVersion("1.0.0-beta+exp.sha.5114f85", Instant.EPOCH).preRelease()).isTrue();
    }
}
