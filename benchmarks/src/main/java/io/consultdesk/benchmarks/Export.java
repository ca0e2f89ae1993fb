package io.consultdesk.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The published table exported as CSV and XLSX by query-service, rows a second, next to reading the same
 * rows raw from the same collection. The table's rows are written straight into the live generation's
 * published-rows collection, as the projection would have written them for a consultation of that size.
 */
final class Export {

    private final MongoDatabase views;
    private final String queryUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    Export(MongoClient mongo, String queryUrl) {
        this.views = mongo.getDatabase("consultdesk_views");
        this.queryUrl = queryUrl;
    }

    /** Writes a published table of {@code rows} rows; returns its consultation id. */
    String publishTable(int rows) {
        String generation = liveGeneration();
        String consultation = "export-" + UUID.randomUUID();
        MongoCollection<Document> published = views.getCollection("published_rows_" + generation);
        Date at = new Date();
        List<Document> batch = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            batch.add(new Document("_id", consultation + "|1|" + i).append("consultationId", consultation).append("version", 1)
                    .append("rowNumber", i).append("submissionId", "s" + i).append("submitter", "深圳市****科技有限公司")
                    .append("opinion", "第（十一）条原文“支持“硬件+AI”示范应用”，建议将仿生机器人、智能穿戴纳入支持清单，并明确资助比例与申报条件。" + i)
                    .append("outcome", i % 3 == 0 ? "不采纳" : "采纳")
                    .append("decision", i % 3 == 0 ? "不采纳，已有相关政策支持。" : "采纳，已在第（十一）条吸收。")
                    .append("publishedAt", at));
            if (batch.size() == 1_000) {
                published.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            published.insertMany(batch);
        }
        views.getCollection("published_tables_" + generation).insertOne(new Document("_id", consultation + "|1")
                .append("consultationId", consultation).append("version", 1).append("heading", "社会公众意见采纳情况表")
                .append("rowCount", rows).append("totals", new Document()).append("leftOut", List.of())
                .append("publishedAt", at).append("publishedBy", "benchmark"));
        return consultation;
    }

    /** Downloads the table in {@code format} (the public endpoint), reading every byte; rows a second. */
    double exportRate(String consultation, int rows, String format) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create(queryUrl + "/api/consultations/" + consultation + "/table?format=" + format)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[65_536];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200 || bytes == 0) {
            throw new IllegalStateException("export " + format + " answered " + response.statusCode());
        }
        return rows / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * The same rows read raw from the same collection, in row order, as the service reads them: by key, a
     * thousand {@code _id}s ({@code <table>|<序号>}) per {@code $in}; rows a second.
     */
    double rawReadRate(String consultation, int rows) {
        MongoCollection<Document> published = views.getCollection("published_rows_" + liveGeneration());
        long t0 = System.nanoTime();
        int n = 0;
        for (int first = 1; first <= rows; first += 1_000) {
            List<String> keys = new ArrayList<>();
            for (int i = first; i < first + 1_000 && i <= rows; i++) {
                keys.add(consultation + "|1|" + i);
            }
            for (Document ignored : published.find(Filters.in("_id", keys)).batchSize(1_000)) {
                n++;
            }
        }
        if (n != rows) {
            throw new IllegalStateException("read " + n + " of " + rows + " rows");
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private String liveGeneration() {
        return liveGeneration(views);
    }

    /** The generation of views query-service serves (a replay moves it on). */
    static String liveGeneration(MongoDatabase views) {
        Document current = views.getCollection("view_generations").find(Filters.eq("_id", "current")).first();
        return current == null ? "g1" : current.getString("generation");
    }
}
