// Scores every image of a folder with a fitted TailedCore model: writes scores.csv, one
// anomaly-map TIFF and one overlay PNG per image into the output folder (never overwrites).
// Headless:  ImageJ --headless -batch macros/score_folder.ijm "/path/model.tailedcore,/path/images,/path/out[,recursive]"
// In Fiji:   run("Score Folder...", "input_dir=[...] model_file=[...] output_dir=[...]") does the same.
args = split(getArgument(), ",");
if (args.length < 3) exit("Usage: -batch score_folder.ijm \"MODEL_FILE,INPUT_DIR,OUTPUT_DIR[,recursive]\"");
recursive = "false";
if (args.length > 3 && args[3] == "recursive") recursive = "true";
result = call("io.github.tailedcore.plugin.TailedCoreMacro.scoreFolder", args[0], args[1], args[2], recursive);
print(result);
if (startsWith(result, "Error")) exit(result);
