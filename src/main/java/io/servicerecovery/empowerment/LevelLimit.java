package io.servicerecovery.empowerment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A level's limits in one currency; a null cap or budget means none. */
@Entity
@Table(name = "empowerment_level_limit")
@IdClass(LevelLimit.Key.class)
public class LevelLimit {

    @Id
    @ManyToOne
    @JoinColumn(name = "level")
    public LevelRecord level;
    @Id
    public String currency;
    @Column(name = "max_credit_per_case")
    public BigDecimal maxCreditPerCase;
    @Column(name = "max_discount_percent")
    public int maxDiscountPercent;
    @Column(name = "daily_budget")
    public BigDecimal dailyBudget;

    public static class Key implements Serializable {
        public Level level;
        public String currency;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(level, k.level) && Objects.equals(currency, k.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, currency);
        }
    }
}
