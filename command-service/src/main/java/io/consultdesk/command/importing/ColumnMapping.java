package io.consultdesk.command.importing;

import io.consultdesk.command.kernel.InvalidField;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The import's {@code columns} parameter: roles for headers it cannot recognise, or to override what it
 * inferred — {@code opinion:意见描述,outcome:处理结果,ignore:附件}. Pairs are separated by {@code ,} {@code ，}
 * or {@code ;}, role and header by {@code :} {@code ：} or {@code =}; a header may also be given as its
 * column number, {@code #3} (counting from 1).
 */
public final class ColumnMapping {

    public static final ColumnMapping NONE = new ColumnMapping(Map.of());

    private final Map<String, ColumnRole> byHeader;

    private ColumnMapping(Map<String, ColumnRole> byHeader) {
        this.byHeader = byHeader;
    }

    public static ColumnMapping parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, ColumnRole> map = new LinkedHashMap<>();
        for (String pair : text.split("[,，;；]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("[:：=]", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new InvalidField("columns", "'" + pair.strip() + "' is not role:header (e.g. opinion:意见描述)");
            }
            ColumnRole role = ColumnRole.byKey(parts[0]).orElseThrow(() -> new InvalidField("columns",
                    "'" + parts[0].strip() + "' is not a column role: use serial, submitter, unit, person, opinion, outcome, reason or ignore"));
            String header = ColumnRole.normalise(parts[1]);
            if (map.containsKey(header)) {
                throw new InvalidField("columns", "the header '" + header + "' is mapped twice");
            }
            map.put(header, role);
        }
        return new ColumnMapping(Map.copyOf(map));
    }

    /** The role mapped for the column at {@code index} (from 0) with this header, if the mapping names it. */
    Optional<ColumnRole> roleOf(int index, String header) {
        ColumnRole byNumber = byHeader.get("#" + (index + 1));
        return Optional.ofNullable(byNumber != null ? byNumber : byHeader.get(ColumnRole.normalise(header)));
    }

    boolean isEmpty() {
        return byHeader.isEmpty();
    }

    Map<String, ColumnRole> entries() {
        return byHeader;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        byHeader.forEach((h, r) -> s.append(s.isEmpty() ? "" : ",").append(r.key()).append(':').append(h));
        return s.toString();
    }
}
