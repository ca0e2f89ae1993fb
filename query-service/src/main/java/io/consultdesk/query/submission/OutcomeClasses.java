package io.consultdesk.query.submission;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome classes on the read side: each decision names its class (ACCEPTED, PARTLY, NOT_ACCEPTED,
 * EXPLAINED) so that dashboards compare consultations whatever words their tables use. Decisions and
 * vocabularies recorded before classes existed name none; they are classed by the default words
 * (采纳 / 部分采纳 / 不采纳), anything else as EXPLAINED (explained or other).
 */
public final class OutcomeClasses {

    /** The classes in the order dashboards show them, with the label of each across consultations. */
    public static final Map<String, String> LABELS = Map.of(
            "ACCEPTED", "采纳", "PARTLY", "部分采纳", "NOT_ACCEPTED", "不采纳", "EXPLAINED", "解释说明及其他");
    public static final List<String> ORDER = List.of("ACCEPTED", "PARTLY", "NOT_ACCEPTED", "EXPLAINED");

    private OutcomeClasses() {
    }

    /** The class a decision recorded, else the default words' class; null without an outcome. */
    public static String of(String outcome, String recorded) {
        if (recorded != null && !recorded.isEmpty()) {
            return recorded;
        }
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case "采纳" -> "ACCEPTED";
            case "部分采纳" -> "PARTLY";
            case "不采纳" -> "NOT_ACCEPTED";
            default -> "EXPLAINED";
        };
    }

    /** The words of a vocabulary event's {@code outcomes} ([{word, outcomeClass}]). */
    public static List<String> words(JsonNode outcomes) {
        List<String> words = new ArrayList<>();
        if (outcomes != null) {
            outcomes.forEach(o -> words.add(o.path("word").asText()));
        }
        return words;
    }

    /** Word → class of a vocabulary event's {@code outcomes}. */
    public static Document classes(JsonNode outcomes) {
        Map<String, Object> classes = new LinkedHashMap<>();
        if (outcomes != null) {
            outcomes.forEach(o -> classes.put(o.path("word").asText(), of(o.path("word").asText(), o.path("outcomeClass").asText())));
        }
        return new Document(classes);
    }

    /** Word → class of words given without classes (a consultation opened before classes existed, or with plain words). */
    public static Document defaults(List<String> words) {
        Map<String, Object> classes = new LinkedHashMap<>();
        words.forEach(w -> classes.put(w, of(w, null)));
        return new Document(classes);
    }
}
