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
                "事件库暂时无法连接，未记录任何内容，请稍后再试");
    }
}
