// The end-to-end check of the example macros in a real ImageJ 1.x:
// fit a small model on test-images/grid with macros/fit_folder.ijm, score
// all of test-images with macros/score_folder.ijm, then check what it
// wrote. Prints PASS when everything is there (ImageJ exits 0 anyway).
//
//   .ci/xvfb-macro-test.sh .ci/macro-batch-test.ijm "REPO|OUT"

args = split(getArgument(), "|");
repo = args[0];
out = args[1];
model = out + "/grid.tailedcore";
scores = out + "/scores";

runMacro(repo + "/macros/fit_folder.ijm", "training_dir=[" + repo +
	"/test-images/grid/train/good] model_file=[" + model +
	"] method=PatchCore coreset_ratio=0.05");
if (!File.exists(model)) fail("no model file " + model);

runMacro(repo + "/macros/score_folder.ijm", "input_dir=[" + repo +
	"/test-images] model_file=[" + model + "] output_dir=[" + scores +
	"] file_pattern=???.png recursive=true");
csv = scores + "/scores.csv";
if (!File.exists(csv)) fail("no " + csv);
lines = split(File.openAsString(csv), "\n");
if (lines[0] != "image,slice,score,threshold,verdict") fail("header " + lines[0]);
if (lines.length != 60) fail((lines.length - 1) + " rows, expected 59");

open(scores + "/grid/test/hole/000.png_map.tif");
if (bitDepth() != 32 || getWidth() != 256) fail("map " + bitDepth() + " bit, " + getWidth() + " wide");
if (!File.exists(scores + "/grid/test/hole/000.png_overlay.png")) fail("no overlay PNG");
print("PASS");

function fail(message) {
	print("FAIL: " + message);
	exit;
}
