package io.servicerecovery.console;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.servicerecovery.common.DomainException;

/**
 * The console's one exception mapper: what a person asked runs through {@link #answer}; when the domain refuses
 * it (a {@link DomainException}) or the form's request fails its bean validation, the refusal becomes a
 * {@link ConsoleProblem} and the page comes back showing it, in the refusal's status. Only the page knows how to
 * show itself again with the person's typed values kept: that is its hook, and all it does.
 */
public final class ConsoleRefusals {

    private ConsoleRefusals() {
    }

    /** Runs {@code action}; a refusal answers {@code refusedPage} (the page given the problem) in the refusal's status. */
    public static Response answer(Supplier<Response> action, Function<ConsoleProblem, Object> refusedPage) {
        return answer(action, refusedPage, false);
    }

    /**
     * As {@link #answer(Supplier, Function)}; for an htmx request ({@code htmx}) a refusal answers 200, because
     * htmx swaps only successful answers by default and the refusal is what the person must see.
     */
    public static Response answer(Supplier<Response> action, Function<ConsoleProblem, Object> refusedPage,
            boolean htmx) {
        ConsoleProblem problem;
        try {
            return action.get();
        } catch (DomainException e) {
            problem = ConsoleProblem.of(e);
        } catch (ConstraintViolationException e) {
            problem = ConsoleProblem.invalid(e);
        }
        return Response.status(htmx ? 200 : problem.status()).entity(refusedPage.apply(problem))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** A page that went through: 200 with the page. */
    public static Response shown(Object page) {
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE).build();
    }
}
