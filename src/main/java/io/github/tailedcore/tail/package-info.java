/**
 * The TailSampler of TailedCore (spec §5): predicts from the global image
 * embeddings e<sub>i</sub> how many images share each image's class (κ),
 * how many images each class holds (η), the largest tail class size K_max,
 * and therefore which images belong to rare ("tail") classes. Those images
 * feed the tail branch of the memory bank, together with the rotated and
 * flipped views of {@link io.github.tailedcore.tail.TailAugmentation}.
 * <p>
 * The steps, each in its own class and named after the authors'
 * {@code class_size.py} and {@code sampler.py}:
 * {@link io.github.tailedcore.tail.CosineSimilarity} (S = Ê Êᵀ),
 * {@link io.github.tailedcore.tail.AdaptiveThreshold} (per-image
 * neighbourhoods N(i)), {@link io.github.tailedcore.tail.ReverseModeVote}
 * (κ), {@link io.github.tailedcore.tail.ClassCountRecursion} (η),
 * {@link io.github.tailedcore.tail.Elbow} and
 * {@link io.github.tailedcore.tail.TailCap} (K_max), put together by
 * {@link io.github.tailedcore.tail.TailSampler}.
 * </p>
 * <p>
 * Beyond the paper, {@link io.github.tailedcore.tail.TailEstimation#ROBUST}
 * (the default) takes as tail only those of the paper's candidates that lie
 * apart from the head ({@link io.github.tailedcore.tail.HeadSeparation}) and
 * that do not look defective on their patches
 * ({@link io.github.tailedcore.tail.PatchConfirmation}), so that one kind of
 * image, the images of a diverse kind, or a defective image that looks
 * isolated are not taken as tail, and filters the defect
 * patches of mostly normal tail images out of the tail branch
 * ({@link io.github.tailedcore.tail.TailNoiseFilter});
 * {@link io.github.tailedcore.tail.TailEstimate#note()} says why whenever an
 * estimate was degenerate.
 * </p>
 */
package io.github.tailedcore.tail;
