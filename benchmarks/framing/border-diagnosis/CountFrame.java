// Counts, per class of ../shared/datasets/industrial, the defect masks that reach into the frame the
// paper's crop cuts (resize the shorter side to 256, keep the central 224) and those lying wholly in it.
// Run: java benchmarks/framing/border-diagnosis/CountFrame.java (from the repository root).
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class CountFrame {
	public static void main(String[] a) throws Exception {
		for (String c : new String[] { "magnetic_tile", "pcb", "tire" }) {
			File gt = new File("../shared/datasets/industrial/" + c + "/ground_truth");
			int masks = 0, reaching = 0, wholly = 0;
			for (File d : gt.listFiles()) for (File f : d.listFiles()) {
				BufferedImage m = ImageIO.read(f);
				int w = m.getWidth(), h = m.getHeight();
				double s = 256.0 / Math.min(w, h), half = 112 / s;
				double x0 = w / 2.0 - half, x1 = w / 2.0 + half, y0 = h / 2.0 - half, y1 = h / 2.0 + half;
				int in = 0, out = 0;
				for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
					if ((m.getRGB(x, y) & 0xff) == 0) continue;
					if (x + 0.5 >= x0 && x + 0.5 < x1 && y + 0.5 >= y0 && y + 0.5 < y1) in++; else out++;
				}
				if (in + out == 0) continue;
				masks++;
				if (out > 0) reaching++;
				if (in == 0) wholly++;
			}
			System.out.println(c + ": " + masks + " defect masks, " + reaching + " reach into the cut frame, " + wholly + " lie wholly in it");
		}
	}
}
