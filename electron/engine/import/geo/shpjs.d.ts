/** The two shpjs entry points the shapefile reader uses (shpjs ships no types). */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp in file order (null for null shapes); no reprojection without `prj`. */
  export function parseShp(
    shp: DataView | ArrayBufferView | ArrayBuffer,
    prj?: string | false,
  ): (Geometry | null)[];
  /** Attribute rows of a .dbf in file order, decoded with the .cpg code page (UTF-8 by default). */
  export function parseDbf(
    dbf: DataView | ArrayBufferView | ArrayBuffer,
    cpg?: string,
  ): Record<string, string | number | boolean | Date | null>[];
}
