package io.servicerecovery.console;

import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.security.CurrentUser;

/**
 * My profile: the name (and signature line) customers see under my emails, the time zone the console shows my
 * times in, and whether the inbox's keyboard shortcuts are on.
 */
@Path("/console/profile")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER, CurrentUser.ADMIN })
@Produces(MediaType.TEXT_HTML)
public class ProfilePage {

    static final int MAX_NAME = 200;

    private final ConsoleRequest console;
    private final StaffProfiles profiles;

    public ProfilePage(ConsoleRequest console, StaffProfiles profiles) {
        this.console = console;
        this.profiles = profiles;
    }

    /**
     * The zones a person can choose: UTC and the regions' zones (Europe/Stockholm), sorted; not the fixed offsets
     * and old aliases (Etc/GMT+1, SystemV/...), which would shift by an hour at summer time without saying.
     */
    static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                    .sorted())
            .toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(PageFrame frame, StaffProfiles.Profile profile, List<String> zones,
                String zone, boolean saved, String error);
    }

    @GET
    public TemplateInstance show(@jakarta.ws.rs.QueryParam("saved") boolean saved) {
        StaffProfiles.Profile profile = profiles.of(console.user().id());
        return console.localized(Templates.profile(console.frame("profile"), profile, ZONES,
                ConsoleFormat.zoneName(profile.zone()), saved, null));
    }

    /** @param shortcuts the checkbox: present ("on") when ticked, absent when not */
    @POST
    public Response save(@FormParam("displayName") String displayName, @FormParam("signature") String signature,
            @FormParam("timeZone") String timeZone, @FormParam("shortcuts") String shortcuts) {
        String id = console.user().id();
        String error = validate(displayName, "displayName");
        if (error == null) {
            error = validateOptional(signature, "signature");
        }
        String zoneName = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        if (error == null && !ZONES.contains(zoneName)) {
            // The form offers only ZONES: anything else was not chosen on it.
            error = "timeZone: not a time zone of the list";
        }
        boolean keys = shortcuts != null;
        if (error != null) {
            StaffProfiles.Profile typed = new StaffProfiles.Profile(id, displayName == null ? "" : displayName, signature,
                    java.time.ZoneOffset.UTC, keys);
            return Response.status(400).entity(console.localized(Templates.profile(console.frame("profile"), typed,
                    ZONES, zoneName, false, error))).build();
        }
        profiles.save(id, displayName, signature, ZoneId.of(zoneName), keys);
        // POST, redirect, GET: Back or a reload never sends the form again
        return ConsoleRedirect.seeOther("/console/profile?saved=true");
    }

    /** A name goes into email headers and bodies: one line, no control characters. */
    private static String validate(String value, String field) {
        if (value == null || value.isBlank()) {
            return field + ": must not be blank";
        }
        return validateOptional(value, field);
    }

    private static String validateOptional(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            return field + ": at most " + MAX_NAME + " characters";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return field + ": must be a single line without control characters";
        }
        return null;
    }
}
