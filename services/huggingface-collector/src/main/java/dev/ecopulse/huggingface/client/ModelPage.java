package dev.ecopulse.huggingface.client;

import java.net.URI;
import java.util.List;

/** One page of {@code /api/models}: its models, and the next page's URL from the {@code Link} header (null: last). */
public record ModelPage(List<HubModel> models, URI next) {

    public ModelPage {
        models = List.copyOf(models);
    }
}
