package io.consultdesk.command.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClauseNumberTest {

    @ParameterizedTest
    @CsvSource({"（一）,1", "(十),10", "十五,15", "（二十）,20", "二十五,25", "15,15", "（99）,99", "一百零二,102", "（九十九）,99"})
    void parsesWrittenForms(String written, int value) {
        assertThat(ClauseNumber.parse(written).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"1,（一）", "10,（十）", "15,（十五）", "20,（二十）", "25,（二十五）", "99,（九十九）", "102,（一百零二）", "110,（一百一十）"})
    void printsTheCanonicalForm(int value, String canonical) {
        assertThat(new ClauseNumber(value)).hasToString(canonical);
        assertThat(ClauseNumber.parse(canonical).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "（）", "第三条", "0"})
    void refusesWhatIsNotAClauseNumber(String text) {
        assertThatThrownBy(() -> ClauseNumber.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
