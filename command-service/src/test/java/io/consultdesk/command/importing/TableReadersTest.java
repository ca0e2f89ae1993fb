package io.consultdesk.command.importing;

import io.consultdesk.command.SeedFiles;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.submission.Decision;
import io.consultdesk.command.submission.DecisionText;
import io.consultdesk.command.submission.SubmissionRefused;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableReadersTest {

    private static List<TableRow> read(TableReader reader, byte[] bytes) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        reader.read(new ByteArrayInputStream(bytes), rows::add);
        return rows;
    }

    @Test
    void theSeedsPlainTextGivesIts55RowsWithParagraphsKept() throws IOException {
        List<TableRow> rows = read(new PlainTextTableReader(), SeedFiles.read("000_9004bd27553d34a2.txt").getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(55);
        assertThat(rows).allMatch(r -> r.problem() == null);
        assertThat(rows.get(0).serial()).isEqualTo("1");
        assertThat(rows.get(0).submitter()).isEqualTo("**大学深圳研究生院");
        assertThat(rows.get(5).opinion()).contains("建议内容：\n\n推动人工智能检测认证中心建设");
        assertThat(rows.get(34).opinion().split("\n\n")).hasSize(5);
        assertThat(rows.get(54).outcome()).isEqualTo("采纳。");
        List<String> opinions = SeedFiles.opinions();
        for (int i = 0; i < 55; i++) {
            assertThat(rows.get(i).opinion()).isEqualTo(opinions.get(i));
        }
    }

    @Test
    void everySeedDecisionSplitsIntoOutcomeAndReasonAndJoinsBackExactly() throws IOException {
        List<TableRow> rows = read(new PlainTextTableReader(), SeedFiles.read("000_9004bd27553d34a2.txt").getBytes(StandardCharsets.UTF_8));
        List<SeedFiles.Expected> expected = SeedFiles.expected();
        for (int i = 0; i < 55; i++) {
            Decision d = Decision.parse(rows.get(i).outcome(), Consultation.DEFAULT_OUTCOMES);
            assertThat(d.outcome()).as("row %d", i + 1).isEqualTo(expected.get(i).outcome());
            assertThat(DecisionText.of(d.outcome(), d.reason())).isEqualTo(rows.get(i).outcome());
        }
    }

    @Test
    void aDecisionOutsideTheVocabularyIsRefusedAndAnEmptyOneIsNone() {
        assertThatThrownBy(() -> Decision.parse("同意。", Consultation.DEFAULT_OUTCOMES)).isInstanceOf(SubmissionRefused.class);
        assertThat(Decision.parse("  ", Consultation.DEFAULT_OUTCOMES)).isNull();
        assertThat(Decision.parse("予以说明：已有政策", List.of("已采纳", "未采纳", "予以说明")).outcome()).isEqualTo("予以说明");
        assertThat(DecisionText.of("采纳", "已吸收")).isEqualTo("采纳，已吸收");
        assertThat(DecisionText.of("采纳", "")).isEqualTo("采纳");
    }

    @Test
    void csvHeadersInAnyOrderQuotedCommasAndLineBreaks() throws IOException {
        String csv = "\uFEFF采纳情况,反馈意见,序号,反馈单位或个人\r\n"
                + "\"不采纳，理由。\",\"第一段，含逗号\n\n第二段 \"\"引号\"\"\",7,陈*天\r\n"
                + ",建议,8,王*\r\n";
        List<TableRow> rows = read(new CsvTableReader(), csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).serial()).isEqualTo("7");
        assertThat(rows.get(0).opinion()).isEqualTo("第一段，含逗号\n\n第二段 \"引号\"");
        assertThat(rows.get(0).outcome()).isEqualTo("不采纳，理由。");
        assertThat(rows.get(1).outcome()).isEmpty();
    }

    @Test
    void aCsvWithoutTheColumnsOrEndingInsideQuotesIsRefusedWhole() {
        assertThatThrownBy(() -> read(new CsvTableReader(), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedTable.class);
        assertThatThrownBy(() -> read(new CsvTableReader(), "反馈单位或个人,反馈意见\n王*,\"未完".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedTable.class);
    }

    @Test
    void xlsxFindsItsHeaderRowAndReadsTheCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("附件");
            var header = sheet.createRow(1);
            String[] names = {"序号", "反馈单位或个人", "反馈意见", "采纳情况"};
            for (int i = 0; i < 4; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var row = sheet.createRow(2);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("深圳市****产业协会");
            row.createCell(2).setCellValue("建议\n\n第二段");
            row.createCell(3).setCellValue("采纳。");
            wb.write(out);
        }
        List<TableRow> rows = read(new XlsxTableReader(), out.toByteArray());
        assertThat(rows).containsExactly(new TableRow(1, "1", "深圳市****产业协会", null, "建议\n\n第二段", "采纳。", null, null));
        assertThatThrownBy(() -> read(new XlsxTableReader(), "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedTable.class);
    }

    @Test
    void theFileNameChoosesTheReader() {
        assertThat(TableReader.forFile("a.TXT")).isInstanceOf(PlainTextTableReader.class);
        assertThat(TableReader.forFile("a.csv")).isInstanceOf(CsvTableReader.class);
        assertThat(TableReader.forFile("a.xlsx")).isInstanceOf(XlsxTableReader.class);
        assertThatThrownBy(() -> TableReader.forFile("a.pdf")).isInstanceOf(TableReader.UnsupportedTableFormat.class);
    }
}
