package io.servicerecovery.profile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a member of staff appears to customers: their name and an optional signature line. */
@Entity
@Table(name = "staff_profile")
public class StaffProfile {

    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "display_name")
    public String displayName;
    public String signature;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
