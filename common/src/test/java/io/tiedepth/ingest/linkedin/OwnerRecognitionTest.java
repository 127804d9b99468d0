package io.tiedepth.ingest.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.ingest.linkedin.OwnerRecognition.Evidence;
import io.tiedepth.model.PersonRef;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OwnerRecognitionTest {
    private static final PersonRef OWEN = PersonRef.ofUrlAndName("https://www.linkedin.com/in/fake-owen",
            "Owen Fakeowner");
    private static final PersonRef OWEN_BY_NAME = PersonRef.ofName("owen  fakeowner");
    private static final PersonRef OWEN_OTHER_URL_FORM = PersonRef.ofUrlAndName("linkedin.com/in/Fake-Owen/", null);
    private static final PersonRef ANNA = PersonRef.ofUrlAndName("https://www.linkedin.com/in/fake-anna",
            "Anna Fakeone");
    private static final PersonRef BERT = PersonRef.ofUrlAndName("https://www.linkedin.com/in/fake-bert",
            "Bert Faketwo");
    private static final PersonRef CARA = PersonRef.ofName("Cara Fakethree");

    private static PersonRef recognise(List<List<PersonRef>> conversations, List<PersonRef> outgoing,
                                       List<PersonRef> invitations, List<PersonRef> connections) {
        return OwnerRecognition.recognise(new Evidence(conversations, outgoing, invitations, connections));
    }

    @Nested
    class FromConversations {
        @Test
        void isThePersonInEveryConversation() {
            assertThat(recognise(List.of(List.of(ANNA, OWEN), List.of(OWEN, BERT, CARA), List.of(BERT, OWEN)),
                    List.of(), List.of(), List.of())).isEqualTo(OWEN);
        }

        @Test
        void matchesANameToTheUrlItIsSeenWith() {
            assertThat(recognise(List.of(List.of(ANNA, OWEN_BY_NAME), List.of(OWEN, BERT)),
                    List.of(), List.of(), List.of()).url()).isEqualTo(OWEN.url());
        }

        @Test
        void matchesUrlsWrittenDifferently() {
            assertThat(recognise(List.of(List.of(ANNA, OWEN_OTHER_URL_FORM), List.of(OWEN, BERT)),
                    List.of(), List.of(), List.of()).url()).isEqualTo(OWEN_OTHER_URL_FORM.url());
        }

        @Test
        void fallsBackToThePersonInMostConversationsWhenNobodyIsInAll() {
            assertThat(recognise(List.of(List.of(ANNA, OWEN), List.of(OWEN, BERT), List.of(OWEN, CARA),
                    List.of(BERT, CARA)), List.of(), List.of(), List.of())).isEqualTo(OWEN);
            assertThat(recognise(List.of(List.of(ANNA, OWEN), List.of(BERT, CARA)), List.of(), List.of(),
                    List.of())).isNull();
        }

        @Test
        void dropsConnectionsWhenOneConversationLeavesTwoCandidates() {
            assertThat(recognise(List.of(List.of(ANNA, OWEN)), List.of(), List.of(), List.of())).isNull();
            assertThat(recognise(List.of(List.of(ANNA, OWEN)), List.of(), List.of(), List.of(ANNA)))
                    .isEqualTo(OWEN);
        }
    }

    @Test
    void fromOutgoingDirection() {
        assertThat(recognise(List.of(), List.of(CARA, CARA), List.of(), List.of())).isEqualTo(CARA);
        assertThat(recognise(List.of(), List.of(CARA, ANNA), List.of(), List.of())).isNull();
    }

    @Test
    void fromInvitations() {
        assertThat(recognise(List.of(), List.of(), List.of(OWEN_BY_NAME, OWEN), List.of())).isEqualTo(
                PersonRef.ofUrlAndName(OWEN.url(), OWEN_BY_NAME.name()));
    }

    @Test
    void invitationsSettleWhatOneConversationLeavesOpen() {
        assertThat(recognise(List.of(List.of(ANNA, OWEN)), List.of(), List.of(OWEN), List.of())).isEqualTo(OWEN);
    }

    @Test
    void isNullWhenTheEvidenceDisagreesOrIsMissing() {
        assertThat(recognise(List.of(List.of(ANNA, OWEN), List.of(OWEN, BERT)), List.of(), List.of(BERT),
                List.of())).isNull();
        assertThat(recognise(List.of(), List.of(), List.of(), List.of(ANNA))).isNull();
    }
}
