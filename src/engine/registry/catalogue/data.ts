// Everything the catalogue defines, in one place.
import { alpine318, baseImages, baseLayers, busybox2015, oracleLinux9Slim } from "./images-base.js";
import { buildpackDeps, runtimeImages, runtimeLayers } from "./images-runtimes.js";
import { serviceImages, serviceLayers } from "./images-services.js";
import { repositories } from "./repositories.js";
import { lessonImages, lessonLayers } from "./images-lessons.js";
import type { ImageDef, LayerDef } from "./types.js";

export const layerDefs: LayerDef[] = [...baseLayers, ...serviceLayers, ...runtimeLayers, ...lessonLayers];
/** Images tags point at, plus the bases only other images are built on. */
export const imageDefs: ImageDef[] = [
  ...baseImages, ...serviceImages, ...runtimeImages, busybox2015, alpine318, oracleLinux9Slim, buildpackDeps,
  ...lessonImages,
];
export { repositories };
