package dev.ecopulse.npm.client.downloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.npm.client.JsonDocuments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads range answers of api.npmjs.org defensively: one unreadable day makes the package's history unreadable (a sum
 * over a partly read series would be a wrong number).
 */
public final class DownloadDocuments {

    private DownloadDocuments() {
    }

    /** {@code {"start":"..","end":"..","package":"..","downloads":[{"day":"..","downloads":n},..]}}; empty if not. */
    public static Optional<DownloadHistory> single(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        LocalDate start = JsonDocuments.date(node.get("start"));
        LocalDate end = JsonDocuments.date(node.get("end"));
        JsonNode downloads = node.get("downloads");
        if (start == null || end == null || end.isBefore(start) || downloads == null || !downloads.isArray()) {
            return Optional.empty();
        }
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (JsonNode entry : downloads) {
            LocalDate day = JsonDocuments.date(entry.get("day"));
            Long count = JsonDocuments.count(entry.get("downloads"));
            if (day == null || count == null) {
                return Optional.empty();
            }
            byDay.merge(day, count, Math::max);
        }
        List<DailyDownloads> days = new ArrayList<>();
        byDay.forEach((day, count) -> {
            if (!day.isBefore(start) && !day.isAfter(end)) {
                days.add(new DailyDownloads(day, count));
            }
        });
        return Optional.of(new DownloadHistory(start, end, days));
    }

    /**
     * A bulk answer: an object keyed by package name, JSON {@code null} for a name npm has no counts for. A name left
     * out of the answer is left out of the map.
     *
     * @return empty when the body is not a JSON object
     */
    public static Optional<Map<String, JsonNode>> bulk(String body, List<String> names) {
        Optional<JsonNode> root = JsonDocuments.object(body);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode entry = root.get().get(name);
            if (entry != null) {
                entries.put(name, entry);
            }
        }
        return Optional.of(entries);
    }
}
