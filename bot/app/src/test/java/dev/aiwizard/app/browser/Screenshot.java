package dev.aiwizard.app.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A screenshot saved as a PNG file and what it shows in numbers: its size, the size the browser said it would have,
 * and how much of it is one colour. A page that did not render (blank, or all one background) is one colour.
 */
public record Screenshot(Path file, int width, int height, int expectedWidth, int expectedHeight,
                         double dominantColourShare, int colours) {

    /** Writes {@code png} to {@code file} and decodes it; {@code expectedWidth} x {@code expectedHeight} in pixels. */
    static Screenshot save(Path file, byte[] png, int expectedWidth, int expectedHeight) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("the screenshot " + file + " is not a PNG image");
            }
            Map<Integer, Integer> counts = new HashMap<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    counts.merge(image.getRGB(x, y), 1, Integer::sum);
                }
            }
            int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            double share = (double) most / Math.max(1, image.getWidth() * image.getHeight());
            return new Screenshot(file, image.getWidth(), image.getHeight(), expectedWidth, expectedHeight, share,
                    counts.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write or read the screenshot " + file, e);
        }
    }

    /** Whether the image has the size the browser gave (within a pixel of rounding). */
    public boolean hasExpectedSize() {
        return Math.abs(width - expectedWidth) <= 1 && Math.abs(height - expectedHeight) <= 1;
    }

    /** Whether something is drawn: more than one colour, and no colour covers {@code maxShare} of the image. */
    public boolean showsContent(double maxShare) {
        return colours > 1 && dominantColourShare < maxShare;
    }

    @Override
    public String toString() {
        return String.format("%s (%dx%d, expected %dx%d; %d colours, the most common on %.1f %%)", file, width, height,
                expectedWidth, expectedHeight, colours, dominantColourShare * 100);
    }
}
