package io.servicerecovery.security.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which console keys production refuses to start with. */
class ProductionKeysTest {

    private static final String REAL = "k7Vq0m9Zr2Xw4Ty8Ub6Nc1Pd3Se5Gf0Hj2Lk4Mn6Bv8";

    @Test
    void refusesTheDemosKeysAndNamesTheSetting() {
        assertThat(ProductionKeys.problems(true, Optional.of("demo-only-csrf-key-change-me-0123456789abcdef"),
                Optional.of(REAL)))
                .singleElement().asString().contains("CONSOLE_CSRF_KEY").contains("demo");
        // even where nobody can sign in to the console: a demo key is never a production key
        assertThat(ProductionKeys.problems(false, Optional.of(REAL), Optional.of("demo-only-x")))
                .singleElement().asString().contains("CONSOLE_SESSION_KEY");
    }

    @Test
    void refusesMissingOrShortKeysWhenPeopleSignInToTheConsole() {
        assertThat(ProductionKeys.problems(true, Optional.empty(), Optional.of("short")))
                .hasSize(2).anySatisfy(p -> assertThat(p).contains("CONSOLE_CSRF_KEY").contains("not set"))
                .anySatisfy(p -> assertThat(p).contains("CONSOLE_SESSION_KEY").contains("shorter than 32"));
    }

    @Test
    void acceptsKeysOfItsOwnAndNoKeysWhereTheConsoleIsOff() {
        assertThat(ProductionKeys.problems(true, Optional.of(REAL), Optional.of(REAL + "x"))).isEmpty();
        assertThat(ProductionKeys.problems(false, Optional.empty(), Optional.empty())).isEmpty();
    }
}
