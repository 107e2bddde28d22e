package org.domus.rest.internal.privacy;

import java.util.List;
import java.util.Locale;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.domus.core.Subject;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.rest.internal.Messages;

/** How the export resources answer: downloads that no cache keeps, in the negotiated language. */
final class PrivacyResponses {

    static final String PDF = "application/pdf";

    private PrivacyResponses() {}

    /** The Accept-Language choice among the supported languages, else the account's, else English. */
    static Locale language(HttpHeaders headers, Subject subject) {
        List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
        return Messages.negotiate(acceptable, subject.locale());
    }

    static Response json(PersonalDataExport export, String name) {
        return Response.ok(export, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"")
                .cacheControl(noStore())
                .build();
    }

    static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                .cacheControl(noStore())
                .build();
    }

    static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        c.setPrivate(true);
        return c;
    }
}
