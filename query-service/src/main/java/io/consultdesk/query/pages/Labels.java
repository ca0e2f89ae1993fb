package io.consultdesk.query.pages;

import java.util.Map;

/** The words on the pages, in Chinese (default) and English. */
final class Labels {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("inbox", new String[] {"待办", "Inbox"}),
            Map.entry("signIn", new String[] {"请先登录", "Please sign in"}),
            Map.entry("tooMany", new String[] {"提交过于频繁，请一分钟后再试", "Too many comments from your address; try again in a minute"}),
            Map.entry("commandsAway", new String[] {"暂时无法提交，未作任何记录，请稍后再试", "Cannot be sent right now; nothing was recorded, try again shortly"}),
            Map.entry("refused", new String[] {"未能提交", "Not accepted"}),
            Map.entry("colon", new String[] {"：", ": "}),
            Map.entry("done-decision", new String[] {"采纳情况已保存", "The decision was recorded"}),
            Map.entry("done-co-opinion", new String[] {"协办意见已保存", "The co-handling opinion was recorded"}),
            Map.entry("done-assignment", new String[] {"已改派", "The item was reassigned"}),
            Map.entry("considered", new String[] {"已参考的协办意见", "Co-handling opinions taken into account"}),
            Map.entry("decide", new String[] {"答复（采纳情况）", "Decide"}),
            Map.entry("revise", new String[] {"修改采纳情况", "Revise the decision"}),
            Map.entry("save", new String[] {"保存", "Save"}),
            Map.entry("giveCoOpinion", new String[] {"提出协办意见", "Give the co-handling opinion"}),
            Map.entry("coOpinion", new String[] {"协办意见", "Co-handling opinion"}),
            Map.entry("coOpinions", new String[] {"协办意见", "Co-handling opinions"}),
            Map.entry("reassign", new String[] {"改派", "Reassign"}),
            Map.entry("reassignReason", new String[] {"改派理由", "Reason for reassigning"}),
            Map.entry("routing", new String[] {"分办依据", "Routing basis"}),
            Map.entry("decidedMeanwhile", new String[] {"此意见已由 %s 于 %s 另行答复（%s），请重新加载页面后再办理。",
                    "Decided meanwhile by %s at %s (%s): reload the page before deciding."}),
            Map.entry("changedMeanwhileBy", new String[] {"此意见已由 %s 于 %s 另行办理，请重新加载页面后再办理。",
                    "Changed meanwhile by %s at %s: reload the page and try again."}),
            Map.entry("changedMeanwhile", new String[] {"此意见已被他人办理，请重新加载页面后再办理。",
                    "Changed meanwhile by someone else: reload the page and try again."}),
            Map.entry("reload", new String[] {"重新加载", "Reload"}),
            Map.entry("chooseBureau", new String[] {"请选择责任单位", "Choose a bureau"}),
            Map.entry("toDecide", new String[] {"主办，待答复", "Led by us, to decide"}),
            Map.entry("toAdvise", new String[] {"协办，待提出意见", "Co-handled by us, for our opinion"}),
            Map.entry("nothingWaiting", new String[] {"没有待办意见", "Nothing waiting"}),
            Map.entry("triage", new String[] {"无可依据的责任单位，交起草单位分办", "no units to go on: the drafting unit triages"}),
            Map.entry("open", new String[] {"办理", "Open"}),
            Map.entry("awaitingCoHandlers", new String[] {"待协办意见", "Waiting for co-handlers"}),
            Map.entry("awaitedFrom", new String[] {"待以下单位提出协办意见", "Opinions awaited from"}),
            Map.entry("publish", new String[] {"公开采纳情况表", "Publish the table"}),
            Map.entry("publishNext", new String[] {"公开新一版采纳情况表", "Publish a new version of the table"}),
            Map.entry("done-publication", new String[] {"第%d版采纳情况表已公开", "Version %d of the table was published"}),
            Map.entry("seeTable", new String[] {"查看第%d版", "See version %d"}),
            Map.entry("heading", new String[] {"表题（可不填）", "Heading (optional)"}),
            Map.entry("undecided", new String[] {"尚未答复的意见", "Items not yet decided"}),
            Map.entry("undecidedHelp", new String[] {"尚未答复的意见须先答复，或勾选后不列入本版。", "Decide them first, or tick them to leave them out of this version."}),
            Map.entry("undecidedRefuse", new String[] {"还有 %d 条意见尚未答复：请先答复，或勾选后不列入本版。",
                    "%d items are not decided yet: decide them, or tick them to leave them out."}),
            Map.entry("leaveOut", new String[] {"不列入本版", "Leave out of this version"}),
            Map.entry("preview", new String[] {"本版将公开的意见", "Rows of the next version"}),
            Map.entry("rowNumber", new String[] {"序号", "No."}),
            Map.entry("register", new String[] {"登记来信、邮件意见", "Register a letter or e-mail"}),
            Map.entry("import", new String[] {"导入意见表", "Import a table"}),
            Map.entry("publicPage", new String[] {"公开征求意见页面", "Public page"}),
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
            Map.entry("consultations", new String[] {"征求意见稿", "Consultations"}),
            Map.entry("noConsultation", new String[] {"没有这个征求意见稿", "No such consultation"}),
            Map.entry("noConsultations", new String[] {"还没有征求意见稿", "No consultation yet"}),
            Map.entry("title", new String[] {"标题", "Title"}),
            Map.entry("draftingUnit", new String[] {"起草单位", "Drafting unit"}),
            Map.entry("period", new String[] {"征求意见期", "Period"}),
            Map.entry("timeZone", new String[] {"时区", "Time zone"}),
            Map.entry("versions", new String[] {"已公开版本", "Published versions"}),
            Map.entry("progress", new String[] {"办理进度", "Progress"}),
            Map.entry("catalogue", new String[] {"条款目录", "Clause catalogue"}),
            Map.entry("clauseTitle", new String[] {"条款标题", "Clause title"}),
            Map.entry("responsibleUnits", new String[] {"责任单位（第一个为主办）", "Responsible units (the first leads)"}),
            Map.entry("noChapter", new String[] {"（目录未载明章节）", "(chapter not given)"}),
            Map.entry("OPEN", new String[] {"征求意见中", "open"}),
            Map.entry("CLOSED", new String[] {"已截止", "closed"}),
            Map.entry("summary", new String[] {"意见概要", "Summary"}),
            Map.entry("timeline", new String[] {"办理记录", "Timeline"}),
            Map.entry("lead", new String[] {"主办单位", "Lead bureau"}),
            Map.entry("coBureaus", new String[] {"协办单位", "Co-handling bureaus"}),
            Map.entry("reason", new String[] {"理由", "Reason"}),
            Map.entry("decided", new String[] {"答复时间", "Decided"}),
            Map.entry("hoursToDecision", new String[] {"从分办到答复", "Assignment to decision"}),
            Map.entry("imported", new String[] {"导入", "imported"}),
            Map.entry("hours", new String[] {"小时", "h"}),
            Map.entry("importedNotTimed", new String[] {"另有 %d 条意见随导入的采纳情况表答复，不计办理时长。",
                    "%d more items were decided in the table they were imported with: not timed."}),
            Map.entry("noneYet", new String[] {"—", "—"}),
            Map.entry("timesIn", new String[] {"时间均为", "Times in"}),
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
