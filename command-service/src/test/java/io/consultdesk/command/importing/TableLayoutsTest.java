package io.consultdesk.command.importing;

import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.submission.SubmitterKind;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The layouts real 采纳情况表 use (src/test/resources/tables/), each read into rows with exactly the 序号,
 * submitter, opinion, outcome and reason text of its cells, with no column mapping.
 */
class TableLayoutsTest {

    record Read(TableColumns columns, List<TableRow> rows) {
        List<String> roles() {
            return columns.columns().stream().map(c -> c.role() == null ? "-" : c.role().key()).toList();
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TableLayoutsTest.class.getResourceAsStream("/tables/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(String fileName, byte[] bytes, ColumnMapping mapping) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        TableColumns columns = TableReader.forFile(fileName, mapping).read(new ByteArrayInputStream(bytes), rows::add);
        return new Read(columns, rows);
    }

    static Read read(String resource) throws IOException {
        return read(resource, resource(resource), ColumnMapping.NONE);
    }

    @Test
    void township_serialSubmitterOpinionOutcome_withATitleAboveAnonymousRowsAndABlankOpinion() throws IOException {
        Read table = read("township-serial-submitter-opinion-outcome.csv");
        assertThat(table.roles()).containsExactly("serial", "submitter", "opinion", "outcome");
        assertThat(table.rows()).extracting(TableRow::serial, TableRow::submitter, TableRow::opinion, TableRow::outcome, TableRow::reason)
                .containsExactly(
                        tuple("1", "李**", "建议在村口增设公交站点，方便老人出行。", "采纳。", null),
                        tuple("2", "（未署名）", "村道路灯不足，\n夜间出行不便。", "已反馈给建设单位研究及落实。", null),
                        tuple("3", "", "建议保留村内古榕树。", "采纳，已在规划中划定古树保护范围。", null),
                        tuple("4", "黄先生", "规划图中的地块编号与现状不符，请核实。", "不采纳，经核实地块编号与国土调查成果一致。", null),
                        tuple("5", "王*明", "", "采纳。", null),
                        tuple("6", "某某村民委员会", "建议增加村级文化活动场地。", "部分采纳，已预留用地，具体建设视资金安排。", null));
        assertThat(table.rows()).allMatch(r -> r.problem() == null && r.submitterKind() == null);
    }

    @Test
    void forestry_submitterOpinionYesNoAndAReasonColumn_thePhoneColumnIgnored() throws IOException {
        Read table = read("forestry-submitter-opinion-yesno-reason.csv");
        assertThat(table.roles()).containsExactly("serial", "submitter", "opinion", "outcome", "reason", "-");
        assertThat(table.columns().columns().get(5)).isEqualTo(new TableColumns.Column(6, "联系电话", null, "ignored"));
        assertThat(table.rows()).extracting(TableRow::serial, TableRow::submitter, TableRow::opinion, TableRow::outcome, TableRow::reason)
                .containsExactly(
                        tuple("1", "张**", "建议明确古树名木认定的具体程序。", "是", "已在第八条中补充认定程序。"),
                        tuple("2", "陈女士", "第十二条罚款额度过低，建议提高。", "否", "罚款额度依据上位法设定，本办法不宜突破。"),
                        tuple("3", "深圳市某某园林绿化有限公司", "建议对养护单位资质不作限制。", "否", "为保障养护质量，需对养护单位具备相应能力作出要求。"),
                        tuple("4", "刘*", "建议增加公众举报渠道。", "是", ""));
    }

    @Test
    void science_unitAndPersonSideBySide_opinion_feedbackOutcome_remarkIgnored_csv() throws IOException {
        Read table = read("science-unit-person-opinion-outcome-remark.csv");
        assertThat(table.roles()).containsExactly("serial", "unit", "person", "opinion", "outcome", "-");
        assertScienceRows(table.rows());
    }

    @Test
    void science_unitAndPersonSideBySide_xlsxWithOneOutcomeMergedOverThreeRows() throws IOException {
        Read table = read("science.xlsx", scienceWorkbook(), ColumnMapping.NONE);
        assertThat(table.roles()).containsExactly("serial", "unit", "person", "opinion", "outcome", "-");
        assertScienceRows(table.rows());
    }

    private static void assertScienceRows(List<TableRow> rows) {
        String merged = "部分采纳。补助比例结合财力统筹确定。";
        assertThat(rows).extracting(TableRow::serial, TableRow::submitter, TableRow::submitterKind, TableRow::opinion,
                        TableRow::outcome, TableRow::reason)
                .containsExactly(
                        tuple("1", "某某科技有限公司", SubmitterKind.ORGANISATION, "建议提高研发投入补助比例。", merged, null),
                        tuple("2", "某某科技有限公司", SubmitterKind.ORGANISATION, "建议简化申报材料。", merged, null),
                        tuple("3", "赵**", SubmitterKind.PERSON, "建议延长申报期限。", merged, null),
                        tuple("4", "深圳市某某大学 孙**", SubmitterKind.ORGANISATION, "建议支持高校科研成果转化。", "采纳。", null));
    }

    /** The science bureau's table as it publishes it: a title merged across, a header, one outcome merged down rows 1–3. */
    static byte[] scienceWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("采纳情况");
            sheet.createRow(0).createCell(0).setCellValue("市科技创新局关于《科技创新专项资金管理办法（征求意见稿）》意见采纳情况表");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            cells(sheet.createRow(1), "序号", "单位", "个人", "意见", "反馈意见\n采纳情况", "备注");
            XSSFRow r1 = sheet.createRow(2);
            r1.createCell(0).setCellValue(1);
            cells(r1, null, "某某科技有限公司", "", "建议提高研发投入补助比例。", "部分采纳。补助比例结合财力统筹确定。");
            XSSFRow r2 = sheet.createRow(3);
            r2.createCell(0).setCellValue(2);
            cells(r2, null, "某某科技有限公司", "", "建议简化申报材料。");
            XSSFRow r3 = sheet.createRow(4);
            r3.createCell(0).setCellValue(3);
            cells(r3, null, "", "赵**", "建议延长申报期限。", null, "电话已核实");
            sheet.addMergedRegion(new CellRangeAddress(2, 4, 4, 4));
            XSSFRow r4 = sheet.createRow(5);
            r4.createCell(0).setCellValue(4);
            cells(r4, null, "深圳市某某大学", "孙**", "建议支持高校科研成果转化。", "采纳。");
            wb.write(out);
        }
        return out.toByteArray();
    }

    private static void cells(XSSFRow row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                row.createCell(i).setCellValue(texts[i]);
            }
        }
    }

    @Test
    void headersItCannotPlaceAreRefusedNamingWhatIsMissingAndReadOnceMapped() throws IOException {
        assertThatThrownBy(() -> read("unrecognised-headers.csv"))
                .isInstanceOf(MalformedTable.class)
                .hasMessageContaining("[No, 来函单位, 内容摘要, 办理答复]")
                .hasMessageContaining("found serial")
                .hasMessageContaining("not found: submitter (反馈单位或个人")
                .hasMessageContaining("opinion (反馈意见")
                .hasMessageContaining("columns=opinion:");
        Read table = read("unrecognised-headers.csv", resource("unrecognised-headers.csv"),
                ColumnMapping.parse("submitter:来函单位，opinion：内容摘要, outcome=办理答复"));
        assertThat(table.columns().columns()).extracting(TableColumns.Column::how)
                .containsExactly("recognised", "mapped", "mapped", "mapped");
        assertThat(table.rows()).extracting(TableRow::serial, TableRow::submitter, TableRow::opinion, TableRow::outcome)
                .containsExactly(tuple("1", "某某行业协会", "建议增加技能培训补贴。", "采纳"),
                        tuple("2", "周*", "建议公开补贴发放名单。", "不采纳，涉及个人信息。"));
    }

    @Test
    void aMappingByColumnNumberOverridesWhatWasInferred() throws IOException {
        Read table = read("forestry-submitter-opinion-yesno-reason.csv", resource("forestry-submitter-opinion-yesno-reason.csv"),
                ColumnMapping.parse("ignore:#5"));
        assertThat(table.roles()).containsExactly("serial", "submitter", "opinion", "outcome", "-", "-");
        assertThat(table.rows().get(0).reason()).isNull();
        assertThatThrownBy(() -> ColumnMapping.parse("verdict:处理结果")).isInstanceOf(InvalidField.class)
                .hasMessageContaining("serial, submitter, unit, person, opinion, outcome, reason or ignore");
        assertThatThrownBy(() -> ColumnMapping.parse("opinion")).isInstanceOf(InvalidField.class);
    }

    @Test
    void synonymsOfEachRole() {
        assertThat(ColumnRole.recognise("意见建议")).contains(ColumnRole.OPINION);
        assertThat(ColumnRole.recognise("意 见 内 容")).contains(ColumnRole.OPINION);
        assertThat(ColumnRole.recognise("反馈意见采纳情况")).contains(ColumnRole.OUTCOME);
        assertThat(ColumnRole.recognise("是否采纳")).contains(ColumnRole.OUTCOME);
        assertThat(ColumnRole.recognise("采纳理由")).contains(ColumnRole.REASON);
        assertThat(ColumnRole.recognise("不予采纳的理由")).contains(ColumnRole.REASON);
        assertThat(ColumnRole.recognise("说明")).contains(ColumnRole.REASON);
        assertThat(ColumnRole.recognise("反馈单位/个人")).contains(ColumnRole.SUBMITTER);
        assertThat(ColumnRole.recognise("单位")).contains(ColumnRole.UNIT);
        assertThat(ColumnRole.recognise("个人")).contains(ColumnRole.PERSON);
        assertThat(ColumnRole.recognise("序号：")).contains(ColumnRole.SERIAL);
        assertThat(ColumnRole.recognise("备注")).contains(ColumnRole.IGNORE);
        assertThat(ColumnRole.recognise("联系电话")).contains(ColumnRole.IGNORE);
        assertThat(ColumnRole.recognise("附件")).isEmpty();
    }

    @Test
    void aTitleRowIsNotTakenForTheHeaderNorAColumnOfTheSameRoleTwice() throws IOException {
        byte[] csv = ("征求意见采纳情况表,,\n序号,意见,反馈意见,采纳情况\n1,甲,乙,采纳\n").getBytes(StandardCharsets.UTF_8);
        Read table = read("t.csv", csv, ColumnMapping.NONE);
        assertThat(table.roles()).containsExactly("serial", "opinion", "-", "outcome");
        assertThat(table.columns().columns().get(2).how()).isEqualTo("a second opinion column (the first is used)");
    }

    @Test
    void anEmptyFileSaysItIsEmpty() {
        for (String name : List.of("e.csv", "e.txt")) {
            assertThatThrownBy(() -> read(name, "\uFEFF\n\n".getBytes(StandardCharsets.UTF_8), ColumnMapping.NONE))
                    .isInstanceOf(MalformedTable.class).hasMessageContaining("empty");
        }
    }

    @Test
    void aDocxTableIsReadByItsHeaderSkippingTheHeaderRepeatedOnTheNextPage() throws IOException {
        Read table = read("city-bureau-vmerge-repeated-header.docx");
        assertThat(table.roles()).containsExactly("serial", "submitter", "opinion", "outcome", "reason");
        assertThat(table.rows()).extracting(TableRow::serial).containsExactly("1", "2", "3", "4", "5");
        assertThat(table.rows().get(1)).extracting(TableRow::outcome, TableRow::reason).containsExactly("已采纳", "已在第十条中增加。");
        assertThatThrownBy(() -> read("x.docx", "not a document".getBytes(StandardCharsets.UTF_8), ColumnMapping.NONE))
                .isInstanceOf(MalformedTable.class).hasMessageContaining("not a readable DOCX");
    }

    @Test
    void aNarrativeTextWithoutLabelsIsRefusedSayingWhatItLookedFor() {
        assertThatThrownBy(() -> read("n.txt", "某某意见采纳情况\n我们收到了很多意见。\n".getBytes(StandardCharsets.UTF_8), ColumnMapping.NONE))
                .isInstanceOf(MalformedTable.class).hasMessageContaining("意见建议：");
    }

    @Test
    void aHeaderOfTwoRowsIsReadAsOne_unitAndPersonUnderASubmitterSpanningBoth() throws IOException {
        byte[] csv = ("序号,反馈单位或个人,,反馈意见,采纳情况\n,单位,个人,,\n1,某某协会,,建议一。,采纳。\n2,,王*,建议二。,不采纳。\n")
                .getBytes(StandardCharsets.UTF_8);
        Read table = read("two.csv", csv, ColumnMapping.NONE);
        assertThat(table.roles()).containsExactly("serial", "unit", "person", "opinion", "outcome");
        assertThat(table.rows()).extracting(TableRow::serial, TableRow::submitter, TableRow::submitterKind)
                .containsExactly(tuple("1", "某某协会", SubmitterKind.ORGANISATION), tuple("2", "王*", SubmitterKind.PERSON));

        Read docx = read("two.docx", twoRowHeaderDocx(), ColumnMapping.NONE);
        assertThat(docx.roles()).containsExactly("serial", "unit", "person", "opinion", "outcome");
        assertThat(docx.rows()).extracting(TableRow::serial, TableRow::submitter, TableRow::opinion, TableRow::outcome)
                .containsExactly(tuple("1", "某某协会", "建议一。", "采纳。"), tuple("2", "王*", "建议二。", "不采纳。"));
    }

    @Test
    void aFirstRowThatHoldsAComment_evenOneOfHeaderWords_isNoSecondHeaderRow() throws IOException {
        byte[] csv = "序号,反馈单位或个人,反馈意见,采纳情况\n,,建议,采纳\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read("t.csv", csv, ColumnMapping.NONE).rows()).extracting(TableRow::opinion, TableRow::outcome)
                .containsExactly(tuple("建议", "采纳"));
    }

    @Test
    void aLaterTableOfTheDocumentWithOtherColumnsIsReportedNotReadAsRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = doc.createTable(2, 4);
            String[][] rows = {{"序号", "反馈单位或个人", "反馈意见", "采纳情况"}, {"1", "李*", "建议一。", "采纳。"}};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 4; c++) {
                    table.getRow(r).getCell(c).setText(rows[r][c]);
                }
            }
            XWPFTable signatures = doc.createTable(1, 2);
            signatures.getRow(0).getCell(0).setText("经办人");
            signatures.getRow(0).getCell(1).setText("审核人");
            doc.write(out);
        }
        Read read = read("t.docx", out.toByteArray(), ColumnMapping.NONE);
        assertThat(read.rows()).extracting(TableRow::opinion).containsExactly("建议一。", "");
        assertThat(read.rows().get(1).problem()).isEqualTo("table 2 of the document has 2 columns where the table has 4: not read as a part of it");
    }

    /** 序号, 反馈意见 and 采纳情况 merged down over two header rows; 反馈单位或个人 spanning 单位 and 个人 under it. */
    private static byte[] twoRowHeaderDocx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = doc.createTable(4, 5);
            String[][] texts = {{"序号", "反馈单位或个人", null, "反馈意见", "采纳情况"}, {"", "单位", "个人", "", ""},
                    {"1", "某某协会", "", "建议一。", "采纳。"}, {"2", "", "王*", "建议二。", "不采纳。"}};
            for (int r = 0; r < texts.length; r++) {
                for (int c = 0; c < 5; c++) {
                    if (texts[r][c] != null) {
                        table.getRow(r).getCell(c).setText(texts[r][c]);
                    }
                }
            }
            // the spanning cell: its second grid column removed, its span set to two
            table.getRow(0).getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.TWO);
            table.getRow(0).removeCell(2);
            for (int c : new int[] {0, 3, 4}) {
                int inRow0 = c == 0 ? 0 : c - 1;
                vMerge(table.getRow(0).getCell(inRow0), STMerge.RESTART);
                vMerge(table.getRow(1).getCell(c), null);
            }
            doc.write(out);
        }
        return out.toByteArray();
    }

    private static void vMerge(XWPFTableCell cell, STMerge.Enum value) {
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTVMerge merge = pr.addNewVMerge();
        if (value != null) {
            merge.setVal(value);
        }
    }
}
