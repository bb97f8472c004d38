package io.servicerecovery.timeline;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    public List<TimelineEntry> forCase(UUID caseId) {
        return list("caseId", Sort.ascending("occurredAt", "id"), caseId);
    }
}
