package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Near-copies of a campaign's template sent by different people, each signing it, changing a few words and the
 * punctuation, are grouped on receipt, and the clusters shown to staff who see every item.
 */
class CampaignIT {

    private static final String TEMPLATE = "关于第（四）条训力券，我们是一家中小人工智能企业，建议将企业单次申领训力券金额上限由智能算力合同额的50%提高到70%，"
            + "并取消每家企业每年不超过300万元的限制，切实减轻初创企业的算力负担。";

    @Test
    void copiesOfATemplateAreOneClusterAndAnotherOpinionOnTheClauseIsNot() {
        Api api = Stack.on(Infrastructure.EMBEDDED).api();
        String consultation = Fixtures.openConsultation(api);
        String prefix = "camp-" + UUID.randomUUID() + "-";
        List<String> copies = List.of(
                "我是陈大天。" + TEMPLATE,
                "尊敬的领导：" + TEMPLATE.replace("建议将", "希望将").replace("，", ",") + "——王芳",
                TEMPLATE.replace("切实减轻", "降低").replace("并取消", "同时取消") + " 联系电话：13912345678",
                "我单位深圳市星河智能科技有限公司，" + TEMPLATE + "谢谢！");
        List<String> names = List.of("陈大天", "王芳", "李四", "深圳市星河智能科技有限公司");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            ids.add(prefix + i);
            receive(api, consultation, prefix + i, names.get(i), copies.get(i));
        }
        receive(api, consultation, prefix + "other", "赵磊",
                "关于第（四）条训力券，建议明确训力券的申领流程和审核时限，由市科技创新局统一受理，避免企业在各区之间重复提交材料。");

        JsonNode clusters = api.awaitQuery("supervisor", "/api/consultations/" + consultation + "/clusters",
                r -> r.status() == 200 && r.json().size() == 1 && r.json().get(0).path("size").asInt() == copies.size(),
                Duration.ofSeconds(30)).json();
        JsonNode cluster = clusters.get(0);
        assertThat(cluster.path("id").asText()).isEqualTo(ids.get(0));
        assertThat(cluster.path("representativeId").asText()).isEqualTo(ids.get(0));
        List<String> members = new ArrayList<>();
        cluster.path("memberIds").forEach(m -> members.add(m.asText()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(ids).doesNotContain(prefix + "other");
        assertThat(members.get(0)).isEqualTo(ids.get(0));

        JsonNode joined = api.query("supervisor", "/api/submissions/" + ids.get(1) + "/history").json();
        assertThat(joined.toString()).contains("SubmissionJoinedCampaign");
        assertThat(api.query("official-gxj", "/api/consultations/" + consultation + "/clusters").status()).isEqualTo(403);
    }

    /** Registered by a clerk: the public's limit per address is not what these tests are about. */
    private static void receive(Api api, String consultation, String id, String name, String opinion) {
        Api.Reply reply = api.command("clerk", "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"%s","kind":"PERSON"},"opinion":"%s"}"""
                .formatted(id, consultation, name, opinion));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static final String OTHER_TEMPLATE = "建议在深汕特别合作区建设国家级数据标注基地，对数据标注企业按新增就业人数给予每人每年一万元的用工补贴，"
            + "并由市工业和信息化局牵头制定数据标注行业标准。";

    @Test
    void aClusterIsConfirmedDecidedOnceSplitAndMergedFromItsPage() {
        Api api = Stack.on(Infrastructure.EMBEDDED).api();
        String consultation = Fixtures.openConsultation(api);
        String prefix = "desk-" + UUID.randomUUID() + "-";
        String[] names = {"陈大天", "王芳", "李四", "赵磊"};
        for (int i = 0; i < 4; i++) {
            receive(api, consultation, prefix + "a" + i, names[i], "我是" + names[i] + "。" + TEMPLATE);
            if (i < 3) {
                receive(api, consultation, prefix + "b" + i, names[i], OTHER_TEMPLATE + "——" + names[i]);
            }
        }
        String a = prefix + "a0";
        String b = prefix + "b0";
        String clusters = "/api/consultations/" + consultation + "/clusters";
        api.awaitQuery("supervisor", clusters, r -> r.status() == 200 && r.json().size() == 2 && r.json().get(1).path("size").asInt() == 3,
                Duration.ofSeconds(30));
        String page = "/consultations/" + consultation + "/clusters";
        assertThat(api.query("supervisor", page).body()).contains("data-id=\"" + a + "\"", "data-id=\"" + b + "\"");
        String desk = "/desk/consultations/" + consultation + "/campaigns/";

        // a supervisor confirms it, near-copies arriving later to take its decision at once
        Api.Reply confirmed = api.form("supervisor", desk + a + "/confirmation", Map.of("applyDecisionsToJoiners", List.of("on")));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(303);
        assertThat(api.query("supervisor", page + "/" + a).body()).contains("此后归入的同类意见直接采用答复");

        // the lead bureau of clause (四) decides it once, from its page: the members are read there
        Api.Reply decided = api.form("official-kcj", desk + a + "/decision",
                Map.of("outcome", List.of("部分采纳"), "reason", List.of("将在实施细则中统一研究。")));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(303);
        JsonNode detail = api.query("official-kcj", clusters + "/" + a).json();
        assertThat(detail.path("members")).hasSize(4);
        detail.path("members").forEach(m -> assertThat(m.path("campaignDecisionId").asText()).isEqualTo(a + "/1"));
        assertThat(api.query("supervisor", "/items/" + prefix + "a2").body()).contains(a + "/1");

        // a later copy takes the decision on receipt
        receive(api, consultation, prefix + "a4", "钱七", "我是钱七。" + TEMPLATE);
        JsonNode joiner = api.awaitQuery("supervisor", "/api/submissions/" + prefix + "a4",
                r -> r.status() == 200 && "DECIDED".equals(r.json().path("state").asText()), Duration.ofSeconds(30)).json();
        assertThat(joiner.path("outcome").asText()).isEqualTo("部分采纳");

        // an official whose bureau leads none of its members has nothing to decide: refused on the page, naming why
        Api.Reply nothing = api.form("official-gxj", desk + a + "/decision", Map.of("outcome", List.of("采纳"), "reason", List.of("")));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("id=\"notice\"", "memberIds");

        // a supervisor splits one off, then merges the other cluster in
        Api.Reply split = api.form("supervisor", desk + a + "/split", Map.of("memberIds", List.of(prefix + "a3"), "splitReason", List.of("并非同一模板")));
        assertThat(split.status()).as(split.toString()).isEqualTo(303);
        Api.Reply merged = api.form("supervisor", desk + a + "/merge", Map.of("fromClusterId", List.of(b), "mergeReason", List.of("同一诉求")));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(303);
        JsonNode after = api.awaitQuery("supervisor", clusters, r -> r.json().size() == 1 && r.json().get(0).path("size").asInt() == 7,
                Duration.ofSeconds(30)).json();
        assertThat(after.get(0).path("memberIds").toString()).doesNotContain(prefix + "a3").contains(b);
        assertThat(api.query("supervisor", "/api/submissions/" + b + "/history").body()).contains("SubmissionRegrouped");
        // near-copies of the merged cluster's text now join this one, and are told its decision (led by another bureau:
        // as a proposal)
        receive(api, consultation, prefix + "b3", "钱七", OTHER_TEMPLATE + "——钱七");
        api.awaitQuery("supervisor", "/api/submissions/" + prefix + "b3", r -> r.status() == 200 && a.equals(r.json().path("campaignClusterId").asText()),
                Duration.ofSeconds(30));
        assertThat(api.query("supervisor", "/api/submissions/" + prefix + "b3/history").body()).contains("SubmissionDecisionProposed");
    }
}
