package io.servicerecovery.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** One cursor format for every list: a time and an id, with a rank first where the list sorts by one. */
class KeysetPositionTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");
    private static final UUID ID = UUID.fromString("6f1c2a7e-3b4d-4c8e-9a51-2f0d8e7b1c93");

    @Test
    void aPositionComesBackFromItsCursor() {
        KeysetPosition position = new KeysetPosition(AT, ID);
        assertThat(KeysetPosition.parse(PageRequest.of(null, position.cursor()).position())).isEqualTo(position);
    }

    @Test
    void aRankedPositionComesBackWithItsRank() {
        KeysetPosition position = new KeysetPosition(90, AT, ID);
        assertThat(KeysetPosition.parseRanked(PageRequest.of(null, position.cursor()).position())).isEqualTo(position);
    }

    @Test
    void aListThatSortsByRankRefusesACursorWithoutOne() {
        String unranked = PageRequest.of(null, new KeysetPosition(AT, ID).cursor()).position();
        assertThatThrownBy(() -> KeysetPosition.parseRanked(unranked))
                .isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(400));
    }

    @Test
    void somethingElseIsNotACursor() {
        for (String position : new String[] { "offset:50", "50", "x|y", "1|2|3|4", "90|yesterday|" + ID }) {
            assertThatThrownBy(() -> KeysetPosition.parse(position)).as(position)
                    .isInstanceOfSatisfying(DomainException.class, p -> assertThat(ProblemMappers.statusOf(p)).isEqualTo(400));
        }
    }
}
