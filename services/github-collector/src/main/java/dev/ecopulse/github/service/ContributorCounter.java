package dev.ecopulse.github.service;

import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.github.client.ConditionalGets;
import dev.ecopulse.github.client.Endpoint;
import dev.ecopulse.github.client.GithubRequests;
import dev.ecopulse.github.client.UpstreamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Counts a repository's contributors, anonymous ones included, the one signal GraphQL cannot give:
 * {@code GET /repos/{o}/{r}/contributors?per_page=1&anon=1}, whose {@code rel="last"} page number is the count. Sent
 * with the remembered ETag, so an unchanged list costs nothing.
 */
@ApplicationScoped
public class ContributorCounter {

    static final String TOO_LARGE = "the contributor list is too large for the GitHub API to count";

    private final GithubRequests api;
    private final ConditionalGets gets;

    ContributorCounter(GithubRequests api, ConditionalGets gets) {
        this.api = api;
        this.gets = gets;
    }

    public void count(RunContext run, RepositorySnapshot snapshot) throws InterruptedException {
        RepositoryName repository = snapshot.current();
        try {
            UpstreamReply answer = gets.get(Endpoint.CONTRIBUTORS, run,
                    api.contributors(repository.owner(), repository.name(), 1, 1));
            read(answer, snapshot);
        } catch (UpstreamException e) {
            snapshot.miss(Signal.CONTRIBUTORS, e.getMessage());
        }
    }

    static void read(UpstreamReply answer, RepositorySnapshot snapshot) {
        switch (answer.status()) {
            case 200, 204 -> {
                long count = RestAnswers.listSize(answer);
                if (!snapshot.known()) {
                    snapshot.found(answer.receivedAt()); // GraphQL could not tell; the list proves it exists
                }
                snapshot.put(Signal.CONTRIBUTORS, count, answer.receivedAt());
            }
            case 202 -> snapshot.miss(Signal.CONTRIBUTORS, "GitHub is still computing the contributor list (202)");
            case 403 -> snapshot.miss(Signal.CONTRIBUTORS,
                    RestAnswers.message(answer).contains("too large") ? TOO_LARGE : RestAnswers.describe(answer));
            case 404 -> {
                if (!snapshot.known()) {
                    snapshot.notFound(answer.receivedAt());
                } else {
                    snapshot.miss(Signal.CONTRIBUTORS, RestAnswers.describe(answer));
                }
            }
            default -> snapshot.miss(Signal.CONTRIBUTORS, RestAnswers.describe(answer));
        }
    }
}
