package io.consultdesk.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.security.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * Importing a table, for clerks and supervisors: the file is first sent as a dry run and its report shown —
 * columns and how each was read, ignored columns, counts, refused rows, warnings, each row as read, and whatever
 * else the report says — with a button that imports the same file (carried in the page, so nothing is kept
 * between the two steps) or a new mapping of columns to try again.
 */
@RestController
public class ImportPage {

    /** The report's fields this page lays out itself; any other it shows as it comes. */
    private static final Set<String> LAID_OUT = Set.of("file", "dryRun", "columns", "ignoredColumns", "rows", "received", "decided",
            "alreadyPresent", "refusedCount", "refused", "warningCount", "warnings", "duplicateSerials", "preview", "millis",
            "vocabulary", "published", "namesLookPublished", "names", "filledDown");

    private final Consultations consultations;
    private final CommandService commands;
    private final CurrentCaller caller;

    public ImportPage(Consultations consultations, CommandService commands, CurrentCaller caller) {
        this.consultations = consultations;
        this.commands = commands;
        this.caller = caller;
    }

    @GetMapping("/consultations/{id}/import")
    public ResponseEntity<String> form(@PathVariable String id, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        if (consultations.find(id, caller.get()).isEmpty()) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("import"), "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        return Html.answer(HttpStatus.OK, l, l.get("import"), upload(id, l, ""));
    }

    @PostMapping(path = "/desk/consultations/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<String> importTable(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
                                              @RequestParam(required = false) String content,
                                              @RequestParam(required = false) String fileName,
                                              @RequestParam(required = false) String columns,
                                              @RequestParam(defaultValue = "true") boolean dryRun,
                                              @RequestParam(defaultValue = "false") boolean published,
                                              @RequestParam(defaultValue = "false") boolean fillDown,
                                              @RequestParam(required = false) String lang,
                                              HttpServletRequest request) throws IOException {
        Labels l = new Labels(lang);
        byte[] bytes;
        String name;
        if (file != null && !file.isEmpty()) {
            bytes = file.getBytes();
            name = file.getOriginalFilename() == null ? "table" : file.getOriginalFilename();
        } else if (content != null && !content.isBlank()) {
            try {
                bytes = Base64.getDecoder().decode(content.strip());
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            name = fileName == null || fileName.isBlank() ? "table" : fileName;
        } else {
            return Html.answer(HttpStatus.BAD_REQUEST, l, l.get("import"),
                    new Forms.Notice(true, l.get("chooseFile")).html() + upload(id, l, columns, published, fillDown));
        }
        String path = "/api/consultations/" + url(id) + "/imports?dryRun=" + dryRun + "&published=" + published + "&fillDown=" + fillDown
                + (columns == null || columns.isBlank() ? "" : "&columns=" + url(columns.strip()));
        Reply reply = commands.upload(path, name, bytes, request, l.lang());
        if (!reply.ok()) {
            HttpStatus status = HttpStatus.resolve(reply.status());
            return Html.answer(status == null ? HttpStatus.BAD_GATEWAY : status, l, l.get("import"),
                    Forms.refusal(reply, l).html() + upload(id, l, columns, published, fillDown));
        }
        StringBuilder body = new StringBuilder(Forms.Notice.done(l.get(dryRun ? "dryRunDone" : "importDone")).html())
                .append(report(reply.body(), l));
        if (dryRun) {
            // the checked file goes back with the page: import it as checked, or check it again with other options
            String fields = Forms.hidden("content", Base64.getEncoder().encodeToString(bytes)) + Forms.hidden("fileName", name)
                    + Forms.text("columns", l.get("columns"), columns == null ? "" : columns, false) + options(published, fillDown, l);
            body.append("<form class=\"desk\" id=\"confirm\" method=\"post\" enctype=\"multipart/form-data\" action=\"/desk/consultations/")
                    .append(url(id)).append("/imports\"><fieldset><legend>").append(esc(l.get("confirmImport"))).append("</legend>")
                    .append(fields.replace("id=\"f-", "id=\"c-").replace("for=\"f-", "for=\"c-"))
                    .append(l.suffix().isEmpty() ? "" : Forms.hidden("lang", "en"))
                    .append("<button type=\"submit\" name=\"dryRun\" value=\"false\">").append(esc(l.get("importNow")))
                    .append("</button> <button type=\"submit\" name=\"dryRun\" value=\"true\" class=\"secondary\">")
                    .append(esc(l.get("checkAgain"))).append("</button></fieldset></form>");
        } else {
            body.append("<p><a id=\"to-board\" href=\"/board?consultation=").append(url(id)).append(Html.lang(l, false)).append("\">")
                    .append(esc(l.get("board"))).append("</a></p>");
        }
        return Html.answer(HttpStatus.OK, l, l.get("import"), body.toString());
    }

    private static String upload(String id, Labels l, String columns) {
        return upload(id, l, columns, false, false);
    }

    private static String upload(String id, Labels l, String columns, boolean published, boolean fillDown) {
        String fields = "<label for=\"f-file\">" + esc(l.get("tableFile")) + "</label><input id=\"f-file\" name=\"file\" type=\"file\" "
                + "accept=\".txt,.csv,.xlsx,.docx\" required>"
                + Forms.text("columns", l.get("columns"), columns == null ? "" : columns, false)
                + "<p class=\"muted\">" + esc(l.get("columnsHelp")) + "</p>" + options(published, fillDown, l) + Forms.hidden("dryRun", "true");
        return multipart("upload", "/desk/consultations/" + url(id) + "/imports", l, l.get("dryRun"), fields, l.get("check"));
    }

    /** The import's options: a table published already (names kept as printed), decisions filled down into blank cells. */
    private static String options(boolean published, boolean fillDown, Labels l) {
        return "<fieldset class=\"choices\"><legend>" + esc(l.get("importOptions")) + "</legend>"
                + "<label for=\"f-published\"><input type=\"checkbox\" id=\"f-published\" name=\"published\" value=\"true\""
                + (published ? " checked" : "") + "> " + esc(l.get("optionPublished")) + "</label>"
                + "<label for=\"f-fillDown\"><input type=\"checkbox\" id=\"f-fillDown\" name=\"fillDown\" value=\"true\""
                + (fillDown ? " checked" : "") + "> " + esc(l.get("optionFillDown")) + "</label></fieldset>";
    }

    private static String multipart(String id, String action, Labels l, String legend, String fields, String submit) {
        return Forms.form(id, action, l, legend, fields, submit).replaceFirst("method=\"post\"", "method=\"post\" enctype=\"multipart/form-data\"");
    }

    /** The import's report as tables; fields this page does not know are shown as they come. */
    static String report(JsonNode r, Labels l) {
        StringBuilder s = new StringBuilder("<div class=\"cards\" id=\"import-counts\">");
        for (String count : List.of("rows", "received", "decided", "alreadyPresent", "refusedCount", "warningCount", "filledDown")) {
            s.append(Html.card(count, l.get("import-" + count), r.path(count).asText("0")));
        }
        s.append("</div>");
        if (r.path("namesLookPublished").asBoolean() && !r.path("published").asBoolean()) {
            s.append("<p id=\"import-names-proposal\" class=\"notice\">").append(esc(l.get("namesLookPublished"))).append("</p>");
        }
        if (!r.path("names").asText("").isEmpty()) {
            s.append("<p id=\"import-names\">").append(esc(l.get("import-names"))).append(l.get("colon"))
                    .append(esc(r.path("names").asText())).append("</p>");
        }
        s.append(table("import-columns", l.get("import-columns"), r.path("columns"), List.of("column", "header", "role", "how"), l));
        s.append(table("import-vocabulary", l.get("import-vocabulary"), r.path("vocabulary"),
                List.of("word", "outcomeClass", "rows", "adopted"), l));
        s.append(table("import-ignored", l.get("import-ignored"), r.path("ignoredColumns"), List.of("column", "header", "how"), l));
        s.append(table("import-refused", l.get("import-refused"), r.path("refused"), List.of("row", "serial", "reason"), l));
        s.append(table("import-warnings", l.get("import-warnings"), r.path("warnings"), List.of("row", "serial", "warning"), l));
        if (r.path("duplicateSerials").size() > 0) {
            List<String> serials = new ArrayList<>();
            r.path("duplicateSerials").forEach(v -> serials.add(v.asText()));
            s.append("<p id=\"import-duplicate-serials\">").append(esc(l.get("import-duplicateSerials"))).append(l.get("colon"))
                    .append(esc(String.join("、", serials))).append("</p>");
        }
        for (Iterator<String> names = r.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LAID_OUT.contains(name)) {
                JsonNode value = r.get(name);
                s.append("<h2>").append(esc(name)).append("</h2><pre id=\"import-").append(esc(name)).append("\">")
                        .append(esc(value.isTextual() ? value.asText() : value.toPrettyString())).append("</pre>");
            }
        }
        s.append(table("import-preview", l.get("import-preview"), r.path("preview"),
                List.of("row", "serial", "submitter", "opinion", "outcome", "reason"), l));
        return s.toString();
    }

    private static String table(String id, String title, JsonNode rows, List<String> fields, Labels l) {
        if (!rows.isArray() || rows.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<h2>").append(esc(title)).append("</h2><table id=\"").append(id).append("\"><tr>");
        fields.forEach(f -> t.append("<th>").append(esc(l.get("field-" + f))).append("</th>"));
        t.append("</tr>");
        rows.forEach(row -> {
            t.append("<tr>");
            fields.forEach(f -> t.append("<td>").append(esc(row.path(f).isMissingNode() || row.path(f).isNull() ? "" : row.path(f).asText()))
                    .append("</td>"));
            t.append("</tr>");
        });
        return t.append("</table>").toString();
    }
}
