package dev.ecopulse.npm.client;

/** npm package names as the two hosts want them in a path. */
public final class PackageNames {

    private PackageNames() {
    }

    /** {@code @scope/name}: bulk download queries refuse these with 400, so they are asked one by one. */
    public static boolean scoped(String name) {
        return name.startsWith("@");
    }

    /** The registry's path segment: the scope's slash encoded ({@code @scope%2Fname}). */
    public static String registryPath(String name) {
        return name.replace("/", "%2F");
    }
}
