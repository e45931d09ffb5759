// Fits a TailedCore model on a folder of normal images.
// Headless:  ImageJ --headless -batch macros/fit_folder.ijm "/path/to/train,/path/to/model.tailedcore"
// In Fiji:   run("Fit Model...", "training_dir=[...] model_file=[...] method=TailedCore") does the same with a dialog.
args = split(getArgument(), ",");
if (args.length < 2) exit("Usage: -batch fit_folder.ijm \"TRAINING_DIR,MODEL_FILE[,METHOD]\"");
method = "TailedCore";
if (args.length > 2) method = args[2];
result = call("io.github.tailedcore.plugin.TailedCoreMacro.fit", args[0], args[1], method);
print(result);
if (startsWith(result, "Error")) exit(result);
