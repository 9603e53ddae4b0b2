package dev.ecopulse.system;

import dev.ecopulse.infra.StoreMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The embedded store (H2 file, each write committed) as its own process, the way deploy/local/run.sh runs it. */
final class StoreProcess implements AutoCloseable {

    private final Path data;
    private final int port;
    private Process process;

    StoreProcess(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Starts the store on its file and port, and returns once it answers. */
    void start() throws IOException, InterruptedException {
        Path log = data.resolveSibling("store-" + System.currentTimeMillis() + ".log");
        process = new ProcessBuilder("java", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreMain.class.getName(), "--data", data.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("Store ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the store did not start: " + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** SIGKILL: no shutdown hook, no final flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
