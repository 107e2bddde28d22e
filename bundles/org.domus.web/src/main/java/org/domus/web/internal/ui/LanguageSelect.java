package org.domus.web.internal.ui;

import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import org.domus.web.internal.i18n.MessageCatalog;

/** The supported languages, each named in its own language. */
final class LanguageSelect extends Select<Locale> {

    private static final long serialVersionUID = 1L;

    LanguageSelect(Locale current) {
        setItems(MessageCatalog.LOCALES);
        setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        setValue(MessageCatalog.supported(current));
        getElement().setAttribute("aria-label", getTranslation("language.choose"));
    }
}
