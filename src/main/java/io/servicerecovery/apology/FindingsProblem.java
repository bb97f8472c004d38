package io.servicerecovery.apology;

import java.util.List;

import io.servicerecovery.common.DomainException;

/**
 * What the agent wrote does not pass the quality checks; the findings say what to change. The problem the API
 * answers carries them in English ({@link #findings()}); the console renders {@link #coded()} in the page's language.
 */
public class FindingsProblem extends DomainException.Refused {

    private final List<Finding> coded;
    private final List<FindingMessage> english;

    public FindingsProblem(String what, List<Finding> findings) {
        this(what, List.copyOf(findings), findings.stream().map(FindingTexts.english()::view).toList());
    }

    private FindingsProblem(String what, List<Finding> coded, List<FindingMessage> english) {
        super("quality-findings", "The " + what + " needs another look",
                english.size() == 1 ? english.get(0).message()
                        : english.size() + " findings: " + String.join(" ", english.stream().map(FindingMessage::message).toList()),
                List.of());
        this.coded = coded;
        this.english = english;
    }

    /** The findings in English, as the API's problem lists them. */
    @Override
    public List<FindingMessage> findings() {
        return english;
    }

    /** The findings as codes and arguments, for a page that renders them in its own language. */
    public List<Finding> coded() {
        return coded;
    }
}
