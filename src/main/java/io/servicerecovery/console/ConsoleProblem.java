package io.servicerecovery.console;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import io.servicerecovery.apology.Finding;
import io.servicerecovery.apology.FindingsProblem;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Problem;
import io.servicerecovery.common.ProblemMappers;
import io.servicerecovery.common.Wording;
import io.servicerecovery.empowerment.LimitsInput;

/**
 * A refusal as the page shows it: the problem's detail in words, the fields that were
 * wrong, the quality findings (codes, which the page words in its language), and whether the page is stale (someone else changed the
 * case or took the task meanwhile), in which case it offers a reload; {@code staleVersion} when what the form
 * edits was saved by someone else since it was read (the form then shows both versions). {@code wordings}, when
 * there are any, say the refusal in the page's language and replace the English detail and violations.
 */
public record ConsoleProblem(int status, String title, String detail, List<Problem.Violation> violations,
        List<Finding> findings, boolean stale, boolean staleVersion, List<Wording> wordings) {

    public static ConsoleProblem of(DomainException e) {
        List<Finding> findings = e instanceof FindingsProblem f ? f.coded() : List.of();
        boolean stale = e instanceof DomainException.Conflict || e instanceof DomainException.NotFound;
        return new ConsoleProblem(ProblemMappers.statusOf(e), e.title(), e.detail(),
                e.violations() == null ? List.of() : e.violations(), findings, stale,
                e instanceof DomainException.StaleVersion, e.wordings());
    }

    /** A form the step's request refused (bean validation), with the fields and why. */
    public static ConsoleProblem invalid(List<Problem.Violation> violations, List<Wording> wordings) {
        return new ConsoleProblem(400, "Invalid request", "The form is not complete.", violations, List.of(), false,
                false, wordings);
    }

    /** A request the step's bean validation refused: each field with why, as the page shows them. */
    public static ConsoleProblem invalid(jakarta.validation.ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList(),
                e.getConstraintViolations().stream().map(ConsoleProblem::worded).toList());
    }

    /** A constraint said in words by its type and attributes (never by its English message). */
    static Wording worded(ConstraintViolation<?> v) {
        Wording.Field field = new Wording.Field(path(v));
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        return switch (v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> Wording.of("constraint.required", field);
            case "DecimalMin" -> Wording.of(Boolean.FALSE.equals(attributes.get("inclusive")) ? "constraint.more-than"
                    : "constraint.at-least", field, attributes.get("value"));
            case "Min", "PositiveOrZero" -> Wording.of("constraint.at-least", field,
                    attributes.getOrDefault("value", 0));
            case "Positive" -> Wording.of("constraint.more-than", field, 0);
            case "Max", "DecimalMax" -> Wording.of("constraint.at-most", field, attributes.get("value"));
            case "Digits" -> Wording.of("constraint.decimals", field, attributes.get("fraction"));
            case "Size" -> shorterThan(v.getInvalidValue(), attributes.get("min"))
                    ? Wording.of("constraint.too-short", field, attributes.get("min"))
                    : Wording.of("constraint.too-long", field, attributes.get("max"));
            case "IsoCurrency" -> Wording.of("constraint.currency", field);
            case "SingleLine" -> Wording.of("constraint.single-line", field);
            case "FreeText" -> Wording.of("constraint.free-text", field);
            case "Pattern" -> Wording.of("constraint.pattern", field);
            default -> Wording.of("constraint.invalid", field);
        };
    }

    private static boolean shorterThan(Object value, Object min) {
        int length = value instanceof CharSequence text ? text.length()
                : value instanceof java.util.Collection<?> many ? many.size() : Integer.MAX_VALUE;
        return min instanceof Integer least && length < least;
    }

    /**
     * The violation's path as the API names it: a list of limits by its currency ({@code limits[EUR].dailyBudget}),
     * not by the row's position, which the form does not show.
     */
    private static String path(ConstraintViolation<?> v) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue; // a method's name and its argument are no field of the form
            }
            if (node.isInIterable()) {
                Object key = v.getLeafBean() instanceof LimitsInput limits && limits.currency() != null
                        ? limits.currency() : node.getIndex() != null ? node.getIndex() : node.getKey();
                path.append('[').append(key).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    public boolean hasWordings() {
        return !wordings.isEmpty();
    }
}
