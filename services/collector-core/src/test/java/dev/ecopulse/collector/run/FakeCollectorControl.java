package dev.ecopulse.collector.run;

import java.util.concurrent.CountDownLatch;

/** Lets tests in other packages steer {@link FakeCollector}. */
public final class FakeCollectorControl {

    private FakeCollectorControl() {
    }

    public static void holdRuns() {
        FakeCollector.gate = new CountDownLatch(1);
    }

    public static void release() {
        FakeCollector.gate.countDown();
    }

    public static void failOn(String subject) {
        FakeCollector.failOn = subject;
    }

    /** The next runs throw {@code error} from inside the collector, as a bug or an exhausted heap would. */
    public static void throwInside(Error error) {
        FakeCollector.error = error;
    }

    /** The next runs also send one series per target, with one day of downloads. */
    public static void sendSeries() {
        FakeCollector.series = true;
    }

    public static void reset() {
        FakeCollector.series = false;
        FakeCollector.error = null;
        release();
        FakeCollector.gate = new CountDownLatch(0);
        FakeCollector.failOn = null;
    }
}
