// Image operations of the engine: lookup, pull, list, inspect, remove, tag, history.
export { findImage, getImage, parseLookup, noSuchImage } from "./resolve.js";
export { pullImage, pullAllTags, unreachableRegistry, type PullOptions } from "./pull.js";
export { listImages, type ListImagesOptions } from "./list.js";
export { inspectImage, imageInspectOf, type ImageInspect } from "./inspect.js";
export { removeImage, type RemoveImageOptions } from "./remove.js";
export { tagImage } from "./tag.js";
export { imageHistory, type HistoryItem } from "./history.js";
export { imageConfigJson, imageIdOf, goJson, ociImageConfig } from "../image-config.js";
export { chainIds, graphDriverData } from "./layers.js";
export { referencesOf, repoTagsOf, repoDigestsOf, addReference, deleteReference } from "./refs.js";
export { humanSize, progressBar } from "./progress.js";
