package dev.ecopulse.stackexchange.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.time.TimeSource;
import dev.ecopulse.stackexchange.client.ApiAnswer;
import dev.ecopulse.stackexchange.client.ApiSession;
import dev.ecopulse.stackexchange.client.Call;
import dev.ecopulse.stackexchange.client.StackexchangeClient;
import dev.ecopulse.stackexchange.config.StackexchangeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Observes every catalog framework with Stack Overflow tags: one observation and one {@code questions} series per
 * framework and run. The daily quota is small (300 requests without a key), so a run asks in order of value: every
 * tag's total in one request, then every framework's two recent windows, then the last year, then the answered share,
 * and last the backfill windows. What the quota (or a throttle violation) leaves unasked is missing with the reason.
 */
@ApplicationScoped
public class StackexchangeCollector implements Collector {

    private static final Logger LOG = Logger.getLogger(StackexchangeCollector.class);
    /** {@code /tags/{tags}/info} takes at most 100 tags. */
    static final int TAGS_PER_REQUEST = 100;

    private final StackexchangeClient client;
    private final StackexchangeConfig config;
    private final TimeSource time;

    StackexchangeCollector(StackexchangeClient client, StackexchangeConfig config, TimeSource time) {
        this.client = client;
        this.config = config;
        this.time = time;
    }

    @Override
    public ObservationSource source() {
        return ObservationSource.STACKEXCHANGE;
    }

    /** One target per framework with question tags: the framework id and its tags joined by {@code ;}. */
    @Override
    public List<CollectionTarget> targets(Catalog catalog) {
        List<CollectionTarget> targets = new ArrayList<>();
        for (Framework framework : catalog.frameworks()) {
            if (!framework.stackoverflow().isEmpty()) {
                targets.add(new CollectionTarget(framework.id(), String.join(";", framework.stackoverflow())));
            }
        }
        return targets;
    }

    @Override
    public String targetUnit() {
        return "frameworks";
    }

    @Override
    public void collect(RunContext run) throws InterruptedException {
        Instant observedAt = time.now();
        LocalDate today = LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
        ApiSession session = new ApiSession(config.quotaReserve());
        Set<String> problems = new LinkedHashSet<>();
        try {
            run.status("reading the tags' totals");
            Map<String, Fetched<Long>> totals = totals(run, session, problems);
            List<FrameworkTally> tallies = new ArrayList<>();
            for (CollectionTarget target : run.targets()) {
                List<String> tags = tags(target);
                Set<String> unknown = new LinkedHashSet<>(tags.stream().filter(t -> !totals.containsKey(key(t)))
                        .toList());
                FrameworkTally tally = new FrameworkTally(target, tags, unknown);
                tags.forEach(t -> tally.total(t, totals.getOrDefault(key(t), Fetched.of(0L))));
                unknown.forEach(t -> problems.add("the tag '" + t + "' of " + target.projectId() + " is unknown on "
                        + client.site()));
                tallies.add(tally);
            }
            List<FrameworkTally> asked = tallies.stream().filter(t -> !t.noneKnown()).toList();
            announcePlan(asked, run, session);

            for (QuestionWindows.Range range : QuestionWindows.windows(today, 0, QuestionWindows.RECENT_WINDOWS)) {
                count(asked, range, run, session, problems);
            }
            count(asked, QuestionWindows.lastYear(today), run, session, problems);
            count(asked, QuestionWindows.previousUnanswered(today), run, session, problems);
            List<FrameworkTally> backfilled = asked.stream().filter(t -> run.backfill(t.target)).toList();
            for (QuestionWindows.Range range : QuestionWindows.windows(today, QuestionWindows.RECENT_WINDOWS,
                    QuestionWindows.BACKFILL_WINDOWS)) {
                count(backfilled, range, run, session, problems);
            }

            problems.forEach(run::error);
            if (session.refusal() != null) {
                run.error(session.refusal().replaceFirst("^not asked: ", "stopped asking: "));
            }
            for (FrameworkTally tally : tallies) {
                publish(tally, run, observedAt);
            }
            LOG.infof("Stack Exchange run %s: %d frameworks, %d requests, quota_remaining %s of %s", run.runId(),
                    tallies.size(), session.sent(), session.quotaRemaining(), session.quotaMax());
        } finally {
            run.status(null);
        }
    }

    private void publish(FrameworkTally tally, RunContext run, Instant observedAt) {
        if (!tally.noneKnown() && !tally.anything()) {
            run.failed(tally.target, "nothing could be counted: " + tally.total().missingReason());
            return;
        }
        run.publish(FrameworkReport.observation(tally, client.site(), run.runId(), observedAt));
        if (!tally.noneKnown()) {
            run.publishSeries(FrameworkReport.series(tally, run.runId(), observedAt, run.backfill(tally.target)));
        }
    }

    /** Every tag's question count, by lower-cased name; a tag the answer leaves out is absent from the map. */
    private Map<String, Fetched<Long>> totals(RunContext run, ApiSession session, Set<String> problems)
            throws InterruptedException {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(run.targets().stream()
                .flatMap(t -> tags(t).stream()).toList()));
        Map<String, Fetched<Long>> totals = new HashMap<>();
        for (int i = 0; i < all.size(); i += TAGS_PER_REQUEST) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + TAGS_PER_REQUEST));
            Call call = client.tagInfo(chunk, session, run);
            if (!call.ok()) {
                note(call, problems);
                // whether the tags exist is unknown: their windows are still asked
                chunk.forEach(t -> totals.put(key(t), Fetched.missing(call.reason())));
                continue;
            }
            for (ApiAnswer.TagCount tag : call.answer().tags()) {
                totals.merge(key(tag.name()), Fetched.of(tag.count()), (a, b) -> a);
            }
        }
        return totals;
    }

    /** Counts one range for every asked tag of every framework, in catalog order. */
    private void count(List<FrameworkTally> tallies, QuestionWindows.Range range, RunContext run,
            ApiSession session, Set<String> problems) throws InterruptedException {
        for (FrameworkTally tally : tallies) {
            for (String tag : tally.asked()) {
                run.status("counting " + (range.unanswered() ? "unanswered " : "") + "questions tagged " + tag
                        + " from " + range.from() + " to " + range.to());
                Call call = client.questionCount(tag, range.start(), range.end(), range.unanswered(), session, run);
                if (call.ok() && call.answer().total() == null) {
                    problems.add("Stack Exchange answered /questions without total (is the filter right?)");
                    tally.count(range, tag, Fetched.missing("Stack Exchange answered without total"));
                    continue;
                }
                note(call, problems);
                tally.count(range, tag, call.ok() ? Fetched.of(call.answer().total())
                        : Fetched.missing(call.reason()));
            }
        }
        run.status(null);
    }

    /** Logs the run's plan and says, when it does not fit the quota, what goes first. */
    private void announcePlan(List<FrameworkTally> asked, RunContext run, ApiSession session) {
        int tags = asked.stream().mapToInt(t -> t.asked().size()).sum();
        long backfillTags = asked.stream().filter(t -> run.backfill(t.target)).mapToInt(t -> t.asked().size()).sum();
        int planned = tags * (QuestionWindows.RECENT_WINDOWS + 2)
                + (int) backfillTags * (QuestionWindows.BACKFILL_WINDOWS - QuestionWindows.RECENT_WINDOWS);
        Integer affordable = session.affordable();
        LOG.debugf("Run %s plans %d question counts; the quota allows %s", run.runId(), planned, affordable);
        if (affordable != null && planned > affordable) {
            String message = "the Stack Exchange quota does not fit the run: " + planned + " requests planned, "
                    + affordable + " left (quota_remaining " + session.quotaRemaining() + " of " + session.quotaMax()
                    + "); the recent windows go first, then the last year, the answered share and the backfill";
            LOG.warn(message);
            run.error(message);
        }
    }

    private static void note(Call call, Set<String> problems) {
        if (!call.ok() && call.sent()) {
            problems.add(call.reason());
        }
    }

    static List<String> tags(CollectionTarget target) {
        return Arrays.stream(target.subject().split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }
}
