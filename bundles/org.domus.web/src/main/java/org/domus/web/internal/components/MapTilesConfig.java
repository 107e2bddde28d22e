package org.domus.web.internal.components;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map tile settings of configuration PID {@value #PID}. A change applies to maps attached from then on
 * without restarting the UI (modified, not re-activated).
 */
@Component(
        service = MapTilesConfig.class,
        configurationPid = MapTilesConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MapTilesConfig.Config.class)
public class MapTilesConfig {

    public static final String PID = "org.domus.web";

    private static final Logger LOG = LoggerFactory.getLogger(MapTilesConfig.class);

    @ObjectClassDefinition(name = "Domus web", description = "Settings of the web UI")
    public @interface Config {
        @AttributeDefinition(name = "Map tile URL", description = "Template with {z}, {x} and {y}")
        String map_tiles_url() default "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

        @AttributeDefinition(name = "Map attribution", description = "HTML the tile provider requires")
        String map_tiles_attribution() default
                "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

        @AttributeDefinition(name = "Highest map zoom", description = "0..22")
        int map_tiles_maxZoom() default 19;
    }

    private volatile MapTiles tiles = MapTiles.DEFAULT;

    @Activate
    @Modified
    public void configure(Map<String, Object> properties) {
        MapTiles next = MapTiles.from(properties);
        if (!next.equals(tiles)) {
            LOG.info("Map tiles from {} (max zoom {})", next.url(), next.maxZoom());
        }
        tiles = next;
    }

    public MapTiles tiles() {
        return tiles;
    }
}
