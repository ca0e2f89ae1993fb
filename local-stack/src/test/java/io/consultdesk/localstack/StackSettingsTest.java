package io.consultdesk.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's settings: argument, else environment variable, else default; anything unreadable is refused by name. */
class StackSettingsTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void withNothingGivenEverythingIsTheDocumentedDefault() {
        StackSettings s = StackSettings.parse(new String[0], NO_ENVIRONMENT);
        assertThat(s).isEqualTo(new StackSettings(Path.of("."), Path.of(".").resolve("data"),
                9092, 9093, 27017, 8081, 8082, true, true, false));
    }

    @Test
    void everyOptionIsReadFromItsArgument() {
        StackSettings s = StackSettings.parse(new String[] {"--root=/srv/consultdesk", "--data-dir=state",
                "--kafka-port=19092", "--kafka-controller-port=19093", "--mongo-port=37017", "--command-port=18081",
                "--query-port=18082", "--services=false", "--seed=false", "--mongo-fsync=true"}, NO_ENVIRONMENT);
        assertThat(s).isEqualTo(new StackSettings(Path.of("/srv/consultdesk"), Path.of("/srv/consultdesk/state"),
                19092, 19093, 37017, 18081, 18082, false, false, true));
    }

    @Test
    void aRelativeDataDirIsUnderTheRootAndAnAbsoluteOneStaysWhereItIs() {
        assertThat(StackSettings.parse(new String[] {"--root=/r", "--data-dir=d/e"}, NO_ENVIRONMENT).dataDir())
                .isEqualTo(Path.of("/r/d/e"));
        assertThat(StackSettings.parse(new String[] {"--root=/r", "--data-dir=/var/lib/consultdesk"}, NO_ENVIRONMENT).dataDir())
                .isEqualTo(Path.of("/var/lib/consultdesk"));
    }

    @Test
    void theEnvironmentFillsInWhatNoArgumentGives() {
        Map<String, String> env = Map.of("CONSULTDESK_ROOT", "/opt/cd", "CONSULTDESK_DATA", "/data/cd",
                "KAFKA_PORT", "29092", "KAFKA_CONTROLLER_PORT", "29093", "MONGO_PORT", "47017",
                "COMMAND_PORT", "28081", "QUERY_PORT", "28082", "CONSULTDESK_SERVICES", "false",
                "CONSULTDESK_SEED", "false", "CONSULTDESK_MONGO_FSYNC", "TRUE");
        assertThat(StackSettings.parse(new String[0], env)).isEqualTo(new StackSettings(Path.of("/opt/cd"), Path.of("/data/cd"),
                29092, 29093, 47017, 28081, 28082, false, false, true));
    }

    @Test
    void anArgumentWinsOverItsEnvironmentVariable() {
        StackSettings s = StackSettings.parse(new String[] {"--mongo-port=37017", "--seed=true"},
                Map.of("MONGO_PORT", "47017", "CONSULTDESK_SEED", "false", "QUERY_PORT", "28082"));
        assertThat(s.mongoPort()).isEqualTo(37017);
        assertThat(s.seedEnabled()).isTrue();
        assertThat(s.queryPort()).as("still from the environment").isEqualTo(28082);
    }

    @Test
    void anUnknownOptionIsRefusedWithTheListOfOptions() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--kafka-prot=9092"}, NO_ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option --kafka-prot\n")
                .hasMessageContaining(StackSettings.usage());
    }

    @Test
    void anArgumentWithoutValueOrDashesIsRefused() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--seed"}, NO_ENVIRONMENT))
                .hasMessageStartingWith("unrecognised argument '--seed'\n");
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"kafka-port=1"}, NO_ENVIRONMENT))
                .hasMessageStartingWith("unrecognised argument 'kafka-port=1'\n");
    }

    @Test
    void aPortThatIsNoPortIsRefusedByName() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--query-port=80a"}, NO_ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--query-port must be a port number (1-65535), was '80a'");
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--mongo-port=0"}, NO_ENVIRONMENT))
                .hasMessage("--mongo-port must be a port number (1-65535), was '0'");
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--kafka-port=65536"}, NO_ENVIRONMENT))
                .hasMessage("--kafka-port must be a port number (1-65535), was '65536'");
        assertThat(StackSettings.parse(new String[] {"--kafka-port=1", "--mongo-port=65535"}, NO_ENVIRONMENT))
                .extracting(StackSettings::kafkaPort, StackSettings::mongoPort).containsExactly(1, 65535);
    }

    @Test
    void aBadPortFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> StackSettings.parse(new String[0], Map.of("COMMAND_PORT", "eighty")))
                .hasMessage("COMMAND_PORT (--command-port) must be a port number (1-65535), was 'eighty'");
    }

    @Test
    void aSwitchIsTrueOrFalseAndNothingElse() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--services=yes"}, NO_ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--services must be true or false, was 'yes'");
        assertThatThrownBy(() -> StackSettings.parse(new String[0], Map.of("CONSULTDESK_SEED", "0")))
                .hasMessage("CONSULTDESK_SEED (--seed) must be true or false, was '0'");
    }

    @Test
    void theUsageListsEveryOptionWithItsVariableAndDefault() {
        String usage = StackSettings.usage();
        for (String[] line : new String[][] {{"--root=…", "CONSULTDESK_ROOT", "."}, {"--data-dir=…", "CONSULTDESK_DATA", "data"},
                {"--kafka-port=…", "KAFKA_PORT", "9092"}, {"--kafka-controller-port=…", "KAFKA_CONTROLLER_PORT", "9093"},
                {"--mongo-port=…", "MONGO_PORT", "27017"}, {"--command-port=…", "COMMAND_PORT", "8081"},
                {"--query-port=…", "QUERY_PORT", "8082"}, {"--services=…", "CONSULTDESK_SERVICES", "true"},
                {"--mongo-fsync=…", "CONSULTDESK_MONGO_FSYNC", "false"}, {"--seed=…", "CONSULTDESK_SEED", "true"}}) {
            assertThat(usage).as(line[0]).containsPattern("(?m)^  " + Pattern.quote(line[0])
                    + "\\s+" + line[1] + "\\s+" + Pattern.quote(line[2]) + "\\s+\\S");
        }
    }
}
