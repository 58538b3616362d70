package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, event) pair against the grid below, which is written out by hand rather than read from the code: an
 * allowed move lands where the grid says, every other one is refused and changes nothing.
 */
class ConversationStateMachineTest {
    private static final Instant BEFORE = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-01T10:05:00Z");

    /** The grid's columns, in order. */
    private static final List<ConversationEvent> COLUMNS = List.of(ConversationEvent.QUESTION_ASKED,
            ConversationEvent.SPEC_READY, ConversationEvent.GENERATION_QUEUED, ConversationEvent.REVISION_QUEUED,
            ConversationEvent.JOB_DELIVERED, ConversationEvent.JOB_FAILED, ConversationEvent.CANCEL_REQUESTED,
            ConversationEvent.PULL_REQUEST_MERGED, ConversationEvent.PULL_REQUEST_CLOSED);

    /**
     * Where each event leads from each state. Q questioning, A awaiting approval, G generating, R revising, P delivered
     * (PR_OPEN), F failed, X cancelled, M merged, C closed; "-" refused.
     */
    private static final String GRID = """
                               asked ready  gen   rev   deliv fail  cancel merged closed
            QUESTIONING        Q     A      -     -     P     F     X      M      C
            AWAITING_APPROVAL  Q     A      G     R     P     F     X      M      C
            GENERATING         -     -      -     -     P     F     X      M      C
            PR_OPEN            Q     A      -     -     P     F     X      M      C
            REVISING           -     -      -     -     P     F     X      M      C
            MERGED             -     -      -     -     -     -     -      -      -
            CLOSED             -     -      -     -     -     -     -      -      -
            CANCELLED          -     -      -     -     -     -     -      -      -
            FAILED             Q     A      G     R     P     F     X      M      C
            """;

    private static final Map<String, ConversationState> CELLS = Map.of("Q", ConversationState.QUESTIONING,
            "A", ConversationState.AWAITING_APPROVAL, "G", ConversationState.GENERATING, "R", ConversationState.REVISING,
            "P", ConversationState.PR_OPEN, "F", ConversationState.FAILED, "X", ConversationState.CANCELLED,
            "M", ConversationState.MERGED, "C", ConversationState.CLOSED);

    /** The grid as (state, event) → the state it leads to, or null where the move is refused. */
    private static Map<ConversationState, Map<ConversationEvent, ConversationState>> grid() {
        Map<ConversationState, Map<ConversationEvent, ConversationState>> grid = new EnumMap<>(ConversationState.class);
        List<String> rows = GRID.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String row : rows) {
            String[] cells = row.strip().split("\\s+");
            assertEquals(COLUMNS.size() + 1, cells.length, row);
            Map<ConversationEvent, ConversationState> byEvent = new EnumMap<>(ConversationEvent.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                byEvent.put(COLUMNS.get(i), cells[i + 1].equals("-") ? null : CELLS.get(cells[i + 1]));
            }
            grid.put(ConversationState.valueOf(cells[0]), byEvent);
        }
        return grid;
    }

    static Stream<Arguments> everyPair() {
        Map<ConversationState, Map<ConversationEvent, ConversationState>> grid = grid();
        List<Arguments> pairs = new ArrayList<>();
        for (ConversationState state : ConversationState.values()) {
            for (ConversationEvent event : ConversationEvent.values()) {
                pairs.add(Arguments.of(state, event, grid.get(state).get(event)));
            }
        }
        return pairs.stream();
    }

    @Test
    void theGridCoversEveryStateAndEveryEvent() {
        assertEquals(Arrays.asList(ConversationEvent.values()).stream().sorted().toList(),
                COLUMNS.stream().sorted().toList());
        assertEquals(ConversationState.values().length, grid().size());
    }

    @ParameterizedTest(name = "{1} while {0} leads to {2}")
    @MethodSource("everyPair")
    void anAllowedMoveLandsWhereTheGridSaysAndAnyOtherIsRefused(ConversationState from, ConversationEvent event,
                                                                 ConversationState expected) {
        Conversation before = in(from);
        if (expected == null) {
            assertFalse(ConversationStateMachine.allows(from, event));
            IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                    () -> ConversationStateMachine.apply(before, event, NOW));
            assertTrue(refused.getMessage().contains(event + " while " + from), refused.getMessage());
            assertSame(from, before.state(), "a refused move changes nothing");
        } else {
            assertTrue(ConversationStateMachine.allows(from, event));
            Conversation after = ConversationStateMachine.apply(before, event, NOW);
            assertEquals(expected, after.state());
            assertEquals(NOW, after.updatedAt());
            assertEquals(before.withState(from, NOW), after.withState(from, NOW), "only the state and the time change");
        }
    }

    @Test
    void everyStateButTheEndingsCanStillBeLeftAndTheEndingsNeverAre() {
        Map<ConversationState, Map<ConversationEvent, ConversationState>> grid = grid();
        for (ConversationState state : ConversationState.values()) {
            boolean leavable = grid.get(state).values().stream().anyMatch(to -> to != null && to != state);
            assertEquals(!state.isFinal(), leavable, state.name());
        }
    }

    /** A conversation in {@code state}, with a spec, a branch and a pending question that a move must keep. */
    private static Conversation in(ConversationState state) {
        Conversation c = Conversation.start(ConversationId.random(), new ThreadRef("test", "c", "t"),
                new UserRef("u", "alice"), "a todo service", BEFORE).withBranch("wizard/todo-x", BEFORE)
                .asking(new Question(dev.aiwizard.core.spec.Slot.NAME, "What should the project be called?", List.of(), 2), BEFORE);
        return c.withState(state, BEFORE);
    }
}
