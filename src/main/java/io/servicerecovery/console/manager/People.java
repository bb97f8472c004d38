package io.servicerecovery.console.manager;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.servicerecovery.empowerment.EmpowermentAdmin;
import io.servicerecovery.empowerment.EmpowermentViews.AgentView;
import io.servicerecovery.profile.StaffProfiles;

/**
 * The people whose empowerment a manager looks at: everyone with a profile (everyone who
 * signed in or was seeded) and everyone with an empowerment record, by login id, with
 * their level, overrides and what they used of their budget. A large organisation has
 * many, so the page shows the first ones in login order and a search narrows them.
 */
@ApplicationScoped
public class People {

    private final EntityManager em;
    private final EmpowermentAdmin admin;
    private final StaffProfiles profiles;

    public People(EntityManager em, EmpowermentAdmin admin, StaffProfiles profiles) {
        this.em = em;
        this.admin = admin;
        this.profiles = profiles;
    }

    /** A person as the overview lists them. */
    public record Person(String name, AgentView empowerment) {
    }

    /** At most {@code max} people whose login id contains {@code search} (all when it is blank). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Person> find(String search, int max) {
        String pattern = search == null || search.isBlank() ? "%"
                : "%" + search.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%";
        List<String> ids = em.createNativeQuery("select id from (select user_id as id from staff_profile union "
                + "select agent_id from agent_empowerment) people where lower(id) like ?1 escape '!' order by id")
                .setParameter(1, pattern).setMaxResults(max).getResultList();
        return ids.stream().map(id -> new Person(profiles.displayNameOf(id), admin.agent(id).value())).toList();
    }
}
