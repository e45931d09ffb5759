package io.github.tailedcore.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds a backbone's manifest and ONNX file by name (e.g.
 * {@code mobilenet_v2_imagenet}, the default) or by file, and downloads a
 * missing ONNX file from its manifest's {@code url}.
 * <p>
 * A name {@code n} is looked up as {@code n.json} in these folders, in this
 * order:
 * </p>
 * <ol>
 * <li>the system property {@code tailedcore.models};</li>
 * <li>the environment variable {@code TAILEDCORE_MODELS};</li>
 * <li>{@code <Fiji.app>/models/TailedCore}, Fiji's folder taken from the
 * system property {@code imagej.dir} or {@code fiji.dir};</li>
 * <li>{@code ~/.tailedcore/models};</li>
 * <li>{@code <shared>/models}, where {@code <shared>} is the system property
 * {@code tailedcore.shared}, or else {@code ../shared} if that folder exists
 * (the development machines' shared models, beside the repository).</li>
 * </ol>
 * <p>
 * The ONNX file is looked for beside the manifest, then in the other folders
 * in the same order. If it is nowhere, it is downloaded from the manifest's
 * {@code url} into the first writable folder and checked against the
 * manifest's SHA-256 (see {@link BackboneDownloader}).
 * </p>
 * <p>
 * A name that no folder has, but that the plugin jar carries (the default,
 * {@value #DEFAULT_BACKBONE}; {@link BundledBackbones}), is unpacked into
 * the first writable folder and found there from then on. A user's own
 * files of the same name, in any folder, therefore take precedence over the
 * bundled ones, and the plugin needs no backbone files to run.
 * </p>
 */
public final class BackboneLocator {

	/** The backbone used unless the user names another. */
	public static final String DEFAULT_BACKBONE = "mobilenet_v2_imagenet";

	/** A manifest and the ONNX file it describes. */
	public record Located(BackboneManifest manifest, Path onnxFile) {}

	private final List<Path> folders;
	private final BackboneDownloader downloader;

	/**
	 * @param folders where to look, in order (missing folders are skipped)
	 * @param downloader fetches ONNX files that are nowhere on disk
	 */
	public BackboneLocator(final List<Path> folders,
		final BackboneDownloader downloader)
	{
		this.folders = List.copyOf(folders);
		this.downloader = downloader;
	}

	/** The standard folders of this JVM, with an ordinary downloader. */
	public static BackboneLocator standard() {
		return new BackboneLocator(standardFolders(System::getProperty,
			System::getenv), new BackboneDownloader());
	}

	/**
	 * The standard search folders in order, from the given system properties
	 * and environment.
	 */
	public static List<Path> standardFolders(final UnaryOperator<String> property,
		final UnaryOperator<String> environment)
	{
		final List<Path> out = new ArrayList<>();
		addIfSet(out, property.apply("tailedcore.models"));
		addIfSet(out, environment.apply("TAILEDCORE_MODELS"));
		for (final String key : new String[] { "imagej.dir", "fiji.dir" }) {
			final String fiji = property.apply(key);
			if (fiji != null && !fiji.isEmpty()) {
				out.add(Paths.get(fiji, "models", "TailedCore"));
				break;
			}
		}
		final String home = property.apply("user.home");
		if (home != null) out.add(Paths.get(home, ".tailedcore", "models"));
		final String shared = property.apply("tailedcore.shared");
		if (shared != null) out.add(Paths.get(shared, "models"));
		else if (Files.isDirectory(Paths.get("../shared"))) out.add(Paths.get(
			"../shared", "models"));
		return out;
	}

	/** Folders searched, in order. */
	public List<Path> folders() {
		return folders;
	}

	/**
	 * Finds a backbone given either a file (a manifest {@code .json}, or an
	 * {@code .onnx} with its manifest beside it) or a name to look up.
	 */
	public Located resolve(final String nameOrFile) throws IOException {
		final Path asFile = Paths.get(nameOrFile);
		if (nameOrFile.endsWith(".json") || nameOrFile.endsWith(".onnx") ||
			Files.isRegularFile(asFile)) return locate(asFile);
		return find(nameOrFile);
	}

	/**
	 * The backbone of an explicit file: a manifest, or an ONNX file whose
	 * manifest {@code <stem>.json} lies beside it.
	 *
	 * @throws IOException naming the file if it or its partner is missing
	 */
	public static Located locate(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file
			.toString(), null, "The backbone file does not exist.");
		final String name = file.getFileName().toString();
		if (name.endsWith(".onnx")) {
			final Path json = file.resolveSibling(name.substring(0, name.length() -
				5) + ".json");
			if (!Files.isRegularFile(json)) throw new NoSuchFileException(json
				.toString(), null, "The backbone " + file +
					" needs its manifest beside it; export it with " +
					"scripts/export_backbone.py, which writes both.");
			return new Located(BackboneManifest.read(json), file);
		}
		final BackboneManifest manifest = BackboneManifest.read(file);
		if (!Files.isRegularFile(manifest.onnxFile()))
			throw new NoSuchFileException(manifest.onnxFile().toString(), null,
				"The ONNX file named by the manifest " + file + " does not exist.");
		return new Located(manifest, manifest.onnxFile());
	}

	/**
	 * Finds a backbone by name, unpacking it from the plugin jar if it is on
	 * no disk, or downloading its ONNX file if only the manifest is on disk.
	 *
	 * @throws IOException saying where it looked if there is no such manifest,
	 *           or why the ONNX file could not be had
	 */
	public Located find(final String name) throws IOException {
		BackboneManifest manifest = null;
		for (final Path folder : folders) {
			final Path json = folder.resolve(name + ".json");
			if (Files.isRegularFile(json)) {
				manifest = BackboneManifest.read(json);
				break;
			}
		}
		if (manifest == null && BundledBackbones.has(name)) return BundledBackbones
			.unpack(name, writableFolder());
		if (manifest == null) throw new NoSuchFileException(name + ".json", null,
			"No backbone named '" + name + "' in " + folders +
				" (and the plugin carries only '" + DEFAULT_BACKBONE + "'). Put its " +
				"manifest and ONNX file in one of these folders, or set the system " +
				"property tailedcore.models.");
		final Path beside = manifest.onnxFile();
		if (Files.isRegularFile(beside)) return new Located(manifest, beside);
		for (final Path folder : folders) {
			final Path onnx = folder.resolve(manifest.file());
			if (Files.isRegularFile(onnx)) return new Located(manifest, onnx);
		}
		if (manifest.url() == null || manifest.url().isEmpty())
			throw new NoSuchFileException(manifest.file(), null, "The backbone '" +
				name + "' has a manifest (" + manifest.source() +
				") but its ONNX file is in none of " + folders +
				" and the manifest gives no url to download it from.");
		return new Located(manifest, downloader.download(manifest,
			writableFolder()));
	}

	/**
	 * The first search folder that exists or can be created, and is writable:
	 * where downloaded and unpacked backbones go.
	 */
	private Path writableFolder() throws IOException {
		for (final Path folder : folders) {
			try {
				Files.createDirectories(folder);
			}
			catch (final IOException e) {
				continue;
			}
			if (Files.isWritable(folder)) return folder;
		}
		throw new IOException("None of the backbone folders " + folders +
			" is writable; set the system property tailedcore.models to a " +
			"writable folder.");
	}

	private static void addIfSet(final List<Path> out, final String folder) {
		if (folder != null && !folder.isEmpty()) out.add(Paths.get(folder));
	}
}
