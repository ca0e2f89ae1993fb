package io.consultdesk.command.campaign;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpinionSignaturesTest {

    private static final String TEMPLATE = "关于第（四）条训力券，我们是一家中小人工智能企业，建议将企业单次申领训力券金额上限由智能算力合同额的50%提高到70%，"
            + "并取消每家企业每年不超过300万元的限制，切实减轻初创企业的算力负担。";

    private final OpinionSignatures signatures = new OpinionSignatures(CampaignSettings.DEFAULT);

    @Test
    void normalisingFoldsFullWidthFormsAndDropsPunctuationSpacesDigitsAndAscii() {
        assertThat(OpinionNormaliser.normalise("第（四）条： 建议 AI 企业\n上限50%，联系电话13800001111。"))
                .isEqualTo("第四条建议企业上限联系电话");
        assertThat(OpinionNormaliser.normalise("建议,提高!")).isEqualTo(OpinionNormaliser.normalise("建议，提高！"));
        assertThat(OpinionNormaliser.normalise(null)).isEmpty();
    }

    @Test
    void theNamesGivenAreCutOutWhereverTheyStandLongestFirst() {
        assertThat(OpinionNormaliser.normalise("我是陈大天，建议增加补贴。——陈大天", List.of("陈大天")))
                .isEqualTo("我是建议增加补贴");
        // the organisation's full name goes before a shorter name inside it could leave half of it behind
        assertThat(OpinionNormaliser.normalise("我单位深圳市星河智能科技有限公司建议", List.of("星河智能", "深圳市星河智能科技有限公司")))
                .isEqualTo("我单位建议");
        // a one-character name would cut that character everywhere: names shorter than two are not cut
        assertThat(OpinionNormaliser.normalise("李建议", List.of("李"))).isEqualTo("李建议");
    }

    @Test
    void aSignatureIsTheSameOnEveryRunAndEveryMachine() {
        // fixed seeds: stored bands and representatives stay comparable with signatures computed later
        Signature signature = signatures.of("建议增加补贴");
        assertThat(signature.length()).isEqualTo(CampaignSettings.DEFAULT.signatureLength());
        assertThat(new OpinionSignatures(CampaignSettings.DEFAULT).of("建议增加补贴")).isEqualTo(signature);
        assertThat(signature.value(0)).isEqualTo(new MinHasher(128).signature(Shingles.of("建议增加补贴", CampaignSettings.DEFAULT.shingleLength())).value(0));
        assertThat(Signature.fromBytes(signature.toBytes())).isEqualTo(signature);
        assertThat(new MinHasher(4).signature(Shingles.of("建议增加补贴", 3)).values())
                .containsExactly(1768881060, 1492305531, 102135634, 1789460486);
    }

    @Test
    void copiesTypedDifferentlyAndSignedByOthersAreOneText() {
        String copy = "尊敬的领导：我是王芳， 关于第(四)条训力券,我们是一家中小人工智能企业,建议将企业单次申领训力券金额上限由智能算力合同额的60%提高到70%,"
                + "并取消每家企业每年不超过300万元的限制,切实减轻初创企业的算力负担. 联系电话:13912345678";
        double similarity = signatures.of(TEMPLATE, List.of("陈大天")).similarity(signatures.of(copy, List.of("王芳")));
        assertThat(similarity).isGreaterThan(0.85);
    }

    @Test
    void aFewWordsChangedLowerTheSimilarityAndAnotherOpinionOnTheSameClauseLowersItMore() {
        String edited = TEMPLATE.replace("建议将", "希望将").replace("切实减轻", "降低").replace("并取消", "同时取消");
        String other = "关于第（四）条训力券，建议明确训力券的申领流程和审核时限，由市科技创新局统一受理，避免企业在各区之间重复提交材料。";
        Signature template = signatures.of(TEMPLATE);
        double copy = template.similarity(signatures.of(edited));
        double unrelated = template.similarity(signatures.of(other));
        assertThat(copy).isBetween(0.55, 0.95);
        assertThat(unrelated).isLessThan(0.2);
    }

    @Test
    void theEstimateFollowsTheTrueJaccardSimilarityOfTheShingles() {
        String a = "建议支持在深高校开设人工智能微专业每个微专业给予不超过一百万元建设经费并鼓励企业工程师到高校兼职授课";
        String b = "建议支持在深高校开设人工智能微专业每个微专业给予不超过一百万元建设经费同时引导公司技术人员到学校讲课";
        long[] sa = Shingles.of(a, 3);
        long[] sb = Shingles.of(b, 3);
        long shared = Arrays.stream(sa).filter(x -> Arrays.stream(sb).anyMatch(y -> y == x)).count();
        double jaccard = (double) shared / (sa.length + sb.length - shared);
        double estimate = signatures.of(a).similarity(signatures.of(b));
        // four standard errors of a 128-value estimate around the truth
        assertThat(estimate).isCloseTo(jaccard, Offset.offset(4 * Math.sqrt(jaccard * (1 - jaccard) / 128)));
    }

    @Test
    void aTextWithNoWordsHasNoSignatureAndAShortOneIsOneShingle() {
        assertThat(signatures.of("123, abc!")).isNull();
        assertThat(Shingles.of("同意", 3)).hasSize(1);
        assertThat(signatures.of("同意。")).isEqualTo(signatures.of("同意！"));
        assertThatThrownBy(() -> Shingles.of("同意", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bandsAgreeForEqualSignaturesAndFollowTheirSCurve() {
        LshBands lsh = new LshBands(16, 4);
        Signature a = signatures.of(TEMPLATE);
        assertThat(lsh.keys(a)).hasSize(16).doesNotHaveDuplicates().allMatch(k -> k.matches("\\d+\\|[0-9a-f]+"));
        assertThat(lsh.keys(signatures.of(TEMPLATE + "。"))).isEqualTo(lsh.keys(a));
        assertThat(lsh.candidates(a, signatures.of(TEMPLATE.replace("建议将", "希望将")))).isTrue();
        assertThat(lsh.probability(0.9)).isGreaterThan(0.99);
        assertThat(lsh.probability(0.2)).isLessThan(0.03);
        assertThatThrownBy(() -> new LshBands(40, 4).keys(a)).isInstanceOf(IllegalArgumentException.class);
    }
}
