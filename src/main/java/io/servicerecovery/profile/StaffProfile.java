package io.servicerecovery.profile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How a member of staff appears to customers (their name and an optional signature line) and how the console
 * shows them their work (time zone, keyboard shortcuts).
 */
@Entity
@Table(name = "staff_profile")
public class StaffProfile {

    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "display_name")
    public String displayName;
    public String signature;
    /** The zone the console shows this person's times in (an IANA id); null is UTC. */
    @Column(name = "time_zone")
    public String timeZone;
    /** Whether the inbox's one-key shortcuts are on. */
    public boolean shortcuts = true;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
