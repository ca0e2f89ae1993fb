package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private static void receive(Api api, String consultation, String id, String name, String opinion) {
        Api.Reply reply = api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"%s","kind":"PERSON"},"opinion":"%s"}"""
                .formatted(id, consultation, name, opinion));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
}
