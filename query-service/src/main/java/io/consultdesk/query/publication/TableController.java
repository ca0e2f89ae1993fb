package io.consultdesk.query.publication;

import io.consultdesk.query.campaign.CampaignClusters;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published tables, for anyone: a version as JSON or exported (txt, csv, xlsx, docx, html), the list
 * of versions, and two versions compared row by row. {@code grouped=true} folds each campaign's copies answered
 * alike into one row ({@link GroupedRows}), by the clusters as they are now.
 */
@RestController
@RequestMapping("/api/consultations/{consultationId}/table")
public class TableController {

    private static final Map<String, TableWriter> WRITERS = Map.of(
            "txt", new PlainTextTableWriter(),
            "csv", new CsvTableWriter(),
            "xlsx", new XlsxTableWriter(),
            "docx", new DocxTableWriter(),
            "html", new HtmlTableWriter());

    private final PublishedTables tables;
    private final CampaignClusters clusters;

    public TableController(PublishedTables tables, CampaignClusters clusters) {
        this.tables = tables;
        this.clusters = clusters;
    }

    @GetMapping
    public ResponseEntity<?> table(@PathVariable String consultationId,
                                   @RequestParam(required = false) String format,
                                   @RequestParam(required = false) Integer version,
                                   @RequestParam(required = false) String asOf,
                                   @RequestParam(defaultValue = "false") boolean grouped,
                                   HttpServletResponse response) throws IOException {
        if (format != null && !format.equals("json") && !WRITERS.containsKey(format)) {
            return badRequest("format", "format: must be one of json, txt, csv, xlsx, docx, html",
                    "must be one of json, txt, csv, xlsx, docx, html");
        }
        Instant at = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                at = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                return badRequest("asOf", "asOf: not an ISO-8601 instant such as 2024-10-01T00:00:00Z",
                        "not an ISO-8601 instant");
            }
        }
        Optional<TableVersion> found = at != null ? tables.asOf(consultationId, at) : tables.find(consultationId, version);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, notFound(consultationId, version, asOf));
        }
        TableVersion table = found.get();
        Optional<ResponseEntity<?>> arriving = stillArriving(table);
        if (arriving.isPresent()) {
            return arriving.get();
        }
        TableWriter.RowSource source = sink -> tables.forEachRow(table, sink);
        if (grouped) {
            source = new GroupedRows(source, clusterOf(consultationId));
        }
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok(asJson(consultationId, table, source));
        }
        export(consultationId, table, source, WRITERS.get(format), format.equals("html"), response);
        return null;
    }

    private static String notFound(String consultationId, Integer version, String asOf) {
        return asOf != null ? "consultation '" + consultationId + "' had no published table at " + asOf
                : version == null ? "consultation '" + consultationId + "' has no published table"
                : "consultation '" + consultationId + "' has no table version " + version;
    }

    /** The version with all its rows, as one JSON document. */
    private static Map<String, Object> asJson(String consultationId, TableVersion table, TableWriter.RowSource source) {
        List<PublishedRow> rows = new ArrayList<>();
        source.forEach(rows::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consultationId", consultationId);
        body.put("version", table.version());
        body.put("heading", table.heading());
        body.put("publishedAt", table.publishedAt());
        body.put("totals", table.totals());
        body.put("totalsLine", table.totalsLine());
        body.put("rows", rows);
        return body;
    }

    /** The version as a file, written straight to the response as the rows are read: a large table is never held whole. */
    private static void export(String consultationId, TableVersion table, TableWriter.RowSource source, TableWriter writer,
                               boolean inline, HttpServletResponse response) throws IOException {
        String file = consultationId + "-v" + table.version() + "." + writer.extension();
        response.setStatus(HttpStatus.OK.value());
        response.setHeader(HttpHeaders.CONTENT_TYPE, writer.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment")
                + "; filename=\"" + file + "\"");
        writer.write(table, source, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail, String message) {
        ProblemDetail bad = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        bad.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(bad);
    }

    /** Each item of the consultation's campaign clusters (two members or more), and its cluster. */
    private Map<String, String> clusterOf(String consultationId) {
        Map<String, String> clusterOf = new HashMap<>();
        clusters.of(consultationId).forEach(c -> c.memberIds().forEach(m -> clusterOf.put(m, c.id())));
        return clusterOf;
    }

    @GetMapping("/versions")
    public List<TableVersion> versions(@PathVariable String consultationId) {
        return tables.versions(consultationId);
    }

    /** Row-by-row differences between two versions, matched by item: added, removed, renumbered, changed. */
    @GetMapping("/comparison")
    public ResponseEntity<?> compare(@PathVariable String consultationId, @RequestParam int from, @RequestParam int to) {
        Optional<TableVersion> a = tables.find(consultationId, from);
        Optional<TableVersion> b = tables.find(consultationId, to);
        if (a.isEmpty() || b.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "version " + (a.isEmpty() ? from : to) + " of '" + consultationId + "' does not exist");
        }
        // a version is compared, like it is shown, only once all its rows are here
        Optional<ResponseEntity<?>> arriving = stillArriving(a.get()).or(() -> stillArriving(b.get()));
        if (arriving.isPresent()) {
            return arriving.get();
        }
        List<Map<String, Object>> changes = TableComparison.compare(tables, a.get(), b.get()).stream()
                .map(TableComparison::asJson).toList();
        return ResponseEntity.ok(Map.of("from", from, "to", to, "changes", changes));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** 503 with Retry-After while the version's rows are still arriving (its TablePublished came first). */
    private Optional<ResponseEntity<?>> stillArriving(TableVersion table) {
        if (tables.complete(table)) {
            return Optional.empty();
        }
        long arrived = tables.rowsArrived(table);
        return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "version " + table.version() + " is still arriving: " + arrived + " of " + table.rowCount() + " rows")));
    }
}
