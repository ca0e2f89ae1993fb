package io.consultdesk.command.importing;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.security.Roles;
import io.consultdesk.command.submission.Commands.ImportSubmission;
import io.consultdesk.command.submission.ImportedAs;
import io.consultdesk.command.submission.Decision;
import io.consultdesk.command.consultation.OutcomeVocabulary;
import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.web.CommandSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a dry run tells about a table: the mapping it inferred, the columns it ignores, each row's preview, warnings. */
class TableImportReportTest {

    static final Actor SUPERVISOR = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));
    static final OutcomeVocabulary DEFAULTS = OutcomeVocabulary.classing(Consultation.DEFAULT_OUTCOMES);

    private final List<ImportSubmission> sent = new ArrayList<>();
    private final TableImport tableImport = new TableImport(new CommandSender(null, new SimpleMeterRegistry()) {
        @Override
        @SuppressWarnings("unchecked")
        public <R> R send(Object command, Actor actor) {
            ImportSubmission imported = (ImportSubmission) command;
            sent.add(imported);
            if (imported.decisionText().isBlank()) {
                return (R) ImportedAs.RECEIVED;
            }
            Decision decision = Decision.ofColumns(imported.decisionText(), imported.reasonText(), DEFAULTS);
            return (R) new ImportedAs(ImportedAs.As.DECIDED, new OutcomeWord(decision.outcome(), decision.outcomeClass()),
                    !DEFAULTS.contains(decision.outcome()));
        }
    }, Clock.fixed(Instant.parse("2024-10-01T00:00:00Z"), ZoneOffset.UTC));

    private ImportReport dryRun(String resource, ColumnMapping mapping) throws IOException {
        return tableImport.run("c", resource, new ByteArrayInputStream(TableLayoutsTest.resource(resource)), mapping, true, SUPERVISOR);
    }

    @Test
    void theDryRunShowsTheMappingTheIgnoredColumnsAndAPreviewOfEachRow() throws IOException {
        ImportReport report = dryRun("forestry-submitter-opinion-yesno-reason.csv", ColumnMapping.NONE);
        assertThat(report.columns()).extracting(ImportReport.ColumnUse::column, ImportReport.ColumnUse::header, ImportReport.ColumnUse::role)
                .containsExactly(tuple(1, "序号", "serial"), tuple(2, "反馈人", "submitter"), tuple(3, "意见内容", "opinion"),
                        tuple(4, "是否采纳", "outcome"), tuple(5, "采纳理由", "reason"));
        assertThat(report.ignoredColumns()).containsExactly(new ImportReport.ColumnUse(6, "联系电话", null, "ignored"));
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.decided()).isEqualTo(4);
        assertThat(report.preview()).hasSize(4);
        assertThat(report.preview().get(2)).isEqualTo(new ImportReport.RowPreview(3, "3", "深圳市某某园林绿化有限公司",
                "建议对养护单位资质不作限制。", "否", "为保障养护质量，需对养护单位具备相应能力作出要求。"));
        assertThat(sent).extracting(ImportSubmission::decisionText, ImportSubmission::reasonText)
                .contains(tuple("是", "已在第八条中补充认定程序。"), tuple("是", ""));
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void blankOpinionsAnonymousRowsDuplicateSerialsAndExtraColumnsAreListed() throws IOException {
        ImportReport township = dryRun("township-serial-submitter-opinion-outcome.csv", ColumnMapping.NONE);
        assertThat(township.rows()).isEqualTo(6);
        assertThat(township.refusedCount()).isZero();
        assertThat(township.warnings()).extracting(ImportReport.Warning::row, ImportReport.Warning::serial)
                .containsExactly(tuple(3, "3"), tuple(5, "5"));
        assertThat(township.warnings().get(0).warning()).contains("anonymous");
        assertThat(township.warnings().get(1).warning()).contains("反馈意见 is empty").contains("kept in its place");
        assertThat(sent).extracting(s -> s.receive().opinion()).contains("");

        ImportReport duplicates = dryRun("duplicate-serial-extra-column.csv", ColumnMapping.NONE);
        assertThat(duplicates.duplicateSerials()).containsExactly("1");
        assertThat(duplicates.warnings()).extracting(ImportReport.Warning::row, ImportReport.Warning::warning)
                .containsExactly(tuple(2, "序号 1 is also the 序号 of row 1"));
        assertThat(duplicates.ignoredColumns()).containsExactly(new ImportReport.ColumnUse(5, "提交渠道说明书", null, "not recognised"));
    }

    @Test
    void aPreviewCutsLongTextsAndAHeaderWithoutRowsSaysSo() throws IOException {
        String longOpinion = "建议".repeat(30);
        byte[] csv = ("序号,反馈单位或个人,反馈意见,采纳情况\n1,王*," + longOpinion + ",\n").getBytes(StandardCharsets.UTF_8);
        ImportReport report = tableImport.run("c", "t.csv", new ByteArrayInputStream(csv), ColumnMapping.NONE, true, SUPERVISOR);
        assertThat(report.preview().get(0).opinion()).hasSize(41).endsWith("…");
        ImportReport empty = tableImport.run("c", "t.csv", new ByteArrayInputStream("序号,反馈单位或个人,反馈意见\n".getBytes(
                StandardCharsets.UTF_8)), ColumnMapping.NONE, true, SUPERVISOR);
        assertThat(empty.rows()).isZero();
        assertThat(empty.warnings()).extracting(ImportReport.Warning::warning).containsExactly("the table has a header but no rows under it");
    }

    @Test
    void theDryRunProposesPublishedWhenTheNamesArePublicAlreadyAndNamesWhatItFound() throws IOException {
        ImportReport township = dryRun("township-serial-submitter-opinion-outcome.csv", ColumnMapping.NONE);
        assertThat(township.namesLookPublished()).isTrue();
        assertThat(township.names()).contains("published=true").contains("2 masked with *, 2 honorific or noted").contains("1 blank");
        assertThat(township.vocabulary()).extracting(ImportReport.OutcomeUse::word, ImportReport.OutcomeUse::outcomeClass,
                        ImportReport.OutcomeUse::rows, ImportReport.OutcomeUse::adopted)
                .containsExactly(tuple("采纳", "accepted", 3, false), tuple("已反馈", "explained", 1, true),
                        tuple("不采纳", "not-accepted", 1, false), tuple("部分采纳", "partly", 1, false));

        byte[] fullNames = "序号,反馈人,意见,采纳情况\n1,张三丰,建议一。,采纳\n2,李*,建议二。,采纳\n".getBytes(StandardCharsets.UTF_8);
        ImportReport plain = tableImport.run("c", "t.csv", new ByteArrayInputStream(fullNames), ColumnMapping.NONE, true, SUPERVISOR);
        assertThat(plain.namesLookPublished()).isFalse();
        assertThat(plain.names()).contains("masked").contains("'张三丰' is written in full");
    }

    @Test
    void aPublishedTableKeepsItsSerialsSoATwiceUsedOrNonNumericSerialRefusesItsRow() throws IOException {
        byte[] csv = "序号,反馈单位或个人,反馈意见,采纳情况\n1,李*,建议一。,采纳。\n1,王*,建议二。,不采纳。\n二,陈*,建议三。,采纳。\n3,赵*,建议四。,采纳。\n"
                .getBytes(StandardCharsets.UTF_8);
        ImportReport report = tableImport.run("c", "t.csv", new ByteArrayInputStream(csv),
                new ImportOptions(ColumnMapping.NONE, false, true, false), SUPERVISOR);
        assertThat(report.published()).isTrue();
        assertThat(report.refused()).extracting(ImportReport.RefusedRow::row, ImportReport.RefusedRow::reason)
                .containsExactly(tuple(2, "序号 1 is also the 序号 of row 1: a published table's 序号 are kept, so each must be unique"),
                        tuple(3, "序号 '二' is not a whole number: a published table keeps its 序号"));
        assertThat(sent).extracting(ImportSubmission::published, ImportSubmission::publishedRowNumber)
                .containsExactly(tuple(true, 1), tuple(true, 3));
    }
}
