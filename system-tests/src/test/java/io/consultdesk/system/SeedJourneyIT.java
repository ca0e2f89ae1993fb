package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the whole system: the real table's 55 comments are imported with their outcomes,
 * routed, published, and the plain-text export is the very file they came from; the other exports hold
 * the same rows; importing any of those exports again finds the same items.
 */
class SeedJourneyIT {

    static final String SEED = "000_9004bd27553d34a2.txt";

    @ParameterizedTest
    @EnumSource(Infrastructure.class)
    void theSeedTableGoesInAndComesOutTheSame(Infrastructure infrastructure) throws Exception {
        Api api = Stack.on(infrastructure).api();
        String consultation = Fixtures.openConsultation(api);
        byte[] seed = Fixtures.seedText(SEED).getBytes(StandardCharsets.UTF_8);
        String imports = "/api/consultations/" + consultation + "/imports";

        JsonNode dryRun = api.upload("supervisor", imports + "?dryRun=true", SEED, seed).json();
        assertThat(dryRun.path("rows").asInt()).isEqualTo(55);
        assertThat(dryRun.path("decided").asInt()).isEqualTo(55);

        Api.Reply imported = api.upload("supervisor", imports, SEED, seed);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("received").asInt()).isEqualTo(55);
        assertThat(imported.json().path("decided").asInt()).isEqualTo(55);
        assertThat(imported.json().path("refusedCount").asInt()).isZero();

        JsonNode again = api.upload("supervisor", imports, SEED, seed).json();
        assertThat(again.path("alreadyPresent").asInt()).as("re-import changes nothing").isEqualTo(55);
        assertThat(again.path("received").asInt()).isZero();

        Api.Reply published = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("totals").toString()).isEqualTo("{\"采纳\":15,\"部分采纳\":13,\"不采纳\":27}");

        String table = "/api/consultations/" + consultation + "/table";
        api.awaitQuery(null, table, r -> r.status() == 200, Duration.ofSeconds(20));
        String txt = new String(api.download(table + "?format=txt"), StandardCharsets.UTF_8);
        assertThat(txt.strip()).isEqualTo(Fixtures.seedText(SEED).strip());
        assertThat(txt).as("byte for byte, blank lines included").isEqualTo(Fixtures.seedText(SEED));

        List<List<String>> expected = seedRows();
        assertThat(xlsxRows(api.download(table + "?format=xlsx"))).isEqualTo(expected);
        assertThat(docxRows(api.download(table + "?format=docx"))).isEqualTo(expected);

        byte[] csv = api.download(table + "?format=csv");
        byte[] xlsx = api.download(table + "?format=xlsx");
        assertThat(api.upload("supervisor", imports, "table.csv", csv).json().path("alreadyPresent").asInt())
                .as("the CSV export names the same items").isEqualTo(55);
        assertThat(api.upload("supervisor", imports, "table.xlsx", xlsx).json().path("alreadyPresent").asInt())
                .as("the XLSX export names the same items").isEqualTo(55);

        JsonNode row10 = api.query(null, table).json().path("rows").get(9);
        JsonNode item = api.query("supervisor", "/api/submissions/" + row10.path("submissionId").asText()).json();
        assertThat(item.path("citedClauses").toString()).isEqualTo("[\"（十一）\"]");
        assertThat(item.path("leadBureau").asText()).isEqualTo("市工业和信息化局");
        assertThat(item.path("letter").path("part").asInt()).as("row 10 is the first of three from one company").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Infrastructure.class, names = "EMBEDDED")
    void aBrokenFileIsRefusedAndABadRowNeverBlocksTheGoodOnes(Infrastructure infrastructure) {
        Api api = Stack.on(infrastructure).api();
        String consultation = Fixtures.openConsultation(api);
        String imports = "/api/consultations/" + consultation + "/imports";
        String csv = "\uFEFF反馈意见,反馈单位或个人,采纳情况\r\n"
                + "\"建议增加补贴，\"\"尽快\"\"\",王五,\r\n"
                + ",李四,\r\n"
                + "第（三）条建议,深圳市星河科技有限公司,同意\r\n"
                + "\"多段\n\n意见\",赵六,不采纳，理由。\r\n";
        JsonNode report = api.upload("supervisor", imports, "rows.csv", csv.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(report.path("rows").asInt()).isEqualTo(4);
        // a blank opinion is kept in its place (published as written, never renumbered), with a warning
        assertThat(report.path("received").asInt()).isEqualTo(3);
        assertThat(report.path("decided").asInt()).isEqualTo(1);
        assertThat(report.path("warnings").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(report.path("warnings").get(0).path("warning").asText()).contains("反馈意见");
        // an outcome word outside the consultation's vocabulary refuses its row, and only its row
        assertThat(report.path("refusedCount").asInt()).isEqualTo(1);
        assertThat(report.path("refused").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(report.path("refused").get(0).path("reason").asText()).contains("同意");

        Api.Reply noHeader = api.upload("supervisor", imports, "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        Api.Reply notXlsx = api.upload("supervisor", imports, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.status()).isEqualTo(400);
        Api.Reply pdf = api.upload("supervisor", imports, "x.pdf", new byte[] {1, 2});
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.json().path("detail").asText()).contains(".csv");
        assertThat(api.upload("official-gxj", imports, "rows.csv", csv.getBytes(StandardCharsets.UTF_8)).status())
                .as("an official does not import").isEqualTo(403);
        Api.Reply clerkWithDecisions = api.upload("clerk", imports, "seed.txt", Fixtures.seedText(SEED).getBytes(StandardCharsets.UTF_8));
        assertThat(clerkWithDecisions.status()).as("a clerk cannot import decisions").isEqualTo(403);
        assertThat(clerkWithDecisions.json().path("code").asText()).isEqualTo("import-decisions-not-supervisor");
        assertThat(clerkWithDecisions.json().path("detail").asText()).as("Chinese by default").isEqualTo("含采纳情况的行须由主管导入");
    }

    private static List<List<String>> seedRows() {
        List<List<String>> rows = new ArrayList<>();
        String text = Fixtures.seedText(SEED);
        String body = text.substring(text.indexOf("\t采纳情况\n") + "\t采纳情况\n".length()).strip();
        for (String row : body.split("\n\n\t(?=\\d+\n)")) {
            String[] fields = row.strip().split("\n\t");
            rows.add(List.of(fields[0].strip(), fields[1], fields[2], fields[3].strip()));
        }
        assertThat(rows).hasSize(55);
        return rows;
    }

    static List<List<String>> xlsxRows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(2))).isEqualTo("反馈意见");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    rows.add(List.of(formatter.formatCellValue(row.getCell(0)), row.getCell(1).getStringCellValue(),
                            row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue()));
                }
            }
        }
        return rows;
    }

    static List<List<String>> docxRows(byte[] docx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("附件");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).isRepeatHeader()).as("header row repeats on every page").isTrue();
            for (int i = 1; i < table.getNumberOfRows(); i++) {
                rows.add(table.getRow(i).getTableCells().stream().map(SeedJourneyIT::cellText).collect(Collectors.toList()));
            }
        }
        return rows;
    }

    /** A cell's paragraphs joined by an empty line, as the table's text keeps them. */
    private static String cellText(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(p -> p.getText()).collect(Collectors.joining("\n\n"));
    }
}
