/**
 * Great-circle distances between comune centroids. A centroid distance is what the matching and
 * filters need ("within 30 km of Modena"); it is not a road distance, and says so in the API docs.
 */

/** Mean Earth radius (IUGG), the usual value for the haversine formula. */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  lat: number;
  lon: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rounds a distance for display and comparison: 100 m is finer than a centroid deserves. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/**
 * A latitude/longitude box that contains every point within radiusKm of the centre, so the
 * database can discard most comuni with an index before the exact distance is computed.
 */
export function boundingBox(centre: LatLon, radiusKm: number) {
  const angle = radiusKm / EARTH_RADIUS_KM;
  const dLat = (angle * 180) / Math.PI;
  // The widest longitude a circle on the sphere reaches (it is a little wider than dLat / cos(lat)).
  const ratio = Math.sin(angle) / Math.cos(toRadians(centre.lat));
  const dLon = ratio >= 1 ? 180 : (Math.asin(ratio) * 180) / Math.PI;
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLon: centre.lon - dLon, maxLon: centre.lon + dLon };
}
