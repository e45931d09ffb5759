// Fits a TailedCore model on a folder of normal images and saves it.
//
// The argument is the options string of "Fit Model...", e.g.
//   training_dir=[/data/train] model_file=[/data/screws.tailedcore] method=TailedCore
// Optional keys (a key left out gets the command's default, never the value
// the dialog last remembered): file_pattern=[*.png], recursive=true|false,
// backbone, coreset_ratio, noise_drop_fraction, noise_threshold (adaptive or
// fixed), tail_estimate (robust or paper), tail_augmentation,
// importance_weighting, scoring (class-aware or global), framing (full, tiles
// or crop), tile_scale, tile_overlap, intensity (training-range, bit-depth,
// percentiles or display-range), channels (auto, or channel numbers of a
// composite such as channels=2 or channels=1,3), seed,
// overwrite=true|false. Scoring always frames, scales and picks channels as
// the model file says.
// Check boxes take key=true or key=false, as the macro recorder writes them: a
// key without a value is an error. Without an argument it asks for the folder
// and the model file.
//
// Works in Fiji, in plain ImageJ 1.x and headless, because it goes through
// the static macro API; in Fiji the same is
//   run("Fit Model...", options);
//
// Headless (Fiji 2.18 and later; older Fiji: ImageJ-linux64 instead of ./fiji):
//   ./fiji --headless --console -macro fit_folder.ijm "training_dir=[...] model_file=[...]"
//   java -Djava.awt.headless=true -cp ij.jar ij.ImageJ -ijpath IJDIR -batch fit_folder.ijm "training_dir=[...] model_file=[...]"

options = getArgument();
if (options == "") {
	train = getDirectory("Folder of normal training images");
	model = File.openDialog("Model file to write (.tailedcore)");
	options = "training_dir=[" + train + "] model_file=[" + model + "]";
}
print(call("io.github.tailedcore.plugin.TailedCoreMacro.fit", options));
