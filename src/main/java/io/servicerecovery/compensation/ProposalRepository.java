package io.servicerecovery.compensation;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    public Optional<Proposal> latestFor(UUID caseId) {
        return find("caseId", Sort.descending("proposedAt"), caseId).firstResultOptional();
    }
}
