package dev.ecopulse.stackexchange.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocumentsTest {

    @Test
    void readsTagCountsAndTheQuota() {
        ApiAnswer answer = ApiDocuments.read("""
                {"items":[{"has_synonyms":true,"is_moderator_only":false,"is_required":false,"count":880312,
                "name":"java"}],"has_more":false,"quota_max":300,"quota_remaining":299}""").orElseThrow();
        assertThat(answer.tags()).containsExactly(new ApiAnswer.TagCount("java", 880312));
        assertThat(answer.quotaRemaining()).isEqualTo(299);
        assertThat(answer.quotaMax()).isEqualTo(300);
        assertThat(answer.backoff()).isNull();
        assertThat(answer.error()).isNull();
    }

    @Test
    void readsTheTotalAndTheBackoffTheCustomFilterKeeps() {
        ApiAnswer answer = ApiDocuments.read("{\"backoff\":10,\"quota_max\":300,\"quota_remaining\":12,"
                + "\"total\":4521}").orElseThrow();
        assertThat(answer.total()).isEqualTo(4521);
        assertThat(answer.backoff()).isEqualTo(10);
        assertThat(answer.tags()).isEmpty();
    }

    @Test
    void readsAnErrorByIdAndName() {
        ApiAnswer answer = ApiDocuments.read("{\"error_id\":502,\"error_message\":\"too many requests from this IP\","
                + "\"error_name\":\"throttle_violation\"}").orElseThrow();
        assertThat(answer.error()).isEqualTo(new ApiError(502, "throttle_violation",
                "too many requests from this IP"));
        assertThat(answer.error().stopsRun()).isTrue();
        assertThat(new ApiError(400, "bad_parameter", "tagged").stopsRun()).isFalse();
    }

    @Test
    void readsTheFilterIdOfFilterCreate() {
        ApiAnswer answer = ApiDocuments.read("""
                {"items":[{"included_fields":[".backoff",".quota_max",".quota_remaining",".total"],
                "filter_type":"safe","filter":"!nKzQUR3Egv"}],"has_more":false,"quota_max":300,
                "quota_remaining":298}""").orElseThrow();
        assertThat(answer.filter()).isEqualTo("!nKzQUR3Egv");
    }

    @Test
    void aTruncatedPaddedOrMistypedBodyIsMalformed() {
        assertThat(ApiDocuments.read("{\"total\":12,\"quota_rem")).isEmpty();
        assertThat(ApiDocuments.read("{\"total\":12} {}")).isEmpty();
        assertThat(ApiDocuments.read("{\"total\":\"12\"}")).isEmpty();
        assertThat(ApiDocuments.read("{\"total\":-1}")).isEmpty();
        assertThat(ApiDocuments.read("{\"items\":{}}")).isEmpty();
        assertThat(ApiDocuments.read("[]")).isEmpty();
        assertThat(ApiDocuments.read("<html>")).isEmpty();
        assertThat(ApiDocuments.read("")).isEmpty();
    }
}
