package io.consultdesk.query.publication;

import io.consultdesk.query.presentation.WebFont;

import org.springframework.web.util.HtmlUtils;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The public page of a published table. Every text is HTML-escaped: a submitted {@code <script>} shows as text. */
public final class HtmlTableWriter implements TableWriter {

    @Override
    public String contentType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(TableVersion table, RowSource rows, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>%1$s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%4$s">
                <style>
                body{font-family:%5$s;margin:2rem;color:#222}
                h1{text-align:center;font-size:1.5rem}
                table{border-collapse:collapse;width:100%%}
                th,td{border:1px solid #999;padding:.5rem;vertical-align:top;text-align:left}
                th{background:#f0f0f0}
                td.n{text-align:center;white-space:nowrap}
                td p{margin:0 0 .6em}
                .meta{color:#555}
                </style></head><body>
                <p>附件</p>
                <h1>%1$s</h1>
                <p class="meta">第%2$d版 · %3$s</p>
                <table><thead><tr><th>序号</th><th>反馈单位或个人</th><th>反馈意见</th><th>采纳情况</th></tr></thead><tbody>
                """.formatted(esc(table.heading()), table.version(), esc(table.totalsLine()), WebFont.STYLESHEET, WebFont.FAMILIES));
        try {
            rows.forEach(r -> {
                try {
                    w.write("<tr id=\"row-" + r.rowNumber() + "\"><td class=\"n\">" + r.rowNumber() + "</td><td>" + esc(r.submitter())
                            + "</td><td>" + paragraphs(r.opinion()) + "</td><td>" + paragraphs(r.decision()) + "</td></tr>\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.write("</tbody></table>\n<p class=\"meta\">" + esc(table.totalsLine()) + "</p>\n");
        if (table.version() > 1) {
            // the page that says what changed since the version before (pages/ComparisonPage)
            w.write("<p class=\"meta\"><a id=\"compare-previous\" href=\"/public/consultations/"
                    + URLEncoder.encode(table.consultationId(), StandardCharsets.UTF_8) + "/comparison?from=" + (table.version() - 1)
                    + "&amp;to=" + table.version() + "\">与第" + (table.version() - 1) + "版对比</a></p>\n");
        }
        w.write("</body></html>\n");
        w.flush();
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String p : (text == null ? "" : text).split("\n\n")) {
            html.append("<p>").append(esc(p).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
