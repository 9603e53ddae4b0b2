package dev.ecopulse.ops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Command-line tools the checks use when the machine has them. */
public final class Tools {

    private Tools() {
    }

    /** The executable named {@code name} on the PATH, if any. */
    public static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command to its end; the result holds its exit code and its output (stdout and stderr). */
    public static Result run(java.util.List<String> command, java.util.Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), String.join(" ", command) + "\n" + output);
    }

    /** Runs a command to its end; the result holds its exit code and its standard output alone (stderr: discarded). */
    public static Result stdout(java.util.List<String> command, java.util.Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }

    /**
     * Skips the calling check when a tool it needs is missing, except in CI ({@code CI=true}), where the check must
     * run: there a missing tool fails it (.ci/run installs them).
     */
    public static void requireInCi(boolean present, String missing) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(missing + ", and CI=true: this check must run in CI");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, missing);
    }

    public record Result(int exitCode, String output) {
    }
}
