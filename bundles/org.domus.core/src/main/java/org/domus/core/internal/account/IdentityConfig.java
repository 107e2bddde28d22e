package org.domus.core.internal.account;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Identity settings, PID {@value #PID}; the defaults follow the security requirements. */
@ObjectClassDefinition(name = "Domus identity", description = "Two-factor authentication and terms of use")
public @interface IdentityConfig {

    String PID = "org.domus.core.identity";

    @AttributeDefinition(description = "Roles that must use TOTP two-factor authentication")
    String[] totpRequiredRoles() default {"ADMIN", "ACCOUNTANT"};

    @AttributeDefinition(description = "Issuer name shown in authenticator apps")
    String totpIssuer() default "Domus";

    @AttributeDefinition(description = "Version of the terms of use; raising it asks everybody to accept them again")
    String termsVersion() default "2026-1";

    @AttributeDefinition(description = "Name of the cooperative, printed on handover letters")
    String cooperativeName() default "Domus";

    @AttributeDefinition(description = "Language of handover letters: cs, pl, ro or en")
    String cooperativeLanguage() default "en";
}
