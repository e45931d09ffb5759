package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search order, explicit files, errors, and downloads from a tiny HTTP
 * server on 127.0.0.1 that serves a file of random bytes as a backbone
 * (the locator only checks its checksum; loading it is not its job).
 */
class BackboneLocatorTest {

	private static final String NAME = "test_backbone";

	@TempDir
	Path dir;

	private HttpServer server;
	private Path served;

	@BeforeEach
	void serve() throws IOException {
		served = dir.resolve("served");
		Files.createDirectories(served);
		final byte[] bytes = new byte[100_000];
		new Random(1).nextBytes(bytes);
		Files.write(served.resolve(NAME + ".onnx"), bytes);
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			final Path file = served.resolve(exchange.getRequestURI().getPath()
				.substring(1));
			if (!Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			exchange.sendResponseHeaders(200, Files.size(file));
			try (OutputStream out = exchange.getResponseBody()) {
				Files.copy(file, out);
			}
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void standardFoldersComeInTheDocumentedOrder() {
		final Map<String, String> props = Map.of("tailedcore.models", "/p",
			"imagej.dir", "/fiji", "fiji.dir", "/other", "user.home", "/home/u",
			"tailedcore.shared", "/shared");
		final List<Path> folders = BackboneLocator.standardFolders(props::get, Map
			.of("TAILEDCORE_MODELS", "/env")::get);
		assertEquals(List.of(Paths.get("/p"), Paths.get("/env"), Paths.get(
			"/fiji/models/TailedCore"), Paths.get("/home/u/.tailedcore/models"), Paths
				.get("/shared/models")), folders);
		final List<Path> bare = BackboneLocator.standardFolders(Map.of("fiji.dir",
			"/fiji", "user.home", "/h")::get, key -> null);
		final List<Path> expected = new ArrayList<>(List.of(Paths.get(
			"/fiji/models/TailedCore"), Paths.get("/h/.tailedcore/models")));
		if (Files.isDirectory(Paths.get("../shared"))) expected.add(Paths.get(
			"../shared/models"));
		assertEquals(expected, bare, "../shared only where it exists");
	}

	@Test
	void theDefaultBackboneIsFoundWithNoSetup() throws IOException {
		final BackboneLocator.Located found = BackboneLocator.standard().find(
			BackboneLocator.DEFAULT_BACKBONE);
		assertEquals("mobilenet_v2_imagenet", found.manifest().name());
		assertTrue(Files.isRegularFile(found.onnxFile()));
	}

	@Test
	void theFirstFolderWins() throws IOException {
		final Path a = folder("a");
		final Path b = folder("b");
		writeManifest(a, "first", null);
		writeManifest(b, "second", null);
		Files.write(a.resolve(NAME + ".onnx"), new byte[] { 1 });
		Files.write(b.resolve(NAME + ".onnx"), new byte[] { 2 });
		final BackboneLocator.Located found = locator(a, b).find(NAME);
		assertEquals("first", found.manifest().sha256());
		assertEquals(a.resolve(NAME + ".onnx"), found.onnxFile());
	}

	@Test
	void theOnnxFileMayLieInALaterFolder() throws IOException {
		final Path a = folder("a");
		final Path b = folder("b");
		writeManifest(a, "x", null);
		Files.write(b.resolve(NAME + ".onnx"), new byte[] { 2 });
		assertEquals(b.resolve(NAME + ".onnx"), locator(dir.resolve("absent"), a,
			b).find(NAME).onnxFile());
	}

	@Test
	void unknownNamesListTheFoldersSearched() {
		final Path a = dir.resolve("a");
		final IOException e = assertThrows(IOException.class, () -> locator(a)
			.find("resnet_nope"));
		assertTrue(e.getMessage().contains("resnet_nope"), e.getMessage());
		assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
	}

	@Test
	void aManifestWithoutFileOrUrlSaysSo() throws IOException {
		final Path a = folder("a");
		writeManifest(a, "x", null);
		final IOException e = assertThrows(IOException.class, () -> locator(a)
			.find(NAME));
		assertTrue(e.getMessage().contains("no url"), e.getMessage());
	}

	@Test
	void explicitFilesNeedTheirPartner() throws IOException {
		final Path a = folder("a");
		final Path onnx = a.resolve("mine.onnx");
		Files.write(onnx, new byte[] { 1 });
		final IOException e = assertThrows(IOException.class,
			() -> BackboneLocator.locate(onnx));
		assertTrue(e.getMessage().contains("mine.json"), e.getMessage());
		final Path b = folder("b");
		writeManifest(b, "x", null);
		final Path json = b.resolve(NAME + ".json");
		assertThrows(IOException.class, () -> locator(a).resolve(json.toString()),
			"the manifest without its ONNX file");
		Files.write(b.resolve(NAME + ".onnx"), new byte[] { 1 });
		final BackboneLocator.Located found = locator(a).resolve(json.toString());
		assertEquals(NAME, found.manifest().name());
		assertEquals(json.toAbsolutePath().resolveSibling(NAME + ".onnx"), found
			.onnxFile());
	}

	@Test
	void missingOnnxIsDownloadedAndVerified() throws IOException {
		final Path manifests = folder("manifests");
		final Path target = dir.resolve("downloads");
		final String sha = Sha256.of(served.resolve(NAME + ".onnx"));
		writeManifest(manifests, sha, url(NAME + ".onnx"));
		final BackboneLocator.Located found = locator(target, manifests).find(
			NAME);
		assertEquals(target.resolve(NAME + ".onnx"), found.onnxFile());
		assertEquals(sha, Sha256.of(found.onnxFile()));
		assertEquals(List.of(found.onnxFile()), list(target));
		// now on disk: found again without the server
		server.stop(0);
		assertEquals(found.onnxFile(), locator(target, manifests).find(NAME)
			.onnxFile());
	}

	@Test
	void aWrongChecksumDeletesTheDownload() throws IOException {
		final Path manifests = folder("manifests");
		final Path target = dir.resolve("downloads");
		writeManifest(manifests, "00" + Sha256.of(served.resolve(NAME + ".onnx"))
			.substring(2), url(NAME + ".onnx"));
		final IOException e = assertThrows(IOException.class, () -> locator(
			target, manifests).find(NAME));
		assertTrue(e.getMessage().contains("deleted"), e.getMessage());
		assertEquals(List.of(), list(target));
	}

	@Test
	void aServerErrorIsReported() throws IOException {
		final Path manifests = folder("manifests");
		final Path target = dir.resolve("downloads");
		writeManifest(manifests, "ab", url("missing.onnx"));
		final IOException e = assertThrows(IOException.class, () -> locator(
			target, manifests).find(NAME));
		assertTrue(e.getMessage().contains("404"), e.getMessage());
		assertEquals(List.of(), list(target));
	}

	private BackboneLocator locator(final Path... folders) {
		return new BackboneLocator(List.of(folders), new BackboneDownloader());
	}

	private Path folder(final String name) throws IOException {
		return Files.createDirectories(dir.resolve(name));
	}

	private String url(final String file) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
	}

	/**
	 * The bundled backbone's manifest, renamed {@value #NAME}, with another
	 * sha256 and an optional url.
	 */
	private static void writeManifest(final Path folder, final String sha256,
		final String url) throws IOException
	{
		final String bundled;
		try (InputStream in = BundledBackbones.class.getResourceAsStream(
			"backbones/" + BackboneLocator.DEFAULT_BACKBONE + ".json"))
		{
			bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String json = bundled.replace(BackboneLocator.DEFAULT_BACKBONE, NAME)
			.replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"" + sha256 +
				"\"");
		if (url != null) json = json.replace("\"file\":", "\"url\": \"" + url +
			"\", \"file\":");
		Files.writeString(folder.resolve(NAME + ".json"), json);
	}

	private static List<Path> list(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
	}
}
