package io.servicerecovery.compensation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The matrix' recommendation per case (one row per case, replaced when the matrix runs again). */
@ApplicationScoped
public class RecommendationRepository implements PanacheRepositoryBase<StoredRecommendation, UUID> {
}
