package org.domus.web.internal.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.domus.web.DomusUi;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vaadin's translation provider for the whole shell: an extender that collects the translation files of
 * every active bundle declaring the {@value DomusUi#I18N_HEADER} header (the shell itself included), so
 * that a module's labels appear and disappear with the module.
 */
@Component(service = DomusI18NProvider.class)
public class DomusI18NProvider implements I18NProvider {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DomusI18NProvider.class);

    private final transient MessageCatalog catalog;
    private final transient BundleTracker<String> tracker;

    @Activate
    public DomusI18NProvider(BundleContext context) {
        this.catalog = new MessageCatalog();
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    /** For tests and for callers outside OSGi. */
    public DomusI18NProvider(MessageCatalog catalog) {
        this.catalog = catalog;
        this.tracker = null;
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return MessageCatalog.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return catalog.translate(key, locale, params);
    }

    private final class Customizer implements BundleTrackerCustomizer<String> {

        @Override
        public String addingBundle(Bundle bundle, BundleEvent event) {
            String baseName = bundle.getHeaders("").get(DomusUi.I18N_HEADER);
            if (baseName == null || baseName.isBlank()) {
                return null;
            }
            String base = baseName.trim();
            catalog.add(bundle.getBundleId(), bundle.getSymbolicName(), base, bundle::getEntry);
            LOG.debug("Translations {} of {} added", base, bundle.getSymbolicName());
            return base;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, String baseName) {
            // Nothing to do: the files are re-read only when the bundle comes back after an update.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, String baseName) {
            catalog.remove(bundle.getBundleId());
            LOG.debug("Translations {} of {} removed", baseName, bundle.getSymbolicName());
        }
    }
}
