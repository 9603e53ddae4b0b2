package dev.ecopulse.pypi.client.pypistats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.client.JsonDocuments;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads pypistats.org answers defensively: what is not a non-negative count is missing, never a guessed number. */
public final class PypistatsDocuments {

    static final String WITHOUT_MIRRORS = "without_mirrors";

    private PypistatsDocuments() {
    }

    /** {@code {"data":{"last_day":n,"last_week":n,"last_month":n},"package":..,"type":"recent_downloads"}} */
    public static RecentDownloads recent(String body) {
        Optional<JsonNode> data = JsonDocuments.object(body).map(d -> d.get("data")).filter(JsonNode::isObject);
        if (data.isEmpty()) {
            Fetched<Long> unreadable = Fetched.missing("pypistats answered malformed recent downloads");
            return new RecentDownloads(unreadable, unreadable, unreadable);
        }
        return new RecentDownloads(count(data.get(), "last_day"), count(data.get(), "last_week"),
                count(data.get(), "last_month"));
    }

    private static Fetched<Long> count(JsonNode data, String field) {
        Long value = JsonDocuments.count(data.get(field));
        return value == null ? Fetched.missing("pypistats gave no usable " + field) : Fetched.of(value);
    }

    /**
     * {@code {"data":[{"category":"without_mirrors","date":"2026-11-27","downloads":n},..],"type":"overall_downloads"}}:
     * the days without mirrors. One unreadable entry makes the whole series missing: a sum over a partly read series
     * would be a wrong number.
     */
    public static Fetched<List<DailyDownloads>> overall(String body) {
        Optional<JsonNode> data = JsonDocuments.object(body).map(d -> d.get("data")).filter(JsonNode::isArray);
        if (data.isEmpty()) {
            return Fetched.missing("pypistats answered malformed overall downloads");
        }
        List<DailyDownloads> days = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : data.get()) {
            JsonNode category = entry.get("category");
            LocalDate date = date(entry.get("date"));
            Long downloads = JsonDocuments.count(entry.get("downloads"));
            if (category == null || !category.isTextual() || date == null || downloads == null) {
                return Fetched.missing("pypistats answered malformed overall downloads (entry " + index + ")");
            }
            if (WITHOUT_MIRRORS.equals(category.asText())) {
                days.add(new DailyDownloads(date, downloads));
            }
            index++;
        }
        return Fetched.of(days);
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
