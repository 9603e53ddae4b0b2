package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.aggregator.scoring.SignalParts.Combine;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.ResearchObservation;
import dev.ecopulse.contract.event.StackexchangeObservation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The signals observed for a framework as a whole: models on the Hugging Face Hub, questions on Stack Overflow and
 * scholarly works mentioning it. A framework the catalog gives no subject for a source is not judged on that source's
 * signals (they do not apply); one whose subject has no observation yet has them missing. Pure.
 */
final class FrameworkObservedSignals {

    private FrameworkObservedSignals() {
    }

    static void derive(FrameworkInputs in, Map<Signal, Reading> readings, Map<Signal, String> missing,
            Map<Signal, String> notApplicable) {
        SignalParts parts = new SignalParts(readings, missing, notApplicable);
        String noHub = "no Hugging Face library tag in the catalog";
        String noQuestions = "no Stack Overflow tag in the catalog";
        String noResearch = "no research search in the catalog";
        parts.put(Signal.HUB_MODELS, Combine.SUM, read(in, ObservationSource.HUGGINGFACE,
                HuggingfaceObservation.class, "models.tagged", h -> h.models() == null ? null : h.models().tagged()),
                noHub);
        parts.put(Signal.TOP_MODELS_AVAILABLE, Combine.SUM, read(in, ObservationSource.HUGGINGFACE,
                HuggingfaceObservation.class, "topModels.available", FrameworkObservedSignals::availableShare),
                noHub);
        parts.put(Signal.TOP_MODELS_EXCLUSIVE, Combine.SUM, read(in, ObservationSource.HUGGINGFACE,
                HuggingfaceObservation.class, "topModels.exclusive",
                h -> h.topModels() == null ? null : h.topModels().exclusive()), noHub);
        parts.put(Signal.QUESTIONS_30D, Combine.SUM, read(in, ObservationSource.STACKEXCHANGE,
                StackexchangeObservation.class, "questions.last30Days",
                q -> q.questions() == null ? null : q.questions().last30Days()), noQuestions);
        parts.put(Signal.QUESTIONS_TOTAL, Combine.SUM, read(in, ObservationSource.STACKEXCHANGE,
                StackexchangeObservation.class, "questions.total",
                q -> q.questions() == null ? null : q.questions().total()), noQuestions);
        parts.put(Signal.ANSWERED_SHARE, Combine.MEAN, read(in, ObservationSource.STACKEXCHANGE,
                StackexchangeObservation.class, "questions.answeredShare",
                q -> q.questions() == null ? null : q.questions().answeredShare()), noQuestions);
        parts.put(Signal.WORKS_365D, Combine.SUM, read(in, ObservationSource.RESEARCH, ResearchObservation.class,
                "works.lastYear", r -> r.works() == null ? null : r.works().lastYear()), noResearch);
    }

    /** available / sampleSize: comparable across runs that read different top-N sizes. */
    private static Double availableShare(HuggingfaceObservation h) {
        var top = h.topModels();
        return top == null || top.available() == null || top.sampleSize() == null || top.sampleSize() == 0 ? null
                : (double) top.available() / top.sampleSize();
    }

    private static <T extends Observation> List<SubjectValue> read(FrameworkInputs in, ObservationSource source,
            Class<T> type, String field, Function<T, Number> value) {
        return in.of(source).stream().map(i -> SubjectValue.read(in.freshFrom(), i, type, field, value)).toList();
    }
}
