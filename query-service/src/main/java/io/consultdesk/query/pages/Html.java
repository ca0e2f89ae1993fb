package io.consultdesk.query.pages;

import io.consultdesk.query.presentation.WebFont;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers for writing pages: escaping, URL parameters, the common frame. */
final class Html {

    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private Html() {
    }

    /** A whole page answered with {@code status}. */
    static ResponseEntity<String> answer(HttpStatus status, Labels l, String title, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(page(l, title, body));
    }

    /** A page for the public: without the staff's navigation, with a link to the other language ({@code path} may carry a query). */
    static ResponseEntity<String> answerPublic(HttpStatus status, Labels l, String title, String path, String body) {
        String other = l.suffix().isEmpty() ? "<a lang=\"en\" href=\"" + esc(path + (path.contains("?") ? "&" : "?") + "lang=en")
                + "\">English</a>"
                : "<a lang=\"zh-CN\" href=\"" + esc(path) + "\">中文</a>";
        return ResponseEntity.status(status).contentType(HTML).body(frame(l, title, other, body));
    }

    static String card(String id, String label, Object value) {
        return "<div class=\"card\" id=\"card-" + id + "\">" + esc(label) + "<b>" + esc(value) + "</b></div>";
    }

    /** One term and its value in a {@code <dl>}; an empty value shows as a dash. */
    static void entry(StringBuilder dl, String id, String label, String value) {
        dl.append("<dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">")
                .append(value == null || value.isEmpty() ? "—" : esc(value)).append("</dd>");
    }

    /** A table header row of the labels of {@code keys}. */
    static String headers(Labels l, String... keys) {
        StringBuilder row = new StringBuilder("<tr>");
        for (String key : keys) {
            row.append("<th>").append(esc(l.get(key))).append("</th>");
        }
        return row.append("</tr>").toString();
    }

    /** {@code ?lang=en} (or {@code &lang=en} when {@code first} is false) for English pages; nothing for Chinese. */
    static String lang(Labels l, boolean first) {
        return l.suffix().isEmpty() ? "" : (first ? "?" : "&") + l.suffix();
    }

    /** {@code text} escaped, with each cited clause's number marked where it is written. */
    static String marked(String text, List<String> clauses) {
        String escaped = esc(text);
        for (String clause : clauses) {
            String label = esc(clause);
            if (!label.isEmpty()) {
                escaped = escaped.replace(label, "<mark>" + label + "</mark>");
            }
        }
        return escaped;
    }

    static String esc(Object text) {
        return text == null ? "" : HtmlUtils.htmlEscape(String.valueOf(text), "UTF-8");
    }

    static String url(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }

    static String page(Labels l, String title, String body) {
        String lang = l.suffix().isEmpty() ? "" : "?" + l.suffix();
        String nav = """
                <a href="/consultations%s">%s</a><a href="/dashboard%s">%s</a><a href="/board%s">%s</a><a href="/inbox%s">%s</a>"""
                .formatted(lang, esc(l.get("consultations")), lang, esc(l.get("dashboard")), lang, esc(l.get("board")), lang,
                        esc(l.get("inbox")));
        return frame(l, title, nav, body);
    }

    private static String frame(Labels l, String title, String nav, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s · ConsultDesk</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%s">
                <style>
                body{font-family:%s;margin:0;color:#222;background:#fafafa}
                nav{background:#1f3b5a;padding:.6rem 1.2rem}nav a{color:#fff;margin-right:1.2rem;text-decoration:none}
                main{padding:1.2rem}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
                .cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1.2rem;min-width:8rem}
                .card b{display:block;font-size:1.6rem}
                table{border-collapse:collapse;background:#fff;width:100%%}th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
                th{background:#eef2f6}td.num{text-align:right}.late{color:#b00020;font-weight:bold}
                form.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end;margin-bottom:.8rem}
                form.filters label{display:flex;flex-direction:column;font-size:.85rem}
                .chips a{display:inline-block;margin:.15rem;padding:.15rem .6rem;border:1px solid #1f3b5a;border-radius:1rem;text-decoration:none;color:#1f3b5a}
                .chips a.on{background:#1f3b5a;color:#fff}
                svg text{font-size:12px}
                .opinion{max-width:40rem}dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#fff;border:1px solid #ddd;padding:.8rem}
                dl.summary dt{font-weight:bold}dl.summary dd{margin:0;white-space:pre-wrap}.muted{color:#595959}
                mark{background:#ffe58a;color:#222}.notice{padding:.6rem 1rem;border:2px solid #1d6b34;background:#eaf6ec;color:#144d25}
                .notice.refused{border-color:#b00020;background:#fdecee;color:#8a0019}
                form.desk fieldset{background:#fff;border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.8rem 1rem;max-width:44rem}
                form.desk label{display:block;margin:.5rem 0 .2rem;font-weight:bold}form.desk textarea,form.desk input:not([type]),form.desk select{width:100%%;max-width:40rem;font:inherit;padding:.3rem}
                form.desk fieldset.choices{border:none;padding:0;margin:.4rem 0}form.desk fieldset.choices label{display:inline-block;font-weight:normal;margin-right:1rem}
                button{font:inherit;padding:.35rem 1rem;margin-top:.6rem;background:#1f3b5a;color:#fff;border:1px solid #1f3b5a;border-radius:4px;cursor:pointer}
                a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #c77700;outline-offset:2px}
                .clause-text{white-space:pre-wrap}
                del.was{color:#8a0019}ins.now{color:#144d25;text-decoration:none}.said{font-weight:bold}
                </style></head><body>
                <nav>%s</nav>
                <main><h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(l.lang(), esc(title), WebFont.STYLESHEET, WebFont.FAMILIES, nav, esc(title), body);
    }
}
