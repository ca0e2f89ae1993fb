package io.consultdesk.command.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of an imported table holds, recognised by its header: the synonyms real 采纳情况表 use
 * for each role (compared with all white space removed). A header none of them names may still be
 * recognised by what it contains when it is short and no sentence (…理由 is a reason, …采纳… an outcome,
 * …意见… an opinion); anything else
 * is listed as an extra column and ignored. What cannot be recognised is named by the {@code columns}
 * mapping ({@code opinion:意见描述,outcome:处理结果}).
 */
public enum ColumnRole {
    SERIAL("serial", List.of("序号", "编号", "序", "顺序号", "No.", "No", "NO.", "序列号")),
    SUBMITTER("submitter", List.of("反馈单位或个人", "反馈单位/个人", "反馈单位（个人）", "反馈单位(个人)", "反馈人",
            "反馈者", "反馈主体", "单位或个人", "单位/个人", "单位（个人）", "提出单位或个人", "提出单位/个人", "提出人",
            "提出者", "意见提出人", "意见提出者", "意见提出单位或个人", "意见人", "建议人", "提议人", "意见来源", "来源单位或个人",
            "反馈单位及个人", "姓名或单位", "姓名/单位", "单位名称或姓名")),
    UNIT("unit", List.of("单位", "反馈单位", "提出单位", "单位名称", "意见提出单位", "建议单位")),
    PERSON("person", List.of("个人", "反馈个人", "姓名", "反馈人姓名", "提出人姓名")),
    OPINION("opinion", List.of("反馈意见", "意见内容", "意见", "意见建议", "意见和建议", "意见或建议", "意见及建议",
            "建议", "建议内容", "建议意见", "主要意见", "具体意见", "修改意见", "修改建议", "反馈意见内容", "意见建议内容",
            "意见摘要", "意见概述", "公众意见", "反馈内容", "意见建议摘要", "主要内容")),
    OUTCOME("outcome", List.of("采纳情况", "是否采纳", "反馈意见采纳情况", "意见采纳情况", "采纳意见", "采纳结果",
            "采纳与否", "采纳情况及理由", "采纳情况及说明", "采纳情况说明", "处理情况", "处理结果", "处理意见", "办理情况",
            "办理结果", "吸收采纳情况", "采纳处理情况")),
    REASON("reason", List.of("采纳理由", "理由", "说明", "理由说明", "不采纳理由", "未采纳理由", "不予采纳理由", "采纳说明",
            "情况说明", "原因", "不采纳原因", "未采纳原因", "理由及说明", "说明理由", "答复", "回复", "答复意见")),
    IGNORE("ignore", List.of("备注", "联系电话", "电话", "联系方式", "手机", "手机号码", "邮箱", "电子邮箱", "电子邮件",
            "地址", "联系地址", "通讯地址", "联系人", "时间", "日期", "反馈时间", "提交时间", "反馈日期", "收到时间",
            "来源", "反馈渠道", "渠道", "反馈方式", "涉及条款", "条款", "对应条款", "所属章节", "处室", "承办单位",
            "责任单位", "办理单位"));

    final String key;
    final List<String> synonyms;

    ColumnRole(String key, List<String> synonyms) {
        this.key = key;
        this.synonyms = synonyms.stream().map(ColumnRole::normalise).toList();
    }

    /** The role's name in the {@code columns} mapping. */
    public String key() {
        return key;
    }

    /** The first synonyms, for messages. */
    String examples() {
        return String.join(" / ", synonyms.subList(0, Math.min(4, synonyms.size())));
    }

    static Optional<ColumnRole> byKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.key.equals(k) || (k.equals("ignored") && r == IGNORE)).findFirst();
    }

    /** The role whose synonyms hold this header exactly (no guessing from what it contains). */
    static Optional<ColumnRole> named(String header) {
        String h = normalise(header);
        return Arrays.stream(values()).filter(r -> r.synonyms.contains(h)).findFirst();
    }

    /** The role a header names: a synonym, else what it contains; empty for a header it cannot place. */
    static Optional<ColumnRole> recognise(String header) {
        String h = normalise(header);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        for (ColumnRole role : values()) {
            if (role.synonyms.contains(h)) {
                return Optional.of(role);
            }
        }
        if (h.codePointCount(0, h.length()) > 12 || h.matches(".*[。，；,;！？!?].*")) {
            return Optional.empty(); // a sentence, not a header: only synonyms are recognised beyond this length
        }
        if (h.contains("理由") || h.contains("原因")) {
            return Optional.of(REASON);
        }
        if (h.contains("采纳") || h.contains("处理结果") || h.contains("办理情况")) {
            return Optional.of(OUTCOME);
        }
        if (h.contains("单位或个人") || h.contains("单位/个人") || h.contains("提出人") || h.contains("反馈人")) {
            return Optional.of(SUBMITTER);
        }
        if (h.contains("意见") || h.contains("建议")) {
            return Optional.of(OPINION);
        }
        if (h.contains("电话") || h.contains("邮箱") || h.contains("备注") || h.contains("地址")) {
            return Optional.of(IGNORE);
        }
        return Optional.empty();
    }

    /** A header as compared: no white space (full-width and line breaks included), no byte-order mark, no trailing colon. */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String h = header.replace("\uFEFF", "").replaceAll("[\\s\\u3000\\u00A0]+", "");
        while (h.endsWith("：") || h.endsWith(":")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
