package dev.ecopulse.github.service;

/** A repository's {@code owner/name}. */
public record RepositoryName(String owner, String name) {

    public static RepositoryName parse(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1 || fullName.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not owner/name: " + fullName);
        }
        return new RepositoryName(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    public String fullName() {
        return owner + "/" + name;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
