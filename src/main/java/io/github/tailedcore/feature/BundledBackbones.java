package io.github.tailedcore.feature;

import io.github.tailedcore.feature.BackboneLocator.Located;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The backbones that the plugin jar carries as resources, so that the
 * plugin runs on a machine that has no backbone files at all: today the
 * default, {@value BackboneLocator#DEFAULT_BACKBONE} (torchvision's
 * ImageNet MobileNetV2, BSD-3-Clause; provenance and licence in
 * {@code backbones/LICENSE-mobilenet_v2_imagenet.txt} beside the resources).
 * <p>
 * ONNX Runtime reads a network from a file, so a bundled backbone is
 * unpacked once into a folder that {@link BackboneLocator} searches: the
 * ONNX file first, checked against the SHA-256 of the bundled manifest, then
 * the manifest, each written to a temporary file and moved into place
 * ({@link VerifiedFile}). A folder that holds the manifest therefore holds
 * the complete, verified network, and later look-ups find it there without
 * unpacking again.
 * </p>
 */
public final class BundledBackbones {

	/** Resource folder of the bundled files, relative to this class. */
	private static final String FOLDER = "backbones/";

	private BundledBackbones() {}

	/**
	 * Whether the jar carries a backbone named {@code name} (a plain name of
	 * letters, digits, {@code _} and {@code -}, never a path).
	 */
	public static boolean has(final String name) {
		return name.matches("[A-Za-z0-9_-]+") && BundledBackbones.class
			.getResource(FOLDER + name + ".json") != null;
	}

	/**
	 * Unpacks the bundled backbone {@code name} into {@code folder}, replacing
	 * files of the same names there.
	 *
	 * @throws NoSuchFileException if the jar carries no such backbone
	 * @throws IOException if the folder cannot be written, or the bundled
	 *           file does not match its manifest's checksum (a damaged jar)
	 */
	public static Located unpack(final String name, final Path folder)
		throws IOException
	{
		if (!has(name)) throw new NoSuchFileException(name, null,
			"The TailedCore jar carries no backbone of that name.");
		final byte[] json = read(name + ".json");
		final BackboneManifest manifest = BackboneManifest.parse(new String(json,
			StandardCharsets.UTF_8), folder.resolve(name + ".json"));
		try (InputStream onnx = open(manifest.file())) {
			VerifiedFile.write(onnx, manifest.onnxFile(), manifest.sha256(),
				"the backbone " + manifest.file() + " bundled in the TailedCore " +
					"jar (the jar is damaged; install the plugin again)");
		}
		VerifiedFile.write(new ByteArrayInputStream(json), manifest.source(),
			Sha256.of(json), "the manifest " + name + ".json bundled in the " +
				"TailedCore jar");
		return new Located(manifest, manifest.onnxFile());
	}

	private static byte[] read(final String file) throws IOException {
		try (InputStream in = open(file)) {
			return in.readAllBytes();
		}
	}

	private static InputStream open(final String file) throws IOException {
		final InputStream in = BundledBackbones.class.getResourceAsStream(FOLDER +
			file);
		if (in == null) throw new NoSuchFileException(file, null,
			"The TailedCore jar carries no backbone file of that name.");
		return in;
	}
}
