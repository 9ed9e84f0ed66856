// Turns the options object Blazor sends into one the map can trust: every field checked, every number clamped.
import { clamp, finiteOr, isValidLatLon, textOrEmpty } from "./geo.js";

// Only a starting point over eastern China; setJurisdiction fits the map to the real area right after.
const DEFAULT_CENTER = [31.45, 120.62];

export function normalizeMapOptions(options) {
  const source = options && typeof options === "object" ? options : {};
  const minZoom = clamp(Math.round(finiteOr(source.minZoom, 3)), 0, 22);
  const maxZoom = clamp(Math.round(finiteOr(source.maxZoom, 18)), minZoom, 22);
  const center = Array.isArray(source.center) && isValidLatLon(source.center[0], source.center[1])
    ? [source.center[0], source.center[1]]
    : DEFAULT_CENTER;
  return {
    tileUrl: typeof source.tileUrl === "string" && source.tileUrl.trim() ? source.tileUrl.trim() : null,
    tileAttribution: textOrEmpty(source.tileAttribution, 300),
    gcj02: source.gcj02 === true,
    theme: source.theme === "light" ? "light" : "dark",
    center,
    zoom: clamp(Math.round(finiteOr(source.zoom, 13)), minZoom, maxZoom),
    minZoom,
    maxZoom,
  };
}

/** Leaflet renders attribution as HTML; ours is configured text, so it is escaped first. */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
