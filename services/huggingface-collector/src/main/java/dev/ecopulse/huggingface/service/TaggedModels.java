package dev.ecopulse.huggingface.service;

import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.huggingface.client.HubClient;
import dev.ecopulse.huggingface.client.HubModel;
import dev.ecopulse.huggingface.client.ModelPage;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models carrying any of one framework's library tags, read newest first, page after page, and de-duplicated by
 * id (a model tagged {@code keras} and {@code tf-keras} counts once). Paging stops at the framework's page cap; what
 * was read is still good for every window it reached back past.
 *
 * @param created creation time by model id (null for a model listed without one)
 * @param complete whether every tag was read to its last page (only then is the total known)
 * @param readBackTo every model created after this was read; null when nothing was read at all
 * @param incomplete why the paging stopped early (null when complete)
 * @param outOfOrder whether a page listed an older model before a newer one (then no window can be trusted)
 * @param pages pages read
 * @param failures upstream failures met, for the run's error list
 */
record TaggedModels(Map<String, Instant> created, boolean complete, Instant readBackTo, String incomplete,
        boolean outOfOrder, int pages, List<String> failures) {

    /** Reads every tag of the framework, at most {@code maxPages} pages in all. */
    static TaggedModels read(HubClient hub, List<String> tags, int maxPages, RunContext run, String framework)
            throws InterruptedException {
        Map<String, Instant> created = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        boolean complete = true;
        boolean outOfOrder = false;
        boolean anything = false;
        Instant readBackTo = Instant.MIN;
        String incomplete = null;
        int pages = 0;
        for (String tag : tags) {
            URI next = hub.tagged(tag);
            Instant oldest = null;
            boolean tagDone = false;
            while (next != null) {
                if (pages >= maxPages) {
                    incomplete = "more than " + maxPages + " pages of models for " + String.join(", ", tags)
                            + " (ecopulse.huggingface.max-pages-per-framework)";
                    break;
                }
                run.status("reading " + framework + "'s models tagged " + tag + " (page " + (pages + 1) + ")");
                Lookup<ModelPage> answer = hub.page(next, run);
                pages++;
                if (!(answer instanceof Lookup.Found<ModelPage> found)) {
                    String reason = answer instanceof Lookup.Failed<ModelPage> f ? f.reason()
                            : ((Lookup.NotFound<ModelPage>) answer).reason();
                    failures.add(tag + ": " + reason);
                    incomplete = reason;
                    break;
                }
                anything = true;
                for (HubModel model : found.value().models()) {
                    Instant at = model.createdAt();
                    if (at != null) {
                        outOfOrder |= oldest != null && at.isAfter(oldest);
                        oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                    }
                    created.putIfAbsent(model.id(), at);
                }
                next = found.value().next();
                tagDone = next == null;
            }
            if (!tagDone) {
                complete = false;
                // this tag was read back to its oldest model only; without any, nothing of it is known
                Instant reached = oldest == null ? Instant.MAX : oldest;
                readBackTo = reached.isAfter(readBackTo) ? reached : readBackTo;
            }
        }
        return new TaggedModels(created, complete, anything || complete ? readBackTo : null, incomplete, outOfOrder,
                pages, failures);
    }

    /** Whether every model created at or after {@code from} was read. */
    boolean reached(Instant from) {
        return readBackTo != null && !outOfOrder && undated() == 0 && readBackTo.isBefore(from);
    }

    /** Models listed without a creation time. */
    long undated() {
        return created.values().stream().filter(java.util.Objects::isNull).count();
    }

    /** Models created in {@code (after, until]}. */
    long createdBetween(Instant after, Instant until) {
        return created.values().stream().filter(at -> at != null && at.isAfter(after) && !at.isAfter(until)).count();
    }
}
