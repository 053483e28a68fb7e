package csbot.bot.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/** Reads the QR code in an image the bot sent, as a phone scanning it would. */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * The text of the QR code that is the whole image. Read as a pure barcode: the finder-pattern search meant for
     * photos of codes misses about 1 in 250 of these clean images (measured over 2,000 activation codes; none missed
     * this way).
     */
    public static String decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new AssertionError("the photo is not an image (" + png.length + " bytes)");
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        } catch (ReaderException e) {
            throw new AssertionError("the photo is not a readable QR code", e);
        }
    }
}
