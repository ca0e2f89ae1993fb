package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real tables in, exactly as their owners wrote them: each table of the corpus (every layout, vocabulary,
 * blank and merged cells, names; CSV, XLSX, DOCX, narrative) is imported over HTTP with no column mapping,
 * published, and its published table — as JSON and in the XLSX and DOCX exports — holds the source's rows:
 * 序号, name, opinion, outcome and reason text unchanged.
 */
class CorpusJourneyIT {

    @Test
    void eachTableOfTheCorpusComesOutAsItWentIn() throws Exception {
        Api api = Stack.on(Infrastructure.EMBEDDED).api();
        JsonNode corpus = new ObjectMapper().readTree(Fixtures.corpusFile("corpus.json"));
        for (JsonNode table : corpus.path("imports")) {
            String file = table.path("file").asText();
            String what = file + " (" + table.path("options").asText() + ")";
            String consultation = Fixtures.openConsultation(api);
            String imports = "/api/consultations/" + consultation + "/imports";
            byte[] bytes = Fixtures.corpusFile(file);

            JsonNode dryRun = api.upload("demo", imports + "?dryRun=true", file, bytes).json();
            assertThat(dryRun.path("refusedCount").asInt()).as(what + ": " + dryRun.path("refused")).isZero();
            assertThat(dryRun.path("namesLookPublished").asBoolean()).as(what).isEqualTo(table.path("proposesPublished").asBoolean());
            Map<String, String> words = new LinkedHashMap<>();
            dryRun.path("vocabulary").forEach(w -> words.put(w.path("word").asText(), w.path("outcomeClass").asText()));
            Map<String, String> expectedWords = new LinkedHashMap<>();
            table.path("vocabulary").fields().forEachRemaining(e -> expectedWords.put(e.getKey(), e.getValue().asText()));
            assertThat(words).as(what).isEqualTo(expectedWords);

            String query = table.path("options").asText();
            Api.Reply imported = api.upload("demo", imports + (query.isEmpty() ? "" : "?" + query), file, bytes);
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
            assertThat(imported.json().path("decided").asInt()).as(what).isEqualTo(table.path("rows").size());

            Api.Reply published = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}");
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            assertThat(published.json().path("totals").size()).as(what + ": only the words used").isEqualTo(expectedWords.size());

            List<List<String>> expected = new ArrayList<>();
            table.path("rows").forEach(r -> {
                List<String> row = new ArrayList<>();
                r.forEach(cell -> row.add(cell.asText()));
                expected.add(row);
            });
            String path = "/api/consultations/" + consultation + "/table";
            JsonNode rows = api.awaitQuery(null, path, r -> r.status() == 200 && r.json().path("rows").size() == expected.size(),
                    Duration.ofSeconds(20)).json().path("rows");
            List<List<String>> shown = new ArrayList<>();
            rows.forEach(r -> shown.add(List.of(r.path("rowNumber").asText(), r.path("submitter").asText(), r.path("opinion").asText(),
                    r.path("decision").asText())));
            assertThat(shown).as(what).isEqualTo(expected);
            assertThat(SeedJourneyIT.xlsxRows(api.download(path + "?format=xlsx"))).as(what + " as XLSX").isEqualTo(expected);
            assertThat(SeedJourneyIT.docxRows(api.download(path + "?format=docx"))).as(what + " as DOCX").isEqualTo(expected);
        }
    }
}
