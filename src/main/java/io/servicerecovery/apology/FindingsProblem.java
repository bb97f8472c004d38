package io.servicerecovery.apology;

import java.util.List;

import io.servicerecovery.common.DomainException;

/** What the agent wrote does not pass the quality checks; the findings say what to change. */
public class FindingsProblem extends DomainException.Refused {

    private final List<Finding> findings;

    public FindingsProblem(String what, List<Finding> findings) {
        super("quality-findings", "The " + what + " needs another look",
                findings.size() == 1 ? findings.get(0).message()
                        : findings.size() + " findings: " + String.join(" ", findings.stream().map(Finding::message).toList()),
                List.of());
        this.findings = findings;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }
}
