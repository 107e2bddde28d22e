import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the Domus logo (a house on a rounded blue square) as the 512x512 PWA base icon. Run once with
 * {@code java src/build/MakeIcon.java src/main/resources/META-INF/resources/icons/icon.png}; the PNG is
 * committed so the build does not need a display or image tools.
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int s = 512;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(0x1f5f8b));
        g.fill(new RoundRectangle2D.Double(0, 0, s, s, 112, 112));

        // Roof: a thick chevron.
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(40, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D roof = new Path2D.Double();
        roof.moveTo(96, 262);
        roof.lineTo(256, 112);
        roof.lineTo(416, 262);
        g.draw(roof);
        // Chimney.
        g.fillRect(334, 128, 40, 86);

        // Walls.
        Path2D walls = new Path2D.Double();
        walls.moveTo(146, 250);
        walls.lineTo(256, 148);
        walls.lineTo(366, 250);
        walls.lineTo(366, 408);
        walls.lineTo(146, 408);
        walls.closePath();
        g.fill(walls);

        // Door and window in the background colour.
        g.setColor(new Color(0x1f5f8b));
        g.fill(new RoundRectangle2D.Double(226, 300, 60, 108, 16, 16));
        g.fill(new RoundRectangle2D.Double(232, 212, 48, 48, 8, 8));
        g.setColor(new Color(0xf2b134));
        g.fillOval(270, 350, 10, 10);
        g.dispose();
        ImageIO.write(img, "png", new File(args[0]));
    }
}
