package io.servicerecovery.compensation;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<Grant, UUID> {

    public Optional<Grant> forCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}
