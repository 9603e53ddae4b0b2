package dev.ecopulse.maven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataXmlTest {

    static final Coordinate TFLITE = new Coordinate("org.tensorflow", "tensorflow-lite");

    static final String REAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata>
              <groupId>org.tensorflow</groupId>
              <artifactId>tensorflow-lite</artifactId>
              <versioning>
                <latest>2.9.0</latest>
                <release>2.9.0</release>
                <versions>
                  <version>0.1.1</version>
                  <version>2.9.0</version>
                  <version>2.16.1</version>
                  <version>2.16.1</version>
                  <version> </version>
                </versions>
                <lastUpdated>20240308190237</lastUpdated>
              </versioning>
            </metadata>
            """;

    @Test
    void readsVersionsOnceEachReleaseAndLastUpdated() throws Exception {
        ArtifactMetadata metadata = MetadataXml.parse(REAL, TFLITE);

        assertThat(metadata.versions()).containsExactly("0.1.1", "2.9.0", "2.16.1");
        assertThat(metadata.release()).isEqualTo("2.9.0");
        assertThat(metadata.lastUpdatedAt()).isEqualTo(Instant.parse("2024-03-08T19:02:37Z"));
    }

    @Test
    void tellsAnAbsentVersionListFromAnEmptyOne() throws Exception {
        String noVersions = "<metadata><groupId>org.tensorflow</groupId><artifactId>tensorflow-lite</artifactId>"
                + "<versioning><lastUpdated>20240308190237</lastUpdated></versioning></metadata>";
        String empty = "<metadata><versioning><versions/></versioning></metadata>";

        assertThat(MetadataXml.parse(noVersions, TFLITE).versions()).isNull();
        assertThat(MetadataXml.parse(empty, TFLITE).versions()).isEmpty();
        assertThat(MetadataXml.parse("<metadata/>", TFLITE).versions()).isNull();
    }

    @Test
    void refusesTextThatIsNotWellFormed() {
        assertThatThrownBy(() -> MetadataXml.parse("<metadata><versioning><versions><version>1.0</versions>", TFLITE))
                .isInstanceOf(MalformedAnswerException.class).hasMessageStartingWith("it is not well-formed XML");
        assertThatThrownBy(() -> MetadataXml.parse("", TFLITE)).hasMessage("the file is empty");
        assertThatThrownBy(() -> MetadataXml.parse("<html><body>Service Unavailable</body></html>", TFLITE))
                .hasMessage("the root element is <html>, not <metadata>");
    }

    @Test
    void refusesMetadataOfAnotherArtifact() {
        String other = REAL.replace("<artifactId>tensorflow-lite</artifactId>", "<artifactId>tensorflow</artifactId>");

        assertThatThrownBy(() -> MetadataXml.parse(other, TFLITE))
                .hasMessage("it describes org.tensorflow:tensorflow, not org.tensorflow:tensorflow-lite");
    }

    @Test
    void refusesDoctypesSoNoEntityIsEverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE metadata [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <metadata><versioning><versions><version>&secret;</version></versions></versioning></metadata>
                """;

        assertThatThrownBy(() -> MetadataXml.parse(xxe, TFLITE)).isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");
    }

    @Test
    void lastUpdatedMustBeFourteenDigitsOfARealTime() {
        assertThat(new ArtifactMetadata("g", "a", null, null, null, "20241301000000").lastUpdatedAt()).isNull();
        assertThat(new ArtifactMetadata("g", "a", null, null, null, "yesterday").lastUpdatedAt()).isNull();
        assertThat(new ArtifactMetadata("g", "a", null, null, null, null).lastUpdatedAt()).isNull();
    }
}
