package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "compensation_recommendation")
public class StoredRecommendation {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "comp_type")
    public CompensationType type;
    public BigDecimal amount;
    public String currency;
    @Column(name = "matrix_percent")
    public int matrixPercent;
    @Column(name = "recommended_at")
    public Instant recommendedAt;
}
