// Coordinate checks and conversions shared by the map layers. Everything the server sends is WGS-84; when the base
// tiles are GCJ-02 (the Chinese offset used by most domestic tile servers) each point is shifted once, here, so no
// layer can forget it.
import gcoord from "../node_modules/gcoord/dist/gcoord.esm-browser.prod.js";

const MAX_MERCATOR_LATITUDE = 85.0511287798;

export function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

/** A finite number from JSON, or the fallback: strings, null and NaN never leak into the drawing code. */
export function finiteOr(value, fallback) {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function isValidLatLon(lat, lon) {
  return typeof lat === "number" && typeof lon === "number"
    && Number.isFinite(lat) && Number.isFinite(lon)
    && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/** Plain text for a label or tooltip, bounded so a hostile feed cannot flood the DOM. */
export function textOrEmpty(value, maxLength = 200) {
  return typeof value === "string" ? value.slice(0, maxLength) : "";
}

/**
 * Returns `(lat, lon) => [lat, lon] | null` that validates a WGS-84 point and converts it to the map's datum.
 * gcoord leaves points outside China unchanged, which is what we want for test data far from home.
 */
export function createProjector(gcj02) {
  return (lat, lon) => {
    if (!isValidLatLon(lat, lon)) return null;
    if (!gcj02) return [lat, lon];
    try {
      const [gcjLon, gcjLat] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
      return isValidLatLon(gcjLat, gcjLon) ? [gcjLat, gcjLon] : null;
    } catch {
      return null;
    }
  };
}

/** The inverse of createProjector: a point on the map back to WGS-84, or null. */
export function createUnprojector(gcj02) {
  return (lat, lon) => {
    if (!isValidLatLon(lat, lon)) return null;
    if (!gcj02) return [lat, lon];
    try {
      const [wgsLon, wgsLat] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84);
      return isValidLatLon(wgsLat, wgsLon) ? [wgsLat, wgsLon] : null;
    } catch {
      return null;
    }
  };
}

/**
 * Spherical Mercator (the map's EPSG:3857 CRS) normalised to 0..1, so a unit is projected once per position
 * instead of once per frame and zoom level: world pixels are these values times 256 * 2^zoom.
 */
export function mercatorX(lon) {
  return lon / 360 + 0.5;
}

export function mercatorY(lat) {
  const sin = Math.sin(clamp(lat, -MAX_MERCATOR_LATITUDE, MAX_MERCATOR_LATITUDE) * Math.PI / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}
