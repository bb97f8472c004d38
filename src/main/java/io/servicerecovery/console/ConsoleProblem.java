package io.servicerecovery.console;

import java.util.List;

import io.servicerecovery.apology.Finding;
import io.servicerecovery.apology.FindingsProblem;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.ProblemMappers;

/**
 * A refusal as the page shows it: the problem's detail in words, the fields that were
 * wrong, the quality findings (codes, which the page words in its language), and whether the page is stale (someone else changed the
 * case or took the task meanwhile), in which case it offers a reload; {@code staleVersion} when what the form
 * edits was saved by someone else since it was read (the form then shows both versions).
 */
public record ConsoleProblem(int status, String title, String detail, List<Problem.Violation> violations,
        List<Finding> findings, boolean stale, boolean staleVersion) {

    public static ConsoleProblem of(DomainException e) {
        List<Finding> findings = e instanceof FindingsProblem f ? f.coded() : List.of();
        boolean stale = e instanceof DomainException.Conflict || e instanceof DomainException.NotFound;
        return new ConsoleProblem(ProblemMappers.statusOf(e), e.title(), e.detail(),
                e.violations() == null ? List.of() : e.violations(), findings, stale,
                e instanceof DomainException.StaleVersion);
    }

    /** A form the step's request refused (bean validation), with the fields and why. */
    public static ConsoleProblem invalid(List<Problem.Violation> violations) {
        return new ConsoleProblem(400, "Invalid request", "The form is not complete.", violations, List.of(), false,
                false);
    }

    /** A request the step's bean validation refused: each field with why, as the page shows them. */
    public static ConsoleProblem invalid(jakarta.validation.ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }
}
