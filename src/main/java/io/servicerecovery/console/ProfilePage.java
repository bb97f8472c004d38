package io.servicerecovery.console;

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

/** My profile: the name (and signature line) customers see under my emails. */
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(PageFrame frame, StaffProfiles.Profile profile, boolean saved,
                String error);
    }

    @GET
    public TemplateInstance show(@jakarta.ws.rs.QueryParam("saved") boolean saved) {
        return console.localized(Templates.profile(console.frame("profile"), profiles.of(console.user().id()), saved, null));
    }

    @POST
    public Response save(@FormParam("displayName") String displayName, @FormParam("signature") String signature) {
        String id = console.user().id();
        String error = validate(displayName, "displayName");
        if (error == null) {
            error = validateOptional(signature, "signature");
        }
        if (error != null) {
            StaffProfiles.Profile typed = new StaffProfiles.Profile(id, displayName == null ? "" : displayName, signature);
            return Response.status(400)
                    .entity(console.localized(Templates.profile(console.frame("profile"), typed, false, error))).build();
        }
        profiles.save(id, displayName, signature);
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
