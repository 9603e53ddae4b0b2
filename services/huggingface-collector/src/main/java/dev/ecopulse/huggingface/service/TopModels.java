package dev.ecopulse.huggingface.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.HuggingfaceObservation;
import dev.ecopulse.huggingface.client.HubClient;
import dev.ecopulse.huggingface.client.HubModel;
import dev.ecopulse.huggingface.client.ModelPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Hub's most downloaded models (30-day downloads), read once per run, and what each catalog framework holds of
 * them. A model belongs to a framework when its tags or its {@code library_name} include one of the framework's
 * library tags (compared without case); it is exclusive when no other catalog framework's tag is on it.
 */
final class TopModels {

    /** The models read, or why there are none. */
    private final Fetched<List<HubModel>> sample;

    private TopModels(Fetched<List<HubModel>> sample) {
        this.sample = sample;
    }

    /** Reads the {@code wanted} most downloaded models, following the {@code Link} header as far as needed. */
    static TopModels read(HubClient hub, int wanted, RunContext run, List<String> problems)
            throws InterruptedException {
        List<HubModel> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        URI next = hub.mostDownloaded(wanted);
        int page = 0;
        while (next != null && models.size() < wanted) {
            run.status("reading the " + wanted + " most downloaded models (page " + (++page) + ")");
            Lookup<ModelPage> answer = hub.page(next, run);
            if (!(answer instanceof Lookup.Found<ModelPage> found)) {
                String reason = answer instanceof Lookup.Failed<ModelPage> f ? f.reason()
                        : ((Lookup.NotFound<ModelPage>) answer).reason();
                problems.add("most downloaded models: " + reason);
                return new TopModels(Fetched.missing(reason));
            }
            int before = models.size();
            for (HubModel model : found.value().models()) {
                if (models.size() < wanted && seen.add(model.id())) {
                    models.add(model);
                }
            }
            // a next link to an empty page, or to models already read, would otherwise be followed for ever
            next = models.size() > before ? found.value().next() : null;
        }
        if (models.isEmpty()) {
            return new TopModels(Fetched.missing("the Hub listed no model"));
        }
        return new TopModels(Fetched.of(models));
    }

    static TopModels of(List<HubModel> models) {
        return new TopModels(Fetched.of(models));
    }

    static TopModels unavailable(String reason) {
        return new TopModels(Fetched.missing(reason));
    }

    /** Why there is no census, or null. */
    String missingReason() {
        return sample.missingReason();
    }

    /**
     * What {@code framework} holds of the sample.
     *
     * @param catalog every catalog framework's library tags, by framework id (the framework among them)
     * @param missing where a sum that could not be made is named with its reason
     */
    HuggingfaceObservation.TopModels census(String framework, Map<String, List<String>> catalog,
            Map<String, String> missing) {
        List<HubModel> models = sample.value();
        Map<String, Set<String>> tagsOf = new LinkedHashMap<>();
        catalog.forEach((id, tags) -> tagsOf.put(id, lower(tags)));
        long available = 0;
        long exclusive = 0;
        long none = 0;
        long downloads = 0;
        long exclusiveDownloads = 0;
        long likes = 0;
        String noDownloads = null;
        String noLikes = null;
        for (HubModel model : models) {
            Set<String> on = lower(model.tags() == null ? List.of() : model.tags());
            if (model.libraryName() != null) {
                on.add(model.libraryName().toLowerCase(Locale.ROOT));
            }
            Set<String> holders = new HashSet<>();
            tagsOf.forEach((id, tags) -> {
                if (tags.stream().anyMatch(on::contains)) {
                    holders.add(id);
                }
            });
            if (holders.isEmpty()) {
                none++;
            }
            if (!holders.contains(framework)) {
                continue;
            }
            available++;
            boolean alone = holders.size() == 1;
            if (alone) {
                exclusive++;
            }
            if (model.downloads() == null) {
                noDownloads = "the Hub gave no downloads for " + model.id();
            } else {
                downloads += model.downloads();
                exclusiveDownloads += alone ? model.downloads() : 0;
            }
            if (model.likes() == null) {
                noLikes = "the Hub gave no likes for " + model.id();
            } else {
                likes += model.likes();
            }
        }
        if (noDownloads != null) {
            missing.put("topModels.downloads30d", noDownloads);
            missing.put("topModels.exclusiveDownloads30d", noDownloads);
        }
        if (noLikes != null) {
            missing.put("topModels.likes", noLikes);
        }
        return new HuggingfaceObservation.TopModels(models.size(), available, exclusive, available - exclusive, none,
                noDownloads == null ? downloads : null, noDownloads == null ? exclusiveDownloads : null,
                noLikes == null ? likes : null);
    }

    private static Set<String> lower(List<String> tags) {
        Set<String> set = new HashSet<>();
        tags.forEach(t -> set.add(t.toLowerCase(Locale.ROOT)));
        return set;
    }
}
