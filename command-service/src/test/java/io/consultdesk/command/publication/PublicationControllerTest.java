package io.consultdesk.command.publication;

import io.consultdesk.command.WireStore;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.web.CurrentActor;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import io.consultdesk.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code POST …/publication} answers: the version once published, or 202 and where to follow a longer one. */
class PublicationControllerTest {

    @RegisterExtension
    static final WireStore STORE = new WireStore();

    private static final CurrentActor SUPERVISOR = new CurrentActor(new CurrentCaller() {
        @Override
        public Caller get() {
            return new Caller("supervisor", "", Set.of(Roles.SUPERVISOR));
        }
    });

    private static PublicationController controller(PublishingSide side, Duration answerWithin) {
        return new PublicationController(side.publication, SUPERVISOR, Clock.fixed(PublishingSide.T, ZoneOffset.UTC), answerWithin);
    }

    @Test
    void aTablePublishedWithinTheTimeIsAnsweredAsPublished() throws Exception {
        PublishingSide side = new PublishingSide(STORE.client());
        side.decided("a", PublishingSide.T.minusSeconds(60), "采纳", null);

        ResponseEntity<?> answer = controller(side, Duration.ofSeconds(30)).publish("c", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/consultations/c/table?version=1");
        assertThat(answer.getBody()).isInstanceOfSatisfying(TablePublished.class, p -> assertThat(p.rowCount()).isEqualTo(1));
    }

    @Test
    void aLongerOneIsAcceptedWithTheAddressOfItsProgressWhichFollowsItToTheEnd() throws Exception {
        PublishingSide side = new PublishingSide(STORE.client());
        IntStream.range(0, 300).forEach(i -> side.decided("item-" + i, PublishingSide.T.minusSeconds(1_000 - i), "采纳", null));
        PublicationController controller = controller(side, Duration.ZERO);

        ResponseEntity<?> answer = controller.publish("c", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/consultations/c/publication/1");
        assertThat(answer.getBody()).isInstanceOfSatisfying(PublicationProgress.class, p -> {
            assertThat(p.version()).isEqualTo(1);
            assertThat(p.state()).isIn(PublicationProgress.CHECKING, PublicationProgress.STARTED);
        });
        assertThatThrownBy(() -> controller.publish("c", null)).as("one publication at a time")
                .hasMessageContaining("is being published");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!PublicationProgress.COMPLETED.equals(controller.progress("c", 1).state()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        PublicationProgress done = controller.progress("c", 1);
        assertThat(done.state()).isEqualTo(PublicationProgress.COMPLETED);
        assertThat(done.expectedRows()).isEqualTo(300);
        assertThat(done.rowsPublished()).isEqualTo(300);
        assertThatThrownBy(() -> controller.progress("c", 2)).isInstanceOf(UnknownPublication.class);
    }
}
