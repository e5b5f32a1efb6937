/**
 * Extraction as Lambda does it: every attached layer's .zip is unpacked into /opt, in the order the
 * layers are listed, so a later layer's file replaces an earlier layer's file at the same path
 * (https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html: "Lambda loads the layer
 * content into the /opt directory"; adding-layers.html: layers are merged in order).
 */
import type { LayerVersion } from './layer-version.ts';

/** Where layer content lands in the execution environment. */
export const OPT_ROOT = '/opt';

/** One extracted file: its absolute path under /opt and the layer it came from. */
export interface OptFile {
  path: string;
  code: string;
  /** ARN of the layer version whose copy won (the last one listed that has this path). */
  fromArn: string;
}

/** The files of /opt after extracting `layers` in order, by absolute path. */
export function extractLayers(layers: readonly LayerVersion[] | undefined): Map<string, OptFile> {
  const out = new Map<string, OptFile>();
  for (const layer of layers ?? []) {
    for (const file of layer.files) {
      const path = `${OPT_ROOT}/${file.path}`;
      out.set(path, { path, code: file.code, fromArn: layer.arn });
    }
  }
  return out;
}
