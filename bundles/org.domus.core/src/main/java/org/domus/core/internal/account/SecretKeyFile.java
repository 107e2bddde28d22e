package org.domus.core.internal.account;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The installation's key for sealed secrets, from {@code ${karaf.etc}/domus-secret.key} (made on first
 * start). A service of its own so that every component of the bundle uses the same key.
 */
@Component(service = SecretKeyFile.class)
public class SecretKeyFile {

    private final SecretBox box;

    @Activate
    public SecretKeyFile() {
        String etc = System.getProperty("karaf.etc");
        this.box = etc == null ? SecretBox.random() : SecretBox.fromDirectory(Path.of(etc));
    }

    public SecretBox box() {
        return box;
    }
}
