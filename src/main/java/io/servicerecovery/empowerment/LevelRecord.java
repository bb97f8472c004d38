package io.servicerecovery.empowerment;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A level and its limits per currency. The version is what its ETag says. */
@Entity
@Table(name = "empowerment_level")
public class LevelRecord extends LimitsChange {

    @Id
    @Enumerated(EnumType.STRING)
    public Level level;

    @OneToMany(mappedBy = "level", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("currency")
    public List<LevelLimit> limits = new ArrayList<>();
}
