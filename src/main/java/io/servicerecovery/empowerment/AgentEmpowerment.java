package io.servicerecovery.empowerment;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A person who decides on compensations: their level and personal overrides. Its row is
 * also the lock that makes budget reservations of one person happen one at a time.
 */
@Entity
@Table(name = "agent_empowerment")
public class AgentEmpowerment extends LimitsChange {

    @Id
    @Column(name = "agent_id")
    public String agentId;
    @Enumerated(EnumType.STRING)
    public Level level;

    @OneToMany(mappedBy = "agent", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("currency")
    public List<AgentLimitOverride> overrides = new ArrayList<>();
}
