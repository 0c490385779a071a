/**
 * H3 cells (resolution 8) of the city as small integers, with their neighbours for telecom noise.
 */
import { gridDisk, latLngToCell } from 'h3-js';

/** H3 resolution of telecom presence. */
export const TELECOM_RESOLUTION = 8;

/** Interns H3 cell strings. */
export class CellTable {
  private readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly ring = new Map<number, Int32Array>();

  /**
   * @param text - an H3 index
   * @returns its id (added when new)
   */
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /**
   * @param lat - latitude
   * @param lng - longitude
   * @returns id of the resolution-8 cell containing the point
   */
  at(lat: number, lng: number): number {
    return this.id(latLngToCell(lat, lng, TELECOM_RESOLUTION));
  }

  /**
   * @param id - a cell id
   * @returns the 15-character H3 index
   */
  text(id: number): string {
    return this.texts[id]!;
  }

  /**
   * @param id - a cell id
   * @returns ids of the six cells around it
   */
  neighbours(id: number): Int32Array {
    let list = this.ring.get(id);
    if (list === undefined) {
      list = Int32Array.from(
        gridDisk(this.texts[id]!, 1)
          .filter((c) => c !== this.texts[id])
          .sort()
          .map((c) => this.id(c)),
      );
      this.ring.set(id, list);
    }
    return list;
  }
}
