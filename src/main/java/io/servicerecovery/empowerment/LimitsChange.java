package io.servicerecovery.empowerment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The last change to a set of limits (a level's or an agent's): the version their ETag is made of, when and
 * by whom. Every change bumps the version, so a manager who read older limits cannot overwrite newer ones.
 */
@MappedSuperclass
public abstract class LimitsChange {

    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    void changed(String by, Instant at) {
        version++;
        updatedAt = at;
        updatedBy = by;
    }
}
