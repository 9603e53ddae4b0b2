package dev.ecopulse.github.service;

import static dev.ecopulse.github.client.Replies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.client.Endpoint;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code GET /repos/{o}/{r}/contributors?per_page=1&anon=1} in each of the shapes GitHub answers. */
class ContributorCounterTest {

    static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void theLastPageNumberIsTheCount() {
        RepositorySnapshot snapshot = found();
        ContributorCounter.read(answer(200, Map.of("link", "<https://api.github.com/repositories/1/contributors?"
                + "per_page=1&anon=1&page=2>; rel=\"next\", <https://api.github.com/repositories/1/contributors?"
                + "per_page=1&anon=1&page=3845>; rel=\"last\""), "[{\"login\":\"a\"}]"), snapshot);

        assertThat(snapshot.value(Signal.CONTRIBUTORS)).isEqualTo(3845L);
    }

    @Test
    void withoutALinkThereIsOnePageAndTheListIsCounted() {
        RepositorySnapshot one = found();
        ContributorCounter.read(answer(200, Map.of(), "[{\"login\":\"a\"}]"), one);
        RepositorySnapshot none = found();
        ContributorCounter.read(answer(204, Map.of(), ""), none); // an empty repository

        assertThat(one.value(Signal.CONTRIBUTORS)).isEqualTo(1L);
        assertThat(none.value(Signal.CONTRIBUTORS)).isEqualTo(0L);
    }

    @Test
    void aListTooLargeOrStillBeingComputedIsMissingWithItsReason() {
        RepositorySnapshot large = found();
        ContributorCounter.read(answer(403, Map.of("x-ratelimit-remaining", "4000"), "{\"message\":\"The history or"
                + " contributor list is too large to list contributors for this repository via the API.\"}"), large);
        RepositorySnapshot computing = found();
        ContributorCounter.read(answer(202, Map.of(), "{}"), computing);

        assertThat(large.missing()).containsEntry(Signal.CONTRIBUTORS, ContributorCounter.TOO_LARGE);
        assertThat(computing.missing()).containsEntry(Signal.CONTRIBUTORS,
                "GitHub is still computing the contributor list (202)");
    }

    @Test
    void anAnswerAboutAnUnknownRepositorySettlesWhetherItExists() {
        RepositorySnapshot exists = unknown();
        ContributorCounter.read(answer(200, Map.of(), "[]"), exists);
        RepositorySnapshot gone = unknown();
        ContributorCounter.read(answer(404, Map.of(), "{\"message\":\"Not Found\"}"), gone);

        assertThat(exists.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(gone.status()).isEqualTo(SubjectStatus.NOT_FOUND);
    }

    @Test
    void anUnreadableListIsRefused() {
        assertThatThrownBy(() -> ContributorCounter.read(answer(200, Map.of(), "{\"login\":\"a\"}"), found()))
                .isInstanceOf(UnreadableAnswerException.class);
    }

    private static RepositorySnapshot found() {
        RepositorySnapshot snapshot = unknown();
        snapshot.found(T);
        return snapshot;
    }

    private static RepositorySnapshot unknown() {
        return new RepositorySnapshot(new CollectionTarget("torch", "pytorch/pytorch"), "graphql");
    }

    private static UpstreamReply answer(int status, Map<String, String> headers, String body) {
        return reply(Endpoint.CONTRIBUTORS, status, headers, body, T, false);
    }
}
