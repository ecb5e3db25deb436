// The sample product's tour anchors: the data-tour="…" names a demo step may target, as listed (with the page
// each is on) in manifest.ts. A contract between marketers' demo.yaml and the product UI, checked on both
// sides (schema + unit test).
import { type PipelineAnchor, pipelineManifest } from "./manifest";

export const productAnchors = Object.keys(pipelineManifest.anchors) as [PipelineAnchor, ...PipelineAnchor[]];

export type ProductAnchor = PipelineAnchor;
