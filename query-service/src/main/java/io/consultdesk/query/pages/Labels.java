package io.consultdesk.query.pages;

import java.util.Map;

/** The words on the pages, in Chinese (default) and English. */
final class Labels {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("dashboard", new String[] {"工作看板", "Dashboard"}),
            Map.entry("board", new String[] {"办理状态一览", "Status board"}),
            Map.entry("item", new String[] {"意见办理记录", "Item history"}),
            Map.entry("total", new String[] {"意见总数", "Items"}),
            Map.entry("overdue", new String[] {"超期未办", "Overdue"}),
            Map.entry("handled", new String[] {"已办结", "Handled"}),
            Map.entry("published", new String[] {"已公开", "Published"}),
            Map.entry("lag", new String[] {"待同步事件", "Events not yet applied"}),
            Map.entry("byBureau", new String[] {"各单位办理状态", "Bureaus by state"}),
            Map.entry("timeToDecision", new String[] {"从分办到答复（小时）", "Assignment to decision (hours)"}),
            Map.entry("median", new String[] {"中位数", "median"}),
            Map.entry("p90", new String[] {"90分位", "90th percentile"}),
            Map.entry("outcomes", new String[] {"采纳情况", "Outcomes"}),
            Map.entry("clauses", new String[] {"各条款意见", "Items per clause"}),
            Map.entry("clause", new String[] {"条款", "Clause"}),
            Map.entry("bureau", new String[] {"责任单位", "Bureau"}),
            Map.entry("state", new String[] {"状态", "State"}),
            Map.entry("outcome", new String[] {"采纳情况", "Outcome"}),
            Map.entry("submitter", new String[] {"反馈单位或个人", "Submitter"}),
            Map.entry("opinion", new String[] {"反馈意见", "Opinion"}),
            Map.entry("received", new String[] {"收到时间", "Received"}),
            Map.entry("due", new String[] {"办理时限", "Due"}),
            Map.entry("search", new String[] {"筛选", "Filter"}),
            Map.entry("all", new String[] {"全部", "All"}),
            Map.entry("text", new String[] {"关键词", "Text"}),
            Map.entry("consultation", new String[] {"征求意见稿", "Consultation"}),
            Map.entry("when", new String[] {"时间", "When"}),
            Map.entry("who", new String[] {"操作人", "Who"}),
            Map.entry("what", new String[] {"事项", "What"}),
            Map.entry("found", new String[] {"条符合", "matching"}),
            Map.entry("none", new String[] {"没有符合条件的意见", "No item matches"}),
            Map.entry("RECEIVED", new String[] {"已收到", "received"}),
            Map.entry("ASSIGNED", new String[] {"办理中", "assigned"}),
            Map.entry("DECIDED", new String[] {"已答复", "decided"}),
            Map.entry("PUBLISHED", new String[] {"已公开", "published"}),
            Map.entry("WITHDRAWN", new String[] {"已撤回", "withdrawn"}),
            Map.entry("REJECTED", new String[] {"不予受理", "rejected"}),
            Map.entry("DUPLICATE", new String[] {"重复", "duplicate"}));

    private final int language;

    Labels(String lang) {
        this.language = "en".equals(lang) ? 1 : 0;
    }

    String get(String key) {
        String[] words = WORDS.get(key);
        return words == null ? key : words[language];
    }

    String lang() {
        return language == 1 ? "en" : "zh-CN";
    }

    String suffix() {
        return language == 1 ? "lang=en" : "";
    }
}
