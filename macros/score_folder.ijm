// Scores every image of a folder with a fitted TailedCore model and writes
// into the output folder scores.csv (image, slice, score, threshold,
// verdict), one anomaly map TIFF and one overlay PNG per image. Unreadable
// files are skipped with a logged reason; existing outputs are kept unless
// overwrite=true is given.
//
// The argument is the options string of "Score Folder...", e.g.
//   input_dir=[/data/new] model_file=[/data/screws.tailedcore] output_dir=[/data/out]
// Optional keys (a key left out gets the command's default, never the value
// the dialog last remembered): file_pattern=[*.png], recursive=true|false,
// threshold (0 = the model's), overlay_opacity, overwrite=true|false,
// shard=I/N to score one shard of a cluster array (see the README's "On a
// SLURM cluster"). Check boxes take key=true or key=false, as the macro
// recorder writes them: a key without a value is an error. Without an
// argument it asks for the folders and the model.
//
// Works in Fiji, in plain ImageJ 1.x and headless, because it goes through
// the static macro API; in Fiji the same is
//   run("Score Folder...", options);
//
// Headless (Fiji 2.18 and later; older Fiji: ImageJ-linux64 instead of ./fiji):
//   ./fiji --headless --console -macro score_folder.ijm "input_dir=[...] model_file=[...] output_dir=[...]"
//   java -Djava.awt.headless=true -cp ij.jar ij.ImageJ -ijpath IJDIR -batch score_folder.ijm "input_dir=[...] model_file=[...] output_dir=[...]"

options = getArgument();
if (options == "") {
	input = getDirectory("Folder of images to score");
	model = File.openDialog("TailedCore model file");
	output = getDirectory("Output folder");
	options = "input_dir=[" + input + "] model_file=[" + model +
		"] output_dir=[" + output + "]";
}
print(call("io.github.tailedcore.plugin.TailedCoreMacro.scoreFolder", options));
