package dev.ecopulse.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the embedded store on an H2 file as a process for the local stack. */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of("data", ".local-data/store/ecopulse.mv", "host", "127.0.0.1",
                "port", "27017", "commit", "each-write"));
        boolean durable = switch (o.get("commit")) {
            case "each-write" -> true;
            case "background" -> false;
            default -> throw new IllegalArgumentException("--commit must be each-write or background, got '"
                    + o.get("commit") + "'");
        };
        EmbeddedStore store = EmbeddedStore.onFile(Path.of(o.get("data")), o.get("host"), o.port("port"), durable);
        CountDownLatch stopped = new CountDownLatch(1);
        // a clean close flushes H2, so nothing acknowledged is lost on Ctrl-C
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("Store ready on " + store.connectionString() + ", data in " + o.get("data") + ", "
                + (durable ? "each write committed before it is acknowledged" : "writes committed in the background"));
        stopped.await();
    }
}
