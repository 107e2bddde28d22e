package org.domus.web.internal.servlet;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domus.core.access.AccessPolicy;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.AccountIssuance;
import org.domus.core.account.AccountService;
import org.domus.core.account.SessionService;
import org.domus.core.account.TotpService;
import org.domus.core.consent.ConsentService;
import org.domus.core.module.ModuleDescriptor;
import org.domus.core.privacy.PersonalDataService;
import org.domus.web.internal.components.MapTiles;
import org.domus.web.internal.components.MapTilesConfig;
import org.domus.web.internal.i18n.DomusI18NProvider;
import org.domus.web.internal.nav.ShellItems;
import org.domus.web.internal.nav.ViewRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The platform services the shell's own views use, handed to them by the instantiator. Views are created
 * by Vaadin, not by DS, so this one component is their door to the service registry.
 */
@Component(service = ShellServices.class)
public class ShellServices {

    private final AccountService accounts;
    private final SessionService sessions;
    private final AccessPolicy accessPolicy;
    private final DomusI18NProvider i18n;
    private final ViewRegistry views;
    private final TotpService totp;
    private final AccountIssuance issuance;
    private final ConsentService consents;
    private final MapTilesConfig mapTiles;
    private final ShellItems items;
    private final List<ModuleDescriptor> modules = new CopyOnWriteArrayList<>();
    private volatile AccessTokenService tokens;
    private volatile PersonalDataService privacy;

    @Activate
    public ShellServices(
            @Reference AccountService accounts,
            @Reference SessionService sessions,
            @Reference AccessPolicy accessPolicy,
            @Reference DomusI18NProvider i18n,
            @Reference ViewRegistry views,
            @Reference TotpService totp,
            @Reference AccountIssuance issuance,
            @Reference ConsentService consents,
            @Reference MapTilesConfig mapTiles,
            @Reference ShellItems items) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.accessPolicy = accessPolicy;
        this.i18n = i18n;
        this.views = views;
        this.totp = totp;
        this.issuance = issuance;
        this.consents = consents;
        this.mapTiles = mapTiles;
        this.items = items;
    }

    /**
     * The services of the Domus servlet that serves the current request; empty outside a request or under
     * another servlet (unit tests). For shell components created by module views, which get no
     * constructor arguments from the shell.
     */
    public static Optional<ShellServices> current() {
        return com.vaadin.flow.server.VaadinService.getCurrent() instanceof DomusServletService service
                ? Optional.of(service.services())
                : Optional.empty();
    }

    /** The map tile settings in force now. */
    public MapTiles mapTiles() {
        return mapTiles.tiles();
    }

    public ConsentService consents() {
        return consents;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(ModuleDescriptor module) {
        modules.add(module);
    }

    void removeModule(ModuleDescriptor module) {
        modules.remove(module);
    }

    // Optional: without token support the rest of the UI still works, the tokens page says so.
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setTokens(AccessTokenService service) {
        this.tokens = service;
    }

    void unsetTokens(AccessTokenService service) {
        if (this.tokens == service) {
            this.tokens = null;
        }
    }

    // Optional like tokens: without it the privacy page just offers no download.
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPrivacy(PersonalDataService service) {
        this.privacy = service;
    }

    void unsetPrivacy(PersonalDataService service) {
        if (this.privacy == service) {
            this.privacy = null;
        }
    }

    public Optional<PersonalDataService> privacy() {
        return Optional.ofNullable(privacy);
    }

    public AccountService accounts() {
        return accounts;
    }

    public SessionService sessions() {
        return sessions;
    }

    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }

    public DomusI18NProvider i18n() {
        return i18n;
    }

    public ViewRegistry views() {
        return views;
    }

    /** The modules' start page cards and top bar items. */
    public ShellItems items() {
        return items;
    }

    public AccountIssuance issuance() {
        return issuance;
    }

    /** The sign-in address printed on handover letters: the address this request came in by. */
    public String signInUrl() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        if (request instanceof com.vaadin.flow.server.VaadinServletRequest servlet) {
            javax.servlet.http.HttpServletRequest http = servlet.getHttpServletRequest();
            StringBuilder url =
                    new StringBuilder(http.getScheme()).append("://").append(http.getServerName());
            int port = http.getServerPort();
            if (!(port == 80 && "http".equals(http.getScheme()))
                    && !(port == 443 && "https".equals(http.getScheme()))) {
                url.append(':').append(port);
            }
            return url.append("/login").toString();
        }
        return "/login";
    }

    public TotpService totp() {
        return totp;
    }

    public Optional<AccessTokenService> tokens() {
        return Optional.ofNullable(tokens);
    }

    /** Installed modules sorted by id. */
    public List<ModuleDescriptor> modules() {
        return modules.stream()
                .sorted(Comparator.comparing(ModuleDescriptor::id))
                .toList();
    }
}
