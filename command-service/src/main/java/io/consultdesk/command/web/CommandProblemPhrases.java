package io.consultdesk.command.web;

import io.consultdesk.security.ProblemPhrases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What command-service's problem details say about requests, in Chinese (the shared module says them in the
 * language asked for; English is what the code writes). The aggregates' refusals are said in {@link RefusalPhrases}.
 */
@Configuration
public class CommandProblemPhrases {

    @Bean
    public ProblemPhrases commandServicePhrases() {
        return ProblemPhrases.of(
                "has the wrong type or format", "类型或格式不对",
                "must be a JSON list", "须为 JSON 列表",
                "must be a JSON object", "须为 JSON 对象",
                "is missing", "缺少",
                "is not valid JSON \\(or not UTF-8\\)", "不是有效的 JSON（或不是 UTF-8）",
                "is not a readable multipart/form-data body", "不是可读取的 multipart/form-data 请求体",
                "must not contain NUL", "不能含有 NUL 字符",
                "is not valid Unicode \\(a lone surrogate\\)", "不是有效的 Unicode（含有孤立的代理字符）",
                "letters, digits and \\. _ : - only, at most 80", "只能含字母、数字和 . _ : -，最多 80 个字符",
                "'(.*)' is not a time zone \\(e\\.g\\. Asia/Shanghai\\)", "“$1”不是时区（例如 Asia/Shanghai）",
                "invalid fields: (.*)", "以下字段无效：$1",
                "the upload is larger than the (.*) allowed", "上传的文件超过了允许的 $1",
                "no item with id '(.*)'", "没有 id 为“$1”的意见",
                "expectedVersion (\\d+) is stale: the item is now at version (\\d+); reload it and try again",
                "expectedVersion $1 已过时：这条意见现为第 $2 版，请刷新后重试",
                "someone else changed this item at the same moment; reload it and try again", "有人同时修改了这条意见，请刷新后重试",
                "someone else recorded this first \\(.*\\); reload it and try again",
                "已有人先记录（id 已存在，或这条意见同时被修改），请刷新后重试",
                "the event store is not reachable right now; nothing was recorded, try again shortly",
                "事件库暂时无法连接，未记录任何内容，请稍后再试",
                // a comment's clause, a decision's opinions taken into account
                "the draft has no clause (.+)", "征求意见稿中没有条款 $1",
                "'(.+)' gave no co-handling opinion on this item \\(opinions from: (.*)\\)", "“$1”没有对这条意见提出协办意见（已提出的单位：$2）",
                "'(.+)' gave no co-handling opinion on this item", "“$1”没有对这条意见提出协办意见",
                "not a clause number: '(.*)' \\(expected e\\.g\\. （十五）, 十五 or 15\\)", "“$1”不是条款编号（应如 （十五）、十五 或 15）",
                "clause (.+) appears twice in the catalogue", "条款 $1 在目录中出现了两次",
                // a consultation's catalogue and outcome words
                "the catalogue is empty: a header line and one line per clause are expected", "条款目录是空的：应有一行表头，每个条款一行",
                "the header must name a 'clause' column; it has (.*)", "表头须有 clause 列；现有的列为 $1",
                "a catalogue has at most (\\d+) clauses, this one has (\\d+)", "条款目录最多 $1 个条款，此目录有 $2 个",
                "the chapter is longer than (\\d+) characters", "章节名称超过 $1 个字符",
                "the title is longer than (\\d+) characters", "条款标题超过 $1 个字符",
                "the text is longer than (\\d+) characters", "条款正文超过 $1 个字符",
                "the responsible unit is longer than (\\d+) characters", "责任单位名称超过 $1 个字符",
                "a clause names at most (\\d+) responsible units", "一个条款最多列 $1 个责任单位",
                "give at least one word: (.*)", "请至少给出一个用语：$1",
                "at most (\\d+) words", "最多 $1 个用语",
                "a word of 1 to (\\d+) characters", "用语须为 1 至 $1 个字符",
                "'(.+)' is given twice", "“$1”重复给出",
                "'(.+)' is not a word ConsultDesk knows: give its class \\(accepted, partly, not-accepted or explained\\)",
                "“$1”不是系统识别的用语：请给出其类别（accepted、partly、not-accepted 或 explained）",
                "'(.+)' is not a class: use accepted, partly, not-accepted or explained", "“$1”不是用语类别：可用 accepted、partly、not-accepted 或 explained",
                // an imported table
                "attach the table as the multipart field 'file' \\(\\.txt, \\.csv, \\.xlsx or \\.docx\\)",
                "请以 multipart 字段 file 附上意见表（.txt、.csv、.xlsx 或 .docx）",
                "the file '(.*)' is empty \\(0 bytes\\): there is no table in it", "文件“$1”是空的（0 字节），其中没有表格",
                "'(.*)' is not a table ConsultDesk reads: use \\.txt \\(the published layout, or labelled paragraphs\\), \\.csv, \\.xlsx or \\.docx "
                        + "\\(a \\.doc must be saved as \\.docx first\\)",
                "“$1”不是可导入的表格：请使用 .txt（公开的采纳情况表格式，或逐条标注的段落）、.csv、.xlsx 或 .docx（.doc 须先另存为 .docx）",
                "the .+ is empty: it holds no (?:rows at all|table and no text)", "文件是空的：其中没有任何内容",
                "no table found: neither a header row nor comments written as labelled paragraphs \\((.*)\\)",
                "没有找到表格：既没有表头行，也没有逐条标注的意见（$1）",
                "the CSV ends inside a quoted field", "CSV 在一个带引号的字段中间结束",
                "a CSV field is longer than (\\d+) characters", "CSV 中有字段超过 $1 个字符",
                "not a readable (XLSX workbook|DOCX document): (.*)", "不是可读取的 $1：$2",
                "'(.+)' is not role:header \\(e\\.g\\. opinion:意见描述\\)", "“$1”不是“用途:表头”的形式（例如 opinion:意见描述）",
                "'(.+)' is not a column role: use serial, submitter, unit, person, opinion, outcome, reason or ignore",
                "“$1”不是列的用途：可用 serial、submitter、unit、person、opinion、outcome、reason 或 ignore",
                "the header '(.+)' is mapped twice", "表头“$1”被指定了两次");
    }
}
