package io.servicerecovery.notify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class EmailDeliveryRepository implements PanacheRepositoryBase<EmailDelivery, UUID> {

    /** The delivery of a case's step (unique), or null. */
    public EmailDelivery forStep(UUID caseId, String step) {
        return find("caseId = :case and step = :step", Parameters.with("case", caseId).and("step", step))
                .firstResult();
    }
}
