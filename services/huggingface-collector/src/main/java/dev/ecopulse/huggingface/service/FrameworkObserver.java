package dev.ecopulse.huggingface.service;

import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.huggingface.client.HubClient;
import dev.ecopulse.huggingface.config.HuggingfaceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Observes one framework on the Hub: its tagged models (all of them, and those created in the last and previous 30
 * days), its share of the run's most downloaded models, and its models' creation windows as a series. Whatever could
 * not be had is missing with its reason; a framework nothing could be read for has no observation.
 */
@ApplicationScoped
public class FrameworkObserver {

    /** An observation and its series, or why there is none; {@code problems} go to the run's error list. */
    public record Outcome(HuggingfaceObservation observation, SeriesObservation series, String failure,
            List<String> problems) {
    }

    static final Duration WINDOW = Duration.ofDays(30);

    private final HubClient hub;
    private final HuggingfaceConfig config;
    private final TimeSource time;

    FrameworkObserver(HubClient hub, HuggingfaceConfig config, TimeSource time) {
        this.hub = hub;
        this.config = config;
        this.time = time;
    }

    /** @param catalog every observed framework's tags by id, for the exclusive and shared counts */
    public Outcome observe(CollectionTarget target, List<String> tags, TopModels top,
            Map<String, List<String>> catalog, RunContext run) throws InterruptedException {
        Instant observedAt = time.now();
        String framework = target.projectId();
        TaggedModels tagged = TaggedModels.read(hub, tags, config.maxPagesPerFramework(), run, framework);
        Map<String, String> missing = new LinkedHashMap<>();
        if (tagged.readBackTo() == null && top.missingReason() != null) {
            return new Outcome(null, null, "the Hub answered nothing usable: " + tagged.incomplete() + "; "
                    + top.missingReason(), tagged.failures());
        }
        HuggingfaceObservation.Models models = models(tagged, observedAt, missing);
        HuggingfaceObservation.TopModels topModels = null;
        if (top.missingReason() != null) {
            missing.put("topModels", top.missingReason());
        } else {
            topModels = top.census(framework, catalog, missing);
        }
        HuggingfaceObservation observation = new HuggingfaceObservation(framework, tags, observedAt, run.runId(),
                SubjectStatus.FOUND, models, topModels, list(missing));
        return new Outcome(observation, series(target, tagged, observedAt, run), null, tagged.failures());
    }

    private HuggingfaceObservation.Models models(TaggedModels tagged, Instant observedAt, Map<String, String> missing) {
        String why = windowsUnknown(tagged);
        Long total = tagged.complete() ? (long) tagged.created().size() : null;
        if (total == null) {
            missing.put("models.tagged", tagged.incomplete());
        }
        Instant last = observedAt.minus(WINDOW);
        Instant previous = last.minus(WINDOW);
        Long recent = why == null && tagged.reached(last.plusNanos(1)) ? tagged.createdBetween(last, observedAt) : null;
        Long before = why == null && tagged.reached(previous.plusNanos(1)) ? tagged.createdBetween(previous, last)
                : null;
        if (recent == null) {
            missing.put("models.createdLast30Days", why != null ? why : tagged.incomplete());
        }
        if (before == null) {
            missing.put("models.createdPrevious30Days", why != null ? why : tagged.incomplete());
        }
        if (total == null && recent == null && before == null) {
            return null;
        }
        return new HuggingfaceObservation.Models(total, recent, before);
    }

    /** Why no creation window can be counted at all, or null. */
    private static String windowsUnknown(TaggedModels tagged) {
        if (tagged.outOfOrder()) {
            return "the Hub did not list the models newest first";
        }
        if (tagged.undated() > 0) {
            return "the Hub listed " + tagged.undated() + " models without createdAt";
        }
        return null;
    }

    private SeriesObservation series(CollectionTarget target, TaggedModels tagged, Instant observedAt,
            RunContext run) {
        LocalDate today = LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
        boolean backfill = run.backfill(target);
        List<SeriesObservation.Flow> flows = tagged.readBackTo() == null ? List.of()
                : ModelWindows.of(tagged, today, backfill);
        List<MissingSignal> missing = new ArrayList<>();
        String why = windowsUnknown(tagged);
        if (flows.isEmpty()) {
            missing.add(new MissingSignal(SeriesObservation.Signals.MODELS, why != null ? why
                    : "no 30-day window was read completely: " + tagged.incomplete()));
        } else if (!tagged.complete() && (backfill || flows.size() < ModelWindows.RECENT)) {
            missing.add(new MissingSignal(SeriesObservation.Signals.MODELS, "windows before "
                    + flows.get(flows.size() - 1).from() + " not read: " + tagged.incomplete()));
        }
        // a backfill cut short by a failure is sent as a collection, so the next run reads the past again
        boolean pastRead = backfill && (tagged.complete() || tagged.failures().isEmpty());
        return new SeriesObservation(target.projectId(), ObservationSource.HUGGINGFACE.id(), target.subject(),
                observedAt, run.runId(), pastRead ? SeriesObservation.ORIGIN_BACKFILL
                        : SeriesObservation.ORIGIN_COLLECTION, flows, missing);
    }

    /** The missing signals, a group named once when none of its signals is there. */
    private static List<MissingSignal> list(Map<String, String> missing) {
        List<MissingSignal> list = new ArrayList<>();
        Set<String> collapsed = new LinkedHashSet<>();
        if (missing.containsKey("models.tagged") && missing.containsKey("models.createdLast30Days")
                && missing.containsKey("models.createdPrevious30Days")) {
            collapsed.add("models");
        }
        Set<String> listed = new LinkedHashSet<>();
        missing.forEach((path, reason) -> {
            String group = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (!collapsed.contains(group)) {
                list.add(new MissingSignal(path, reason));
            } else if (listed.add(group)) {
                Set<String> reasons = new LinkedHashSet<>();
                missing.forEach((p, r) -> {
                    if (p.startsWith(group + ".")) {
                        reasons.add(r);
                    }
                });
                list.add(new MissingSignal(group, String.join("; ", reasons)));
            }
        });
        return list;
    }
}
