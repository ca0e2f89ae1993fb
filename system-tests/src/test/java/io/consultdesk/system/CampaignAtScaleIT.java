package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign at scale, as a consultation meets it: a table of 10,000 comments, 1,000 of them near-copies of one
 * template (each signed, a few words and the punctuation changed), the other 9,000 each its own and already answered.
 * The copies are found and grouped on receipt (one cluster, nothing else in it), the lead bureau decides them once,
 * every member carries that decision in its own history, and the table publishes all 10,000 rows — the copies with
 * the one answer, and grouped into one row where the table is asked for grouped.
 */
class CampaignAtScaleIT {

    static final int COMMENTS = 10_000;
    static final int COPIES = 1_000;
    /** Rows per uploaded table: an import answers when its last row is in. */
    static final int ROWS_PER_TABLE = 1_000;

    private static final String TEMPLATE = "关于第（四）条训力券，我们是一家中小人工智能企业，建议将企业单次申领训力券金额上限由智能算力合同额的50%提高到70%，"
            + "并取消每家企业每年不超过300万元的限制，切实减轻初创企业的算力负担。";
    private static final String DECISION = "部分采纳，将在训力券实施细则中统一研究。";
    private static final String[] SURNAMES = "陈王李张刘杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红飞鹏辉建国文斌宇浩凯".split("");
    private static final String[] WORDS = ("算力 数据 模型 产业 企业 人才 资金 补贴 园区 标准 场景 应用 平台 生态 创新 研发 成果 转化 开放 共享 "
            + "安全 监管 审批 流程 服务 窗口 政策 兑现 申报 评审 专家 机构 高校 实验室 芯片 硬件 软件 终端 机器人 无人机 "
            + "医疗 教育 交通 政务 金融 制造 物流 能源 文旅 农业 社区 养老 法律 知识产权 专利 版权 伦理 隐私 合规 保险 "
            + "基金 贷款 担保 税收 减免 租金 用地 用电 网络 基站 存储 云端 边缘 训练 推理 标注 语料 开源 社区版 接口 "
            + "测试 认证 检测 示范 试点 推广 宣传 培训 讲座 竞赛 孵化 加速 投资 并购 上市 出海 合作 交流 展会 论坛 "
            + "街道 片区 楼宇 厂房 宿舍 住房 落户 子女 入学 医保 社保 公积金 交通补贴 人才房 引进 留用 评价 职称 考核 "
            + "统计 公开 透明 时限 督办 反馈 回访 满意度 投诉 热线 线上 线下 材料 证明 简化 合并 取消 延长 提高 降低 "
            + "明确 细化 统一 衔接 配套 落实 保障 支持 鼓励 引导 规范 加强 完善 优化 扩大 增加 设立 建立 健全 推动").split(" ");

    @Test
    void aThousandNearCopiesAmongTenThousandCommentsAreFoundGroupedDecidedOnceAndPublished() {
        Api api = Stack.on(Infrastructure.EMBEDDED).api();
        String consultation = Fixtures.openConsultation(api);
        Random random = new Random(17);
        Set<Integer> copyRows = new HashSet<>(Set.of(1)); // the first row is a copy: it represents the campaign
        while (copyRows.size() < COPIES) {
            copyRows.add(1 + random.nextInt(COMMENTS));
        }

        // imported by a supervisor: the 9,000 come with their answers, the copies with none
        int received = 0;
        for (int first = 1; first <= COMMENTS; first += ROWS_PER_TABLE) {
            StringBuilder csv = new StringBuilder("序号,反馈单位或个人,意见建议,采纳情况\r\n");
            for (int row = first; row < first + ROWS_PER_TABLE; row++) {
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)] + GIVEN[random.nextInt(GIVEN.length)];
                boolean copy = copyRows.contains(row);
                String opinion = copy ? copyOf(name, random) : ownOpinion(random);
                String answer = copy ? "" : List.of("采纳。", "不采纳，与本措施无关。", "部分采纳，已在相关条款中体现。").get(random.nextInt(3));
                csv.append(row).append(",\"").append(name).append("\",\"").append(opinion.replace("\"", "\"\"")).append("\",\"")
                        .append(answer).append("\"\r\n");
            }
            Api.Reply imported = api.upload("supervisor", "/api/consultations/" + consultation + "/imports", "comments-" + first + ".csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
            assertThat(imported.json().path("refusedCount").asInt()).as(imported.toString()).isZero();
            received += imported.json().path("received").asInt();
        }
        assertThat(received).isEqualTo(COMMENTS);

        // found and grouped: one cluster, the copies and nothing else
        String clusters = "/api/consultations/" + consultation + "/clusters";
        JsonNode found = api.awaitQuery("supervisor", clusters,
                r -> r.status() == 200 && r.json().size() > 0 && r.json().get(0).path("size").asInt() >= COPIES,
                Duration.ofMinutes(6)).json();
        assertThat(found).as("one campaign").hasSize(1);
        JsonNode cluster = found.get(0);
        assertThat(cluster.path("size").asInt()).isEqualTo(COPIES);
        assertThat(cluster.path("representativeOpinion").asText()).contains("训力券金额上限");
        String clusterId = cluster.path("id").asText();
        List<String> members = new ArrayList<>();
        cluster.path("memberIds").forEach(m -> members.add(m.asText()));
        for (String member : members.subList(0, 50)) {
            assertThat(api.query("supervisor", "/api/submissions/" + member).json().path("opinion").asText())
                    .as("a member is a copy").contains("训力券");
        }

        // decided once by the lead bureau of clause (四), from the members its desk lists
        JsonNode desk = api.query("official-kcj", clusters + "/" + clusterId).json();
        assertThat(desk.path("members")).hasSize(COPIES);
        Api.Reply decided = api.command("official-kcj", "POST", "/api/consultations/" + consultation + "/campaigns/" + clusterId + "/decision",
                "{\"outcome\":\"部分采纳\",\"reason\":\"将在训力券实施细则中统一研究。\",\"memberIds\":" + json(members) + "}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("decided").asInt()).isEqualTo(COPIES);
        assertThat(decided.json().path("skipped")).isEmpty();
        String decisionId = decided.json().path("decisionId").asText();
        api.awaitQuery("supervisor", clusters + "/" + clusterId, r -> {
            int carrying = 0;
            for (JsonNode m : r.json().path("members")) {
                carrying += decisionId.equals(m.path("campaignDecisionId").asText()) ? 1 : 0;
            }
            return carrying == COPIES;
        }, Duration.ofMinutes(2));
        assertThat(api.query("supervisor", "/api/submissions/" + members.get(COPIES - 1) + "/history").body())
                .as("each member's own decision names the cluster's").contains("\"campaignDecisionId\":\"" + decisionId + "\"");

        // published: every comment its row, the copies with the one answer
        Api.Reply publishing = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}");
        assertThat(publishing.status()).as(publishing.toString()).isIn(201, 202);
        String table = "/api/consultations/" + consultation + "/table";
        JsonNode rows = api.awaitQuery(null, table, r -> r.status() == 200, Duration.ofMinutes(3)).json().path("rows");
        assertThat(rows).hasSize(COMMENTS);
        int answeredAlike = 0;
        for (JsonNode row : rows) {
            answeredAlike += DECISION.equals(row.path("decision").asText()) ? 1 : 0;
        }
        assertThat(answeredAlike).isEqualTo(COPIES);

        JsonNode grouped = api.query(null, table + "?grouped=true").json().path("rows");
        assertThat(grouped).as("the copies in one row").hasSize(COMMENTS - COPIES + 1);
        JsonNode campaignRow = grouped.get(0);
        assertThat(campaignRow.path("decision").asText()).isEqualTo(DECISION);
        assertThat(campaignRow.path("submitter").asText()).endsWith("等（同类意见 " + COPIES + " 条）");
    }

    /** The template as one of its senders sent it: signed, a word or two changed, the punctuation their own. */
    private static String copyOf(String name, Random random) {
        String text = TEMPLATE;
        if (random.nextBoolean()) {
            text = text.replace("建议将", "希望将");
        }
        if (random.nextBoolean()) {
            text = text.replace("切实减轻", "降低");
        }
        if (random.nextInt(3) == 0) {
            text = text.replace("，", ",");
        }
        return switch (random.nextInt(3)) {
            case 0 -> "我是" + name + "。" + text;
            case 1 -> "尊敬的领导：" + text + "——" + name;
            default -> text + "联系人：" + name + "，电话1390000" + (1000 + random.nextInt(9000));
        };
    }

    /** A comment of its own: forty words of policy talk drawn at random. */
    private static String ownOpinion(Random random) {
        StringBuilder text = new StringBuilder("建议");
        for (int w = 0; w < 40; w++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            if (w % 8 == 7) {
                text.append('，');
            }
        }
        return text.append('。').toString();
    }

    private static String json(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
