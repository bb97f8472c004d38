package io.servicerecovery.apology;

import java.util.List;
import java.util.Map;

import io.servicerecovery.common.ProblemException;

/** 422: what the agent wrote does not pass the quality checks; the findings say what to change. */
public class FindingsProblem extends ProblemException {

    private final List<Finding> findings;

    public FindingsProblem(String what, List<Finding> findings) {
        super(422, "quality-findings", "The " + what + " needs another look",
                findings.size() == 1 ? findings.get(0).message()
                        : findings.size() + " findings: " + String.join(" ", findings.stream().map(Finding::message).toList()),
                List.of(), Map.of());
        this.findings = findings;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }
}
