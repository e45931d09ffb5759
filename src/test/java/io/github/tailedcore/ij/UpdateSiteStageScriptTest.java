package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code update-site/stage.sh --prune} on a fake populated directory: the
 * file list that Maven's populate-app produced for this project (checked by
 * hand), so the test needs no Maven run; the example macros and the
 * launcher configuration are added.
 * Also checks that every shipped dependency of the POM is classified in one
 * of the two lists.
 */
class UpdateSiteStageScriptTest {

	private static final Path SITE = Path.of("update-site");

	/** What {@code mvn install -Dscijava.app.directory=DIR} wrote. */
	private static final List<String> POPULATED = List.of(
		"jars/TailedCore_-0.1.0-SNAPSHOT.jar", "jars/api-0.35.1.jar",
		"jars/commons-codec-1.19.0.jar", "jars/commons-compress-1.28.0.jar",
		"jars/commons-io-2.20.0.jar", "jars/gson-2.10.1.jar",
		"jars/jna-5.14.0.jar", "jars/onnxruntime-1.21.1.jar",
		"jars/onnxruntime-engine-0.35.1.jar", "jars/slf4j-api-2.0.17.jar");

	@TempDir
	Path dir;

	@BeforeAll
	static void needsBash() {
		assumeTrue(Files.isExecutable(Path.of("/bin/bash")),
			"stage.sh is a bash script");
	}

	@Test
	void keepsOnlyOurJarAndWhatFijiLacks() throws Exception {
		populate(POPULATED);
		populate(List.of("jars/linux64/jna-5.14.0.jar"));
		final Run run = prune();
		assertEquals(0, run.exit, run.output);
		assertEquals(List.of("config/jaunch/extra-tailedcore.toml",
			"jars/TailedCore_-0.1.0-SNAPSHOT.jar", "jars/djl-api-0.35.1.jar",
			"jars/onnxruntime-1.21.1.jar", "jars/onnxruntime-engine-0.35.1.jar",
			"macros/fit_folder.ijm", "macros/score_folder.ijm"), files());
		assertTrue(Files.readString(dir.resolve(
			"config/jaunch/extra-tailedcore.toml")).contains(
				"'JAVA:16+|--add-modules=jdk.incubator.vector'"),
			"the one-argument form, which Jaunch passes to the JVM as it is");
		assertFalse(Files.exists(dir.resolve("jars/linux64")),
			"emptied folders go");
	}

	@Test
	void stopsAtAJarInNeitherList() throws Exception {
		populate(List.of("jars/TailedCore_-0.1.0-SNAPSHOT.jar",
			"jars/linux64/mystery-lib-1.0-linux-x86_64.jar"));
		final Run run = prune();
		assertEquals(1, run.exit, run.output);
		assertTrue(run.output.contains(
			"jars/linux64/mystery-lib-1.0-linux-x86_64.jar"), run.output);
		assertTrue(run.output.contains("'mystery-lib'"), run.output);
		assertTrue(files().contains(
			"jars/linux64/mystery-lib-1.0-linux-x86_64.jar"));
	}

	/** Each compile/runtime dependency of pom.xml is in exactly one list. */
	@Test
	void everyShippedPomDependencyIsClassified() throws Exception {
		final List<String> fiji = names("fiji-provided.txt");
		final List<String> shipped = names("shipped.txt");
		final NodeList deps = (NodeList) XPathFactory.newInstance().newXPath()
			.evaluate("/project/dependencies/dependency", DocumentBuilderFactory
				.newInstance().newDocumentBuilder().parse(Path.of("pom.xml")
					.toFile()), XPathConstants.NODESET);
		assertTrue(deps.getLength() > 0, "pom.xml has dependencies");
		for (int i = 0; i < deps.getLength(); i++) {
			final Element dep = (Element) deps.item(i);
			final String id = text(dep, "artifactId");
			final String scope = text(dep, "scope");
			if (scope.equals("test")) continue;
			final boolean inFiji = fiji.contains(id);
			final boolean ours = shipped.contains(id);
			assertTrue(inFiji ^ ours, id + " must be in exactly one list");
			if (scope.equals("provided")) assertTrue(inFiji, id +
				" is provided, so Fiji must ship it");
		}
	}

	private void populate(final List<String> files) throws IOException {
		for (final String f : files) {
			Files.createDirectories(dir.resolve(f).getParent());
			Files.write(dir.resolve(f), new byte[] { 'P', 'K' });
		}
	}

	private List<String> files() throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(p -> dir.relativize(p)
				.toString().replace('\\', '/')).sorted().toList();
		}
	}

	private Run prune() throws IOException, InterruptedException {
		final Process p = new ProcessBuilder("/bin/bash", SITE.resolve("stage.sh")
			.toString(), "--prune", dir.toString()).redirectErrorStream(true)
				.start();
		final String out = new String(p.getInputStream().readAllBytes(),
			StandardCharsets.UTF_8);
		return new Run(p.waitFor(), out);
	}

	private static List<String> names(final String list) throws IOException {
		final List<String> names = new ArrayList<>();
		for (final String line : Files.readAllLines(SITE.resolve(list)))
			if (!line.isBlank() && !line.startsWith("#")) names.add(line.trim());
		return names;
	}

	private static String text(final Element e, final String tag) {
		final NodeList n = e.getElementsByTagName(tag);
		return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
	}

	private record Run(int exit, String output) {}
}
