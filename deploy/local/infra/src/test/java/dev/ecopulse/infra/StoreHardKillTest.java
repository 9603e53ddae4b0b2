package dev.ecopulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The store process killed with SIGKILL right after acknowledging writes keeps every one of them. */
class StoreHardKillTest {

    @Test
    void keepsEveryAcknowledgedWriteThroughAHardKill() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "store-kill")).resolve("store-" + System.nanoTime() + ".mv");
        int port = freePort();

        Process store = start(data, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = client.getDatabase("ecopulse").getCollection("observations");
            for (int i = 0; i < 300; i++) {
                docs.insertOne(new Document("_id", "obs-" + i).append("n", i));
            }
            docs.updateOne(new Document("_id", "obs-7"), new Document("$set", new Document("n", 700)));
        }
        store.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush

        Process again = start(data, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = client.getDatabase("ecopulse").getCollection("observations");
            assertThat(docs.countDocuments()).isEqualTo(300);
            assertThat(docs.find(new Document("_id", "obs-7")).first().getInteger("n")).isEqualTo(700);
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path data, int port) throws IOException, InterruptedException {
        Path log = data.resolveSibling(data.getFileName() + "." + System.nanoTime() + ".log");
        Process process = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                StoreMain.class.getName(), "--data", data.toString(), "--port", Integer.toString(port), "--commit", "each-write")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(log) || !Files.readString(log).contains("Store ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("store did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
