package io.consultdesk.query.pages;

import io.consultdesk.query.desk.CommandService.Reply;

import java.util.List;
import java.util.Map;

import static io.consultdesk.query.pages.Html.esc;

/**
 * The controls of the pages' command forms (each a plain HTML form posted to {@code /desk/…}: no script) and
 * the notice a page shows after one: what was recorded, or why command-service refused it, in the page's language.
 */
final class Forms {

    private Forms() {
    }

    /** What a page says above its forms after a command: {@code refused} in the alert role, so screen readers say it at once. */
    record Notice(boolean refused, String text) {

        static Notice done(String text) {
            return new Notice(false, text);
        }

        String html() {
            return "<p id=\"notice\" class=\"notice" + (refused ? " refused" : "") + "\" role=\"" + (refused ? "alert" : "status")
                    + "\">" + esc(text) + "</p>";
        }
    }

    /** command-service's refusal as the page says it: its detail (already in the page's language) and each field's message. */
    static Notice refusal(Reply reply, Labels l) {
        return switch (reply.status()) {
            case 401 -> new Notice(true, l.get("signIn"));
            case 429 -> new Notice(true, l.get("tooMany"));
            case 503 -> new Notice(true, l.get("commandsAway"));
            default -> {
                StringBuilder text = new StringBuilder(reply.detail());
                reply.body().path("errors").forEach(e -> {
                    String field = e.path("field").asText("");
                    String message = e.path("message").asText("");
                    if (!text.toString().contains(message)) {
                        text.append(text.isEmpty() ? "" : "；").append(field.isEmpty() ? "" : field + l.get("colon")).append(message);
                    }
                });
                yield new Notice(true, text.isEmpty() ? l.get("refused") + " (" + reply.status() + ")" : text.toString());
            }
        };
    }

    static String form(String id, String action, Labels l, String legend, String fields, String submit) {
        return "<form class=\"desk\" id=\"" + id + "\" method=\"post\" action=\"" + esc(action) + "\"><fieldset><legend>"
                + esc(legend) + "</legend>" + fields + (l.suffix().isEmpty() ? "" : hidden("lang", "en"))
                + "<button type=\"submit\">" + esc(submit) + "</button></fieldset></form>";
    }

    static String hidden(String name, Object value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    static String text(String name, String label, String value, boolean required) {
        return "<label for=\"f-" + name + "\">" + esc(label) + "</label><input id=\"f-" + name + "\" name=\"" + name
                + "\" value=\"" + esc(value) + "\"" + (required ? " required" : "") + ">";
    }

    static String textarea(String name, String label, String value, boolean required) {
        return "<label for=\"f-" + name + "\">" + esc(label) + "</label><textarea id=\"f-" + name + "\" name=\"" + name
                + "\" rows=\"4\"" + (required ? " required" : "") + ">" + esc(value) + "</textarea>";
    }

    /** A dropdown; {@code options} maps values to what is shown, an empty value first when {@code blank} is given. */
    static String select(String name, String label, Map<String, String> options, String chosen, String blank) {
        return "<label for=\"f-" + name + "\">" + esc(label) + "</label><select id=\"f-" + name + "\" name=\"" + name + "\">"
                + options(options, chosen, blank) + "</select>";
    }

    /** The {@code <option>}s of a dropdown, {@code chosen} selected, an empty value first when {@code blank} is given. */
    static String options(Map<String, String> options, String chosen, String blank) {
        StringBuilder s = new StringBuilder();
        if (blank != null) {
            s.append("<option value=\"\">").append(esc(blank)).append("</option>");
        }
        options.forEach((value, shown) -> s.append("<option value=\"").append(esc(value)).append("\"")
                .append(value.equals(chosen) ? " selected" : "").append(">").append(esc(shown)).append("</option>"));
        return s.toString();
    }

    /** One checkbox per value, in a group of its own. */
    static String checkboxes(String name, String legend, List<String> values, List<String> checked) {
        StringBuilder s = new StringBuilder("<fieldset class=\"choices\" id=\"f-" + name + "\"><legend>" + esc(legend) + "</legend>");
        int i = 0;
        for (String value : values) {
            String id = "f-" + name + "-" + i++;
            s.append("<label for=\"").append(id).append("\"><input type=\"checkbox\" id=\"").append(id).append("\" name=\"")
                    .append(name).append("\" value=\"").append(esc(value)).append("\"").append(checked.contains(value) ? " checked" : "")
                    .append("> ").append(esc(value)).append("</label>");
        }
        return s.append("</fieldset>").toString();
    }
}
