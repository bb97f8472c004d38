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

/** A personal override in one currency; a null field inherits the level's value. */
@Entity
@Table(name = "agent_limit_override")
@IdClass(AgentLimitOverride.Key.class)
public class AgentLimitOverride {

    @Id
    @ManyToOne
    @JoinColumn(name = "agent_id")
    public AgentEmpowerment agent;
    @Id
    public String currency;
    @Column(name = "max_credit_per_case")
    public BigDecimal maxCreditPerCase;
    @Column(name = "max_discount_percent")
    public Integer maxDiscountPercent;
    @Column(name = "daily_budget")
    public BigDecimal dailyBudget;

    public static class Key implements Serializable {
        public String agent;
        public String currency;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agent, k.agent) && Objects.equals(currency, k.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agent, currency);
        }
    }
}
