package io.consultdesk.query.publication;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What strict readers and spreadsheets require of the exports. */
class ExportFormatsTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** CT_RPr's elements in the order the schema's sequence gives them (those the writer uses, and neighbours). */
    private static final List<String> RUN_PROPERTY_ORDER = List.of("rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "sz", "szCs");

    @Test
    void theDocxTableHasItsGridAndRunPropertiesInSchemaOrder() throws Exception {
        Map<String, Integer> totals = new LinkedHashMap<>(Map.of("采纳", 1, "不采纳", 1));
        TableVersion table = new TableVersion("c", 1, "社会公众意见采纳情况表", Instant.parse("2024-10-01T00:00:00Z"), totals, 2);
        List<PublishedRow> rows = List.of(
                new PublishedRow(1, "s1", "陈*天", "第（十一）条建议…\n\n第二段", "采纳。", "采纳"),
                new PublishedRow(2, "s2", "深圳市****产业协会", "建议", "不采纳。理由", "不采纳"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocxTableWriter().write(table, rows::forEach, out);
        Document xml = documentXml(out.toByteArray());

        NodeList tables = xml.getElementsByTagNameNS(W, "tbl");
        assertThat(tables.getLength()).isEqualTo(1);
        List<String> tableChildren = childNames((Element) tables.item(0));
        assertThat(tableChildren.subList(0, 2)).as("w:tbl starts with its properties, then its grid").containsExactly("tblPr", "tblGrid");
        assertThat(tableChildren.stream().filter("tr"::equals)).hasSize(3);
        Element grid = (Element) xml.getElementsByTagNameNS(W, "tblGrid").item(0);
        assertThat(childNames(grid)).containsExactly("gridCol", "gridCol", "gridCol", "gridCol");

        NodeList runProperties = xml.getElementsByTagNameNS(W, "rPr");
        assertThat(runProperties.getLength()).isGreaterThan(10);
        for (int i = 0; i < runProperties.getLength(); i++) {
            List<String> names = childNames((Element) runProperties.item(i));
            List<Integer> positions = names.stream().map(RUN_PROPERTY_ORDER::indexOf).toList();
            assertThat(positions).as("w:rPr children " + names).doesNotContain(-1).isSorted();
        }
    }

    @Test
    void csvNeutralisesEveryFormulaLead() {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvTableWriter.quote(lead + "SUM(A1)")).as("lead %s", lead.replace("\t", "TAB").replace("\r", "CR"))
                    .isEqualTo("\"'" + lead + "SUM(A1)\"");
        }
        assertThat(CsvTableWriter.quote("建议\"加强\"")).isEqualTo("\"建议\"\"加强\"\"\"");
        assertThat(CsvTableWriter.quote("采纳")).isEqualTo("\"采纳\"");
    }

    private static Document documentXml(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes()));
                }
            }
        }
        throw new AssertionError("no word/document.xml in the export");
    }

    private static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }
}
