package dev.ecopulse.aggregator.messaging;

import dev.ecopulse.aggregator.service.AggregatorMetrics;
import dev.ecopulse.aggregator.service.IncomingEvent;
import dev.ecopulse.aggregator.service.IncomingObservation;
import dev.ecopulse.aggregator.service.IncomingSeries;
import dev.ecopulse.aggregator.service.InvalidObservationException;
import dev.ecopulse.aggregator.service.ObservationIngest;
import dev.ecopulse.aggregator.service.SeriesIngest;
import dev.ecopulse.contract.event.ObservationSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the observation topics (observations and series events) a batch (one poll) at a time, batches in order.
 * Every record is checked; the valid observations of a batch are stored with one bulk write per collection, series
 * one at a time. An invalid record is dead-lettered alone, with its reason, through the channel's dead-letter
 * strategy; the batch is acknowledged only after everything in it is stored and every dead letter is taken by the
 * broker. The store being down holds the stream (the store writes retry with backoff) instead of acknowledging or
 * rejecting anything.
 */
@ApplicationScoped
public class ObservationConsumer {

    private static final Logger LOG = Logger.getLogger(ObservationConsumer.class);

    private final ObservationIngest ingest;
    private final SeriesIngest seriesIngest;
    private final AggregatorMetrics metrics;

    ObservationConsumer(ObservationIngest ingest, SeriesIngest seriesIngest, AggregatorMetrics metrics) {
        this.ingest = ingest;
        this.seriesIngest = seriesIngest;
        this.metrics = metrics;
    }

    @Incoming(Channels.OBSERVATIONS)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        long start = System.nanoTime();
        List<KafkaRecord<String, String>> records = batch.getRecords();
        InvalidObservationException[] rejected = new InvalidObservationException[records.size()];
        List<IncomingObservation> incoming = new ArrayList<>();
        List<Integer> incomingAt = new ArrayList<>();
        int series = 0;
        for (int i = 0; i < records.size(); i++) {
            try {
                IncomingEvent event = CloudEventHeaders.read(records.get(i));
                if (event instanceof IncomingSeries seriesEvent) {
                    seriesIngest.ingest(seriesEvent);
                    series++;
                } else {
                    incoming.add((IncomingObservation) event);
                    incomingAt.add(i);
                }
            } catch (InvalidObservationException e) {
                rejected[i] = e;
            }
        }
        // the checks read nothing but the record, the catalog and the clock: they may run side by side
        List<Object> checks = IntStream.range(0, incoming.size()).parallel().mapToObj(i -> check(incoming.get(i)))
                .toList();
        List<ObservationIngest.Checked> observations = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i) instanceof ObservationIngest.Checked checked) {
                observations.add(checked);
                positions.add(incomingAt.get(i));
            } else {
                rejected[incomingAt.get(i)] = (InvalidObservationException) checks.get(i);
            }
        }
        ObservationIngest.BatchStored stored = ingest.storeAll(observations);
        stored.refused().forEach((i, e) -> rejected[positions.get(i)] = e);
        metrics.ingested(records.size(), System.nanoTime() - start);
        LOG.debugf("Batch of %d records: %d observations stored, %d already stored, %d series", records.size(),
                stored.stored(), stored.duplicates(), series);
        return deadLetter(records, rejected).thenCompose(done -> batch.ack());
    }

    /** The checked observation, or the reason it must go to the dead letters. */
    private Object check(IncomingObservation observation) {
        try {
            return ingest.check(observation);
        } catch (InvalidObservationException e) {
            return e;
        }
    }

    /**
     * Hands the rejected records to the dead-letter strategy one after another, in the batch's order: each is taken
     * by the broker before the next is sent, and all of them before the batch is acknowledged.
     */
    private CompletionStage<Void> deadLetter(List<KafkaRecord<String, String>> records,
            InvalidObservationException[] rejected) {
        CompletionStage<Void> sent = CompletableFuture.completedFuture(null);
        for (int i = 0; i < records.size(); i++) {
            if (rejected[i] == null) {
                continue;
            }
            KafkaRecord<String, String> record = records.get(i);
            InvalidObservationException reason = rejected[i];
            LOG.infof("Event on %s rejected to the dead-letter topic: %s", record.getTopic(), reason.getMessage());
            metrics.rejected(Arrays.stream(ObservationSource.values()).filter(s -> s.topic().equals(record.getTopic()))
                    .map(ObservationSource::id).findFirst().orElse(null));
            sent = sent.thenCompose(previous -> record.nack(reason));
        }
        return sent;
    }
}
