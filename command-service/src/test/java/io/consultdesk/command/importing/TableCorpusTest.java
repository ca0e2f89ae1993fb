package io.consultdesk.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.command.WireStore;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.security.Roles;
import io.consultdesk.command.publication.PublishTable;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.Commands.DecideSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.submission.SubmissionPublished;
import io.consultdesk.command.submission.Submitter;
import io.consultdesk.command.submission.SubmitterKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corpus of realistic tables (src/test/resources/tables/corpus.json: every layout, vocabulary, blank and
 * merged cells, names, CSV, XLSX, DOCX and narrative) imported with no column mapping, then published: each
 * published row is the source row — 序号, name, opinion, outcome and reason text — character for character.
 * The dry run finds the words and proposes published=true where the names are public already.
 */
class TableCorpusTest {

    static final Actor ADMIN = new Actor("admin", "", Set.of(Roles.ADMIN));
    static final Actor SUPERVISOR = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));
    static final Instant T = Instant.parse("2024-10-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireStore STORE = new WireStore();

    static Stream<JsonNode> corpus() {
        try (InputStream in = TableCorpusTest.class.getResourceAsStream("/tables/corpus.json")) {
            List<JsonNode> imports = new ArrayList<>();
            JSON.readTree(in).path("imports").forEach(imports::add);
            return imports.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommandSide opened(String consultation) {
        CommandSide side = new CommandSide(STORE.client(), Clock.fixed(T, ZoneOffset.UTC));
        side.sender.send(new OpenConsultation(consultation, "某办法（征求意见稿）", "起草处", null, List.of(), null, 15, null, T, ADMIN), ADMIN);
        return side;
    }

    private static ImportOptions options(String query, boolean dryRun) {
        return new ImportOptions(ColumnMapping.NONE, dryRun, query.contains("published=true"), query.contains("fillDown=true"));
    }

    private static ImportReport run(CommandSide side, String consultation, String file, ImportOptions options) throws IOException {
        return side.tableImport.run(consultation, file, new ByteArrayInputStream(TableLayoutsTest.resource(file)), options, SUPERVISOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachTableIsPublishedRowForRowAsItsSourceWroteIt(JsonNode table) throws IOException {
        String file = table.path("file").asText();
        String query = table.path("options").asText();
        CommandSide side = opened("c");

        ImportReport dryRun = run(side, "c", file, options(query, true));
        assertThat(dryRun.refused()).as("refused in the dry run").isEmpty();
        assertThat(dryRun.namesLookPublished()).as("proposes published=true").isEqualTo(table.path("proposesPublished").asBoolean());
        Map<String, String> words = new LinkedHashMap<>();
        dryRun.vocabulary().forEach(w -> words.put(w.word(), w.outcomeClass()));
        Map<String, String> expectedWords = new LinkedHashMap<>();
        table.path("vocabulary").fields().forEachRemaining(e -> expectedWords.put(e.getKey(), e.getValue().asText()));
        assertThat(words).isEqualTo(expectedWords);
        assertThat(dryRun.vocabulary()).allMatch(w -> w.adopted() != List.of("采纳", "部分采纳", "不采纳").contains(w.word()));

        ImportReport imported = run(side, "c", file, options(query, false));
        assertThat(imported.refused()).isEmpty();
        assertThat(imported.decided()).isEqualTo(table.path("rows").size());

        TablePublished published = side.publish(new PublishTable("c", Set.of(), null, T, SUPERVISOR));
        List<List<String>> rows = side.rows(1).stream().map(r -> List.of(String.valueOf(r.rowNumber()), r.submitterPublicName(),
                r.opinion(), r.decisionText())).toList();
        List<List<String>> expected = new ArrayList<>();
        table.path("rows").forEach(r -> {
            List<String> row = new ArrayList<>();
            r.forEach(cell -> row.add(cell.asText()));
            expected.add(row);
        });
        assertThat(rows).isEqualTo(expected);
        assertThat(published.totals().keySet()).as("only the words used").containsExactlyInAnyOrderElementsOf(expectedWords.keySet());
        assertThat(published.totals().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected.size());
    }

    @Test
    void aCommentReceivedLaterGetsTheNextNumberAfterThePublishedTablesOwn() throws IOException {
        CommandSide side = opened("c");
        run(side, "c", "city-bureau-vmerge-repeated-header.docx", options("published=true", false));
        side.sender.send(new ReceiveSubmission("late", "c", new Submitter("陈大天", SubmitterKind.PERSON, null), "建议增加宣传。",
                Channel.WEB, T.plusSeconds(60), null, new Actor("public", "", Set.of())), SUPERVISOR);
        side.sender.send(new DecideSubmission("late", "采纳", "", null, T.plusSeconds(120), SUPERVISOR), SUPERVISOR);
        side.publish(new PublishTable("c", Set.of(), null, T, SUPERVISOR));
        List<SubmissionPublished> rows = side.rows(1);
        assertThat(rows).extracting(SubmissionPublished::rowNumber).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rows.get(5).submitterPublicName()).isEqualTo("陈*天");
        assertThat(rows.get(5).submissionId()).isEqualTo("late");
    }

    @Test
    void twoPublishedTablesClaimingOneSerialRefuseThePublicationNamingTheirItems() throws IOException {
        CommandSide side = opened("c");
        run(side, "c", "forestry-submitter-opinion-yesno-reason.csv", options("published=true", false));
        run(side, "c", "district-narrative.txt", options("published=true", false));
        assertThatThrownBy(() -> side.publish(new PublishTable("c", Set.of(), null, T, SUPERVISOR)))
                .isInstanceOf(ConsultationRefused.class)
                .hasMessageContaining("序号 1 is held by c-")
                .hasMessageContaining("序号 3 is held by");
    }

    @Test
    void withoutTheFillDownOptionBlankOutcomesUnderADecidedRowAreReportedAndLeftUndecided() throws IOException {
        CommandSide side = opened("c");
        ImportReport report = run(side, "c", "housing-blank-outcomes-under-decided.csv", options("", true));
        assertThat(report.decided()).isEqualTo(2);
        assertThat(report.filledDown()).isZero();
        assertThat(report.warnings()).extracting(ImportReport.Warning::row).containsExactly(2, 4);
        assertThat(report.warnings().get(0).warning()).contains("采纳情况 is blank under the decided row 1 (序号 1)").contains("fillDown=true");
        ImportReport filled = run(side, "c", "housing-blank-outcomes-under-decided.csv", options("fillDown=true", true));
        assertThat(filled.decided()).isEqualTo(4);
        assertThat(filled.filledDown()).isEqualTo(2);

        byte[] run = "序号,反馈单位或个人,反馈意见,采纳情况\n1,李*,建议一。,采纳。\n2,王*,建议二。,\n3,陈*,建议三。,\n".getBytes(StandardCharsets.UTF_8);
        ImportReport warned = side.tableImport.run("c", "run.csv", new ByteArrayInputStream(run), options("", true), SUPERVISOR);
        assertThat(warned.warnings()).extracting(ImportReport.Warning::row).as("each blank row of the run").containsExactly(2, 3);
        assertThat(warned.warnings().get(1).warning()).contains("under the decided row 1 (序号 1)");
        ImportReport undecided = side.tableImport.run("c", "none.csv", new ByteArrayInputStream(
                "序号,反馈单位或个人,反馈意见,采纳情况\n1,李*,建议一。,\n2,王*,建议二。,\n".getBytes(StandardCharsets.UTF_8)),
                options("fillDown=true", true), SUPERVISOR);
        assertThat(undecided.warnings()).as("blank under nothing decided: a table not decided yet").isEmpty();
        assertThat(undecided.filledDown()).isZero();
    }
}
