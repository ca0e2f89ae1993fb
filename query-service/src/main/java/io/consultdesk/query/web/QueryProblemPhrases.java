package io.consultdesk.query.web;

import io.consultdesk.security.ProblemPhrases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What query-service's problem details say, in Chinese (the shared module says them to the caller in the language
 * asked for; English is what the code writes). A message of a {@code field: message} detail is matched alone, so
 * field names stay as the parameters are spelled.
 */
@Configuration
public class QueryProblemPhrases {

    @Bean
    public ProblemPhrases queryServicePhrases() {
        return ProblemPhrases.of(
                // parameters (ProblemHandler, the board); those both services say are the shared module's
                "is not readable", "无法读取",
                "must be 0 or more", "须为 0 或更大的数",
                "must be between (\\d+) and (\\d+)", "须在 $1 到 $2 之间",
                "'(.*)' is not a state", "“$1”不是一种办理状态",
                "must be one of (.*) \\(prefix - for descending\\)", "须为 $1 之一（前加 - 为降序）",
                "'(.*)' is not one of (.*)", "“$1”不在 $2 之中",
                "at most (\\d+) characters", "最多 $1 个字符",
                "not an ISO-8601 instant(.*)", "不是 ISO-8601 格式的时刻$1",
                "must be one of (.*)", "须为 $1 之一",
                "expected g1, g2 …", "应为 g1、g2 ……",
                "no generation (.*)", "没有第 $1 代视图",
                "the read store is not reachable right now; try again shortly", "读取库暂时无法连接，请稍后再试",
                // what is not there (yet)
                "no item with id '(.*)' \\(yet\\)", "（还）没有 id 为“$1”的意见",
                "no history for '(.*)' \\(yet\\)", "（还）没有“$1”的办理记录",
                "no consultation with id '(.*)' \\(yet\\)", "（还）没有 id 为“$1”的征求意见稿",
                "consultation '(.*)' has no published table", "征求意见稿“$1”还没有公开的采纳情况表",
                "consultation '(.*)' has no table version (\\d+)", "征求意见稿“$1”没有第 $2 版采纳情况表",
                "consultation '(.*)' had no published table at (.*)", "征求意见稿“$1”在 $2 时还没有公开的采纳情况表",
                "version (\\d+) of '(.*)' does not exist", "“$2”没有第 $1 版",
                "version (\\d+) is still arriving: (\\d+) of (\\d+) rows", "第 $1 版仍在同步：已到 $2 行，共 $3 行",
                "no replay has run since this service started", "本服务启动以来没有运行过重放",
                "a replay is already running: (.*)", "已有重放在运行：$1");
    }
}
