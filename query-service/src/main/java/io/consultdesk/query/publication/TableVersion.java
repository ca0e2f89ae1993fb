package io.consultdesk.query.publication;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** One published version of a consultation's table: its heading, totals per outcome and size; rows are streamed apart. */
public record TableVersion(String consultationId, int version, String heading, Instant publishedAt,
                           Map<String, Integer> totals, int rowCount) {

    /** 共55条：采纳15条，部分采纳13条，不采纳27条 */
    public String totalsLine() {
        return "共" + rowCount + "条：" + totals.entrySet().stream()
                .map(t -> t.getKey() + t.getValue() + "条").collect(Collectors.joining("，"));
    }
}
