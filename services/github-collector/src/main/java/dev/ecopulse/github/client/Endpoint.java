package dev.ecopulse.github.client;

/** The kinds of GitHub request the collector makes, with the rate-limit resource each one draws on. */
public enum Endpoint {
    GRAPHQL("graphql", "graphql"),
    REPOSITORY("repository", "core"),
    CONTRIBUTORS("contributors", "core"),
    PULLS("pulls", "core"),
    COMMITS("commits", "core"),
    RELEASES("releases", "core"),
    LATEST_RELEASE("latest_release", "core"),
    SEARCH("search", "search");

    private final String label;
    private final String resource;

    Endpoint(String label, String resource) {
        this.label = label;
        this.resource = resource;
    }

    /** The kind of request an answer came from ({@link dev.ecopulse.collector.client.http.UpstreamReply#endpoint}). */
    public static Endpoint of(dev.ecopulse.collector.client.http.UpstreamReply answer) {
        for (Endpoint endpoint : values()) {
            if (endpoint.label.equals(answer.endpoint())) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("not a GitHub answer: " + answer.endpoint());
    }

    /** Metric tag value, e.g. {@code contributors}. */
    public String label() {
        return label;
    }

    /** GitHub's rate-limit resource ({@code x-ratelimit-resource}): {@code core}, {@code search} or {@code graphql}. */
    public String resource() {
        return resource;
    }
}
